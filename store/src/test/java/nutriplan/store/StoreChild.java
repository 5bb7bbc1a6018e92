package nutriplan.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import nutriplan.catalog.product.Product;

/**
 * A process that writes to the embedded store until it is killed, for {@link StoreCrashTest}: it prints
 * {@code ack ID} after each acknowledged write, {@code importing} just before a long import, or {@code reverting}
 * just before a long revert (of that import, back to version 1).
 * Usage: {@code StoreChild DATA_DIR writes|import|revert}.
 */
public final class StoreChild {

    public static void main(String[] args) {
        var server = EmbeddedMongo.start(Path.of(args[0]));
        var store = MongoCatalogStore.connect(server.connectionString(), Duration.ofSeconds(2), server::commit,
                StoreCrashTest.LEASE, server::close);
        store.create("trial", List.of(MongoCatalogStoreTest.product("first", 10)), MongoCatalogStoreTest.TEST);
        System.out.println("ready");
        if (args[1].equals("writes")) {
            for (int i = 0; ; i++) {
                var id = "p" + i;
                store.put("trial", MongoCatalogStoreTest.product(id, i), MongoCatalogStoreTest.TEST, OptionalLong.empty());
                System.out.println("ack " + id);
                System.out.flush();
            }
        }
        var products = new ArrayList<Product>();
        for (int i = 0; i < StoreCrashTest.IMPORT_SIZE; i++) {
            products.add(MongoCatalogStoreTest.product("i" + i, i));
        }
        if (args[1].equals("revert")) {
            store.importProducts("trial", products.subList(0, StoreCrashTest.REVERT_SIZE), MongoCatalogStoreTest.TEST, OptionalLong.empty());
            System.out.println("reverting");
            System.out.flush();
            store.revert("trial", 1, MongoCatalogStoreTest.TEST, OptionalLong.of(2));
            System.out.println("reverted");
            System.out.flush();
            return;
        }
        System.out.println("importing");
        System.out.flush();
        store.importProducts("trial", products, MongoCatalogStoreTest.TEST, OptionalLong.empty());
        System.out.println("imported");
        System.out.flush();
    }
}

package nutriplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.product.Product;
import nutriplan.store.Change;
import nutriplan.store.EmbeddedMongo;
import nutriplan.store.MongoCatalogStore;

/**
 * The embedded catalog store: the latency of one product write (PUT) with the commit that makes it
 * survive {@code kill -9}, against the same writes without it, measured in the same run; and the data file's size
 * after those writes and after a clean close. Run with {@code bench/store [--writes 10000]}.
 */
public final class StoreBenchmark {

    private static final int WARM_UP = 1000;
    private static final Change BENCH = Change.by("bench");

    public static void main(String[] args) throws IOException {
        int writes = 10_000;
        var data = Path.of("data");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--writes" -> writes = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: bench/store [--writes N]");
            }
        }
        var catalog = CatalogFiles.read(data.resolve("catalogs").resolve("default.json")).catalog();
        System.out.printf(Locale.ROOT, "Embedded store (mongo-java-server + H2 MVStore), %d product writes each, %d warm-up;"
                + " Java %s, %d cores%n%n", writes, WARM_UP, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| writes | median ms | p90 ms | p99 ms | max ms | file after writes | file after close |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        System.out.println(run("committed after each (durable)", catalog, writes, true));
        System.out.println(run("not committed (MVStore's own ~1 s)", catalog, writes, false));
    }

    private static Product renamed(Product p, int i) {
        return new Product(p.id(), p.name() + " #" + i, p.brand(), p.kind(), p.serving(), p.nutrients(), p.tags(),
                p.maxServings(), p.price(), p.source(), p.preparation(), p.carbohydrateType(), p.use());
    }

    private static String run(String label, Catalog catalog, int writes, boolean commit) throws IOException {
        var directory = Files.createTempDirectory("nutriplan-store-bench");
        var server = EmbeddedMongo.start(directory);
        var store = MongoCatalogStore.connect(server.connectionString(), Duration.ofSeconds(5),
                commit ? server::commit : () -> { });
        store.create("bench", catalog.products(), BENCH);
        var products = catalog.products();
        var nanos = new long[writes];
        for (int i = 0; i < WARM_UP + writes; i++) {
            // Edits of existing products, round the catalog: the common write, which also leaves old revisions behind.
            // Each is renamed: a product put unchanged writes no revision.
            var product = renamed(products.get(i % products.size()), i);
            long start = System.nanoTime();
            store.put("bench", product, BENCH, OptionalLong.empty());
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = System.nanoTime() - start;
            }
        }
        long sizeAfterWrites = server.fileSize();
        store.close();
        server.close();
        long sizeAfterClose = Files.size(directory.resolve(EmbeddedMongo.FILE_NAME));
        Bench.delete(directory);
        var ms = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray();
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.1f | %s | %s |", label, Bench.percentile(ms, 50),
                Bench.percentile(ms, 90), Bench.percentile(ms, 99), Bench.percentile(ms, 100), Bench.mib(sizeAfterWrites),
                Bench.mib(sizeAfterClose));
    }
}

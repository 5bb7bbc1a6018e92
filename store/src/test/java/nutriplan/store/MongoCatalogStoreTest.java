package nutriplan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Price;
import nutriplan.catalog.product.Product;

/** The store on the real driver against the embedded server, in a fresh data directory per test. */
class MongoCatalogStoreTest {

    private static final OptionalLong ANY = OptionalLong.empty();
    static final Change TEST = Change.by("test");

    @TempDir
    Path data;

    private EmbeddedMongo server;
    private MongoCatalogStore store;

    @BeforeEach
    void open() {
        server = EmbeddedMongo.start(data);
        store = MongoCatalogStore.connect(server.connectionString(), Duration.ofSeconds(2), server::commit);
    }

    @AfterEach
    void close() {
        store.close();
        server.close();
    }

    static Product product(String id, double carbohydrate) {
        return new Product(id, "Product " + id, null, Kind.GEL, Amount.grams(40),
                Map.of(Nutrient.CARBOHYDRATE, carbohydrate, Nutrient.SODIUM, 100.0), List.of("caffeine-free"), null,
                new Price(1.5, "EUR"), "label: test");
    }

    @Test
    void create_put_read_and_delete_each_bump_the_version_and_keep_the_catalog_order() {
        assertThat(store.create("trial", List.of(product("b", 20), product("a", 22)), TEST).version()).isEqualTo(1);

        var afterPut = store.put("trial", product("c", 30), TEST, ANY);
        var afterReplace = store.put("trial", product("b", 25), TEST, ANY);
        var afterDelete = store.delete("trial", "a", TEST, ANY);

        assertThat(List.of(afterPut.version(), afterReplace.version(), afterDelete.version())).containsExactly(2L, 3L, 4L);
        assertThat(afterDelete.products()).isEqualTo(2);
        var snapshot = store.snapshot("trial");
        assertThat(snapshot.version()).isEqualTo(4);
        assertThat(snapshot.catalog().products()).extracting(Product::id).containsExactly("b", "c");
        assertThat(store.product("trial", "b")).contains(product("b", 25));
        assertThat(store.product("trial", "a")).isEmpty();
        assertThat(store.catalogs()).extracting(CatalogInfo::name, CatalogInfo::version, CatalogInfo::products)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("trial", 4L, 2));
        assertThat(store.versions()).containsExactly(Map.entry("trial", 4L));
    }

    @Test
    void unknown_catalogs_and_products_are_not_found() {
        store.create("trial", List.of(), TEST);

        assertThatThrownBy(() -> store.snapshot("nope")).isInstanceOf(NotInStoreException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> store.put("nope", product("a", 1), TEST, ANY)).isInstanceOf(NotInStoreException.class);
        assertThatThrownBy(() -> store.delete("trial", "ghost", TEST, ANY)).isInstanceOf(NotInStoreException.class)
                .hasMessageContaining("ghost");
        assertThat(store.snapshot("trial").version()).isEqualTo(1);
    }

    @Test
    void a_stale_expected_version_is_a_conflict_and_changes_nothing() {
        store.create("trial", List.of(product("a", 20)), TEST);
        store.put("trial", product("b", 20), TEST, OptionalLong.of(1));

        assertThatThrownBy(() -> store.put("trial", product("c", 20), TEST, OptionalLong.of(1)))
                .isInstanceOf(StoreConflictException.class).hasMessageContaining("version 2, not 1");
        assertThat(store.snapshot("trial").catalog().products()).extracting(Product::id).containsExactly("a", "b");
        assertThat(store.snapshot("trial").version()).isEqualTo(2);
    }

    @Test
    void a_taken_name_cannot_be_created_again() {
        store.create("trial", List.of(product("a", 20)), TEST);

        assertThatThrownBy(() -> store.create("trial", List.of(), TEST)).isInstanceOf(StoreConflictException.class);
        assertThat(store.snapshot("trial").catalog().products()).hasSize(1);
    }

    @Test
    void concurrent_writers_lose_no_update() throws Exception {
        store.create("trial", List.of(), TEST);
        int writers = 4;
        int each = 15;
        var pool = Executors.newFixedThreadPool(writers);
        var futures = new ArrayList<Future<?>>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                for (int k = 0; k < each; k++) {
                    // Optimistic writers: read the version, write with If-Match, and on a conflict read again.
                    while (true) {
                        long version = store.snapshot("trial").version();
                        try {
                            store.put("trial", product("w" + writer + "-" + k, 10), TEST, OptionalLong.of(version));
                            break;
                        } catch (StoreConflictException e) {
                            // another writer got there first: read again
                        }
                    }
                }
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();

        var snapshot = store.snapshot("trial");
        assertThat(snapshot.catalog().products()).hasSize(writers * each);
        assertThat(snapshot.version()).isEqualTo(1 + writers * each);
    }

    @Test
    void an_import_is_one_version_and_a_catalog_survives_a_restart() {
        store.create("trial", List.of(product("a", 20)), TEST);
        var products = new ArrayList<Product>();
        for (int i = 0; i < 300; i++) {
            products.add(product("p" + i, i));
        }

        var info = store.importProducts("trial", products, TEST, OptionalLong.of(1));
        close();
        open();

        assertThat(info.version()).isEqualTo(2);
        var snapshot = store.snapshot("trial");
        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(snapshot.catalog().products()).hasSize(301).first().isEqualTo(product("a", 20));
        assertThat(snapshot.catalog().product("p299")).isEqualTo(product("p299", 299));
    }

    @Test
    void seeding_happens_once_on_an_empty_store_and_never_overwrites_edits() {
        var seed = List.of(new Catalog("default", List.of(product("a", 20), product("b", 30))));

        assertThat(store.seedIfEmpty(seed, TEST)).containsExactly("default");
        store.delete("default", "a", TEST, ANY);
        assertThat(store.seedIfEmpty(seed, TEST)).isEmpty();

        assertThat(store.snapshot("default").catalog().products()).extracting(Product::id).containsExactly("b");
    }

    @Test
    void an_exported_catalog_file_imports_into_an_equal_catalog() {
        var original = new Catalog("trial", List.of(product("a", 20.5), product("b", 0.0027)));
        store.create("trial", original.products(), TEST);

        var file = CatalogFiles.write(store.snapshot("trial").catalog());
        var read = CatalogFiles.parse(file.getBytes(java.nio.charset.StandardCharsets.UTF_8), "export.json");
        store.create("copy", read.catalog().products(), TEST);

        assertThat(read.isValid()).as("export passes check-catalog: %s", read.findings()).isTrue();
        assertThat(store.snapshot("copy").catalog().products()).isEqualTo(original.products());
        assertThat(CatalogFiles.write(new Catalog("trial", store.snapshot("copy").catalog().products()))).isEqualTo(file);
    }
}

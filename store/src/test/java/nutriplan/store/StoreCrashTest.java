package nutriplan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nutriplan.catalog.product.Product;

/**
 * Crash durability with a real crash: a child JVM writes to the embedded store and is killed with SIGKILL
 * ({@code kill -9}); then the store is opened again in this JVM.
 */
class StoreCrashTest {

    static final Duration LEASE = Duration.ofSeconds(1);
    static final int IMPORT_SIZE = 3000;
    /** The products a revert removes: fewer, as the import before it must first complete (about 4 ms a product). */
    static final int REVERT_SIZE = 800;

    @TempDir
    Path data;

    @Test
    void every_acknowledged_write_survives_kill_minus_9() throws Exception {
        var acknowledged = writeThenKill(40);

        try (var reopened = reopen()) {
            var ids = reopened.snapshot("trial").catalog().products().stream().map(Product::id).toList();
            assertThat(acknowledged).hasSize(40);
            assertThat(ids).containsAll(acknowledged);
        }
    }

    @Test
    void an_import_killed_midway_leaves_no_half_import_visible_and_the_catalog_writable() throws Exception {
        var child = start("import");
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null && !line.equals("importing"); ) {
                // wait until the import starts
            }
            Thread.sleep(300); // well into the import: 3,000 products take seconds
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }

        try (var reopened = reopen()) {
            var before = reopened.snapshot("trial");
            assertThat(before.version()).as("the import never committed").isEqualTo(1);
            assertThat(before.catalog().products()).extracting(Product::id).containsExactly("first");

            // The crashed writer's lease expires, and the next writer removes what it left.
            reopened.put("trial", MongoCatalogStoreTest.product("after", 1), OptionalLong.of(1));
            var after = reopened.snapshot("trial");
            assertThat(after.version()).isEqualTo(2);
            assertThat(after.catalog().products()).extracting(Product::id).containsExactly("first", "after");
        }
    }

    @Test
    void a_revert_killed_midway_leaves_the_next_version_whole_or_absent_and_the_history_readable() throws Exception {
        var child = start("revert");
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null && !line.equals("reverting"); ) {
                // wait until the revert starts: the import before it is version 2
            }
            Thread.sleep(300); // well into the revert: removing 800 products takes seconds
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }

        try (var reopened = reopen()) {
            var store = reopened.store();
            var before = store.snapshot("trial");
            if (before.version() == 2) {
                assertThat(before.catalog().products()).as("the revert never committed: all of the import").hasSize(REVERT_SIZE + 1);
            } else {
                assertThat(before.version()).as("the revert committed whole").isEqualTo(3);
                assertThat(before.catalog().products()).extracting(Product::id).containsExactly("first");
            }
            long crashed = before.version();

            // The crashed writer's lease expires, and the next writer removes what it left, its version record too.
            store.put("trial", MongoCatalogStoreTest.product("after", 1), MongoCatalogStoreTest.TEST, OptionalLong.of(crashed));
            assertThat(store.versions("trial", Long.MAX_VALUE, 10)).extracting(VersionInfo::version)
                    .containsExactly(java.util.stream.LongStream.rangeClosed(1, crashed + 1).boxed().toList().reversed().toArray(Long[]::new));
            assertThat(store.snapshot("trial", 1).catalog().products()).extracting(Product::id).containsExactly("first");
            assertThat(store.snapshot("trial", 2).catalog().products()).hasSize(REVERT_SIZE + 1);
            assertThat(store.snapshot("trial").catalog().products()).hasSize(before.catalog().products().size() + 1);
        }
    }

    @Test
    void a_store_file_whose_tail_was_torn_off_refuses_to_start_instead_of_losing_acknowledged_writes() throws Exception {
        var acknowledged = writeThenKill(20);
        var file = data.resolve(EmbeddedMongo.FILE_NAME);
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 4096); // the last block never reached the disk
        }

        // Without the check the MVStore opens at its last intact version, silently without the last writes.
        assertThatThrownBy(() -> EmbeddedMongo.start(data)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ends before its last acknowledged change")
                .hasMessageContaining("restore the data directory from a backup")
                .hasMessageContaining(EmbeddedMongo.ACKNOWLEDGED_FILE_NAME);
        assertThatThrownBy(() -> EmbeddedMongo.start(data)).as("refuses again: nothing was changed").isInstanceOf(IllegalStateException.class);

        // The operator's way out, as the message says: start on what is left, knowingly.
        java.nio.file.Files.delete(data.resolve(EmbeddedMongo.ACKNOWLEDGED_FILE_NAME));
        try (var reopened = reopen()) {
            var ids = reopened.snapshot("trial").catalog().products().stream().map(Product::id).toList();
            assertThat(ids).contains("first").isSubsetOf(concat("first", acknowledged));
        }
    }

    /** A child writing products, killed with SIGKILL right after its {@code count}th acknowledged write; their ids. */
    private List<String> writeThenKill(int count) throws Exception {
        var acknowledged = new ArrayList<String>();
        var child = start("writes");
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; acknowledged.size() < count && (line = out.readLine()) != null; ) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            child.waitFor(10, TimeUnit.SECONDS);
        }
        return acknowledged;
    }

    private static List<String> concat(String first, List<String> rest) {
        var all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    private Process start(String mode) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName(), data.toString(), mode))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The store in this JVM, after the child is gone. */
    private ReopenedStore reopen() {
        return new ReopenedStore(EmbeddedMongo.start(data));
    }

    private record ReopenedStore(EmbeddedMongo server, MongoCatalogStore store) implements AutoCloseable {
        ReopenedStore(EmbeddedMongo server) {
            this(server, MongoCatalogStore.connect(server.connectionString(), Duration.ofSeconds(2), server::commit, LEASE, () -> { }));
        }

        StoredCatalog snapshot(String catalog) {
            return store.snapshot(catalog);
        }

        void put(String catalog, Product product, OptionalLong expected) {
            store.put(catalog, product, MongoCatalogStoreTest.TEST, expected);
        }

        @Override
        public void close() {
            store.close();
            server.close();
        }
    }
}

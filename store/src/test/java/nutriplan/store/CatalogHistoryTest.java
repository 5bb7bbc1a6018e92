package nutriplan.store;

import static nutriplan.store.MongoCatalogStoreTest.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClients;

import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.product.Product;

/** Catalog history (issue 29) on the real driver against the embedded server, in a fresh data directory per test. */
class CatalogHistoryTest {

    private static final OptionalLong ANY = OptionalLong.empty();
    private static final Change ANA = new Change("user:ana", "req-1", "first pass");
    private static final Change TEST = MongoCatalogStoreTest.TEST;

    @TempDir
    Path data;

    private EmbeddedMongo server;
    private MovableClock clock;
    private MongoCatalogStore store;

    @BeforeEach
    void open() {
        server = EmbeddedMongo.start(data);
        clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        store = connect(Retention.KEEP_ALL);
    }

    private MongoCatalogStore connect(Retention retention) {
        return MongoCatalogStore.connect(server.connectionString(), Duration.ofSeconds(2), server::commit,
                MongoCatalogStore.LEASE, () -> { }, retention, clock);
    }

    @AfterEach
    void close() {
        store.close();
        server.close();
    }

    private List<Product> productsAt(long version) {
        return store.snapshot("trial", version).catalog().products();
    }

    @Test
    void every_version_reads_again_as_it_was_after_puts_deletes_and_imports() {
        store.create("trial", List.of(product("a", 20), product("b", 30)), TEST);
        store.put("trial", product("a", 25), TEST, ANY);
        store.delete("trial", "b", TEST, ANY);
        store.importProducts("trial", List.of(product("c", 1), product("b", 31)), TEST, ANY);

        assertThat(productsAt(1)).containsExactly(product("a", 20), product("b", 30));
        assertThat(productsAt(2)).containsExactly(product("a", 25), product("b", 30));
        assertThat(productsAt(3)).containsExactly(product("a", 25));
        assertThat(productsAt(4)).as("b back in its old place").containsExactly(product("a", 25), product("b", 31), product("c", 1));
        assertThat(store.snapshot("trial", 2).info()).extracting(CatalogInfo::version, CatalogInfo::products).containsExactly(2L, 2);
        assertThat(store.snapshot("trial", 4)).isEqualTo(store.snapshot("trial"));
        assertThat(store.product("trial", "b", 3)).isEmpty();
        assertThat(store.product("trial", "b", 1)).contains(product("b", 30));
        assertThat(store.product("trial", "c", 1)).isEmpty();
    }

    @Test
    void an_unknown_or_future_version_is_not_found_with_a_clear_message() {
        store.create("trial", List.of(product("a", 20)), TEST);

        assertThatThrownBy(() -> store.snapshot("trial", 2)).isInstanceOf(NotInStoreException.class)
                .hasMessage("catalog \"trial\" has no version 2: it is at version 1")
                .extracting(e -> ((NotInStoreException) e).field()).isEqualTo("version");
        assertThatThrownBy(() -> store.snapshot("trial", 0)).isInstanceOf(NotInStoreException.class)
                .hasMessageContaining("versions start at 1");
        assertThatThrownBy(() -> store.product("trial", "a", 7)).isInstanceOf(NotInStoreException.class);
        assertThatThrownBy(() -> store.snapshot("nope", 1)).isInstanceOf(NotInStoreException.class)
                .extracting(e -> ((NotInStoreException) e).field()).isEqualTo("catalog");
    }

    @Test
    void versions_are_listed_newest_first_in_pages_with_who_when_why_and_what() {
        store.create("trial", List.of(product("a", 20)), Change.by("seed"));
        clock.advance(Duration.ofMinutes(1));
        store.put("trial", product("b", 20), ANA, ANY);
        store.importProducts("trial", List.of(product("a", 21), product("c", 1)), TEST, ANY);
        store.delete("trial", "b", TEST, ANY);
        store.put("trial", product("a", 21), TEST, ANY); // unchanged: a version that changes nothing

        var first = store.versions("trial", Long.MAX_VALUE, 2);
        var second = store.versions("trial", first.getLast().version(), 2);
        var third = store.versions("trial", second.getLast().version(), 2);

        assertThat(first).extracting(VersionInfo::version).containsExactly(5L, 4L);
        assertThat(second).extracting(VersionInfo::version).containsExactly(3L, 2L);
        assertThat(third).extracting(VersionInfo::version).containsExactly(1L);
        assertThat(store.versions("trial", 1, 10)).isEmpty();
        var put = second.getLast();
        assertThat(put).extracting(VersionInfo::author, VersionInfo::requestId, VersionInfo::message, VersionInfo::products)
                .containsExactly("user:ana", "req-1", "first pass", 2);
        assertThat(put.time()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(put.summary()).isEqualTo(new VersionInfo.Summary(List.of("b"), List.of(), List.of()));
        assertThat(second.getFirst().summary()).isEqualTo(new VersionInfo.Summary(List.of("c"), List.of("a"), List.of()));
        assertThat(first.get(1).summary().removed()).containsExactly("b");
        assertThat(first.getFirst().summary().isEmpty()).isTrue();
        assertThat(third.getFirst()).extracting(VersionInfo::author, VersionInfo::requestId, VersionInfo::message)
                .containsExactly("seed", "-", null);
        assertThat(third.getFirst().summary().added()).containsExactly("a");
        assertThat(store.snapshot("trial").info().updatedAt()).isEqualTo(first.getFirst().time());
    }

    @Test
    void a_message_longer_than_500_characters_is_refused_before_anything_changes() {
        assertThatThrownBy(() -> new Change("cli", null, "x".repeat(501))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("501 characters");
        assertThat(new Change("cli", null, "x".repeat(500)).message()).hasSize(500);
    }

    @Test
    void a_products_history_lists_each_version_that_added_changed_or_removed_it() {
        store.create("trial", List.of(product("a", 20)), TEST);
        store.put("trial", product("a", 25), ANA, ANY);
        store.put("trial", product("b", 1), TEST, ANY);
        store.delete("trial", "a", TEST, ANY);
        store.put("trial", product("a", 30), TEST, ANY);
        store.put("trial", product("a", 30), TEST, ANY);

        var history = store.history("trial", "a");

        assertThat(history).extracting(ProductRevision::version, ProductRevision::action, ProductRevision::product)
                .containsExactly(tuple(5L, ProductRevision.Action.ADDED, product("a", 30)),
                        tuple(4L, ProductRevision.Action.REMOVED, null),
                        tuple(2L, ProductRevision.Action.CHANGED, product("a", 25)),
                        tuple(1L, ProductRevision.Action.ADDED, product("a", 20)));
        assertThat(history.get(2).info().author()).isEqualTo("user:ana");
        assertThat(store.history("trial", "b")).hasSize(1);
        assertThatThrownBy(() -> store.history("trial", "ghost")).isInstanceOf(NotInStoreException.class)
                .hasMessageContaining("never had a product \"ghost\"");
    }

    @Test
    void a_revert_makes_a_new_version_with_the_old_content_and_refuses_when_nothing_would_change() {
        store.create("trial", List.of(product("a", 20), product("b", 30)), TEST);
        store.put("trial", product("a", 21), TEST, ANY);
        store.delete("trial", "b", TEST, ANY);
        store.put("trial", product("c", 1), TEST, ANY);

        var info = store.revert("trial", 1, ANA, OptionalLong.of(4));

        assertThat(info.version()).isEqualTo(5);
        assertThat(store.snapshot("trial").catalog().products()).isEqualTo(productsAt(1));
        assertThat(productsAt(4)).containsExactly(product("a", 21), product("c", 1));
        assertThat(store.versions("trial", Long.MAX_VALUE, 1).getFirst().summary())
                .isEqualTo(new VersionInfo.Summary(List.of("b"), List.of("a"), List.of("c")));
        assertThatThrownBy(() -> store.revert("trial", 1, TEST, ANY)).isInstanceOf(StoreConflictException.class)
                .hasMessageContaining("would change nothing")
                .extracting(e -> ((StoreConflictException) e).field()).isEqualTo("to");
        assertThatThrownBy(() -> store.revert("trial", 5, TEST, ANY)).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.revert("trial", 9, TEST, ANY)).isInstanceOf(NotInStoreException.class);
        assertThat(store.snapshot("trial").version()).as("refusals change nothing").isEqualTo(5);

        // Back to 4 (nothing pruned: 4 is readable), with If-Match stale first.
        assertThatThrownBy(() -> store.revert("trial", 4, TEST, OptionalLong.of(4)))
                .isInstanceOf(StoreConflictException.class).hasMessageContaining("version 5, not 4")
                .extracting(e -> ((StoreConflictException) e).field()).isEqualTo("If-Match");
        assertThat(store.snapshot("trial").version()).isEqualTo(5);
        assertThat(store.revert("trial", 4, TEST, OptionalLong.of(5)).version()).isEqualTo(6);
        assertThat(store.snapshot("trial").catalog().products()).isEqualTo(productsAt(4));
    }

    @Test
    void tags_name_kept_versions_never_move_and_show_in_the_version_list() {
        store.create("trial", List.of(product("a", 20)), TEST);
        store.put("trial", product("b", 20), TEST, ANY);

        assertThat(store.tag("trial", "race-2026", 1)).isTrue();
        assertThat(store.tag("trial", "race-2026", 1)).as("again: nothing changes").isFalse();
        assertThat(store.tag("trial", "v2.0_final", 2)).isTrue();
        assertThat(store.tag("trial", "also-one", 1)).isTrue();

        assertThat(store.tags("trial")).containsExactly(Map.entry("also-one", 1L), Map.entry("race-2026", 1L),
                Map.entry("v2.0_final", 2L));
        assertThat(store.tagged("trial", "race-2026")).isEqualTo(1);
        assertThat(store.snapshot("trial", store.tagged("trial", "race-2026")).catalog().products()).containsExactly(product("a", 20));
        assertThat(store.versions("trial", Long.MAX_VALUE, 5)).extracting(VersionInfo::tags)
                .containsExactly(List.of("v2.0_final"), List.of("also-one", "race-2026"));
        assertThat(store.snapshot("trial").version()).as("tags change no version").isEqualTo(2);

        assertThatThrownBy(() -> store.tag("trial", "race-2026", 2)).isInstanceOf(StoreConflictException.class)
                .hasMessageContaining("names version 1, not 2")
                .extracting(e -> ((StoreConflictException) e).field()).isEqualTo("tag");
        assertThatThrownBy(() -> store.tag("trial", "next", 3)).isInstanceOf(NotInStoreException.class);
        assertThatThrownBy(() -> store.tag("trial", "Bad Tag", 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.tag("trial", "x".repeat(65), 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.tag("nope", "t", 1)).isInstanceOf(NotInStoreException.class);

        assertThat(store.untag("trial", "race-2026")).isTrue();
        assertThat(store.untag("trial", "race-2026")).isFalse();
        assertThatThrownBy(() -> store.tagged("trial", "race-2026")).isInstanceOf(NotInStoreException.class)
                .extracting(e -> ((NotInStoreException) e).field()).isEqualTo("tag");
        assertThat(store.tag("trial", "race-2026", 2)).as("removed, it can name another").isTrue();
    }

    @Test
    void a_deleted_catalog_goes_with_its_history_and_its_name_can_be_used_again() {
        store.create("trial", List.of(product("a", 20)), TEST);
        store.put("trial", product("b", 20), TEST, ANY);
        store.tag("trial", "t", 1);
        store.create("other", List.of(product("a", 1)), TEST);

        store.deleteCatalog("trial");

        assertThatThrownBy(() -> store.snapshot("trial")).isInstanceOf(NotInStoreException.class);
        assertThatThrownBy(() -> store.versions("trial", Long.MAX_VALUE, 10)).isInstanceOf(NotInStoreException.class);
        assertThatThrownBy(() -> store.deleteCatalog("trial")).isInstanceOf(NotInStoreException.class);
        assertThat(store.catalogs()).extracting(CatalogInfo::name).containsExactly("other");
        try (var client = MongoClients.create(server.connectionString())) {
            var db = client.getDatabase("nutriplan");
            for (var collection : List.of("products", "versions", "tags")) {
                assertThat(db.getCollection(collection).countDocuments(new Document("catalog", "trial"))).as(collection).isZero();
            }
        }
        store.create("trial", List.of(product("z", 1)), TEST);
        assertThat(store.versions("trial", Long.MAX_VALUE, 10)).extracting(VersionInfo::version).containsExactly(1L);
        assertThat(store.tags("trial")).isEmpty();
        assertThat(store.snapshot("other").catalog().products()).containsExactly(product("a", 1));
    }

    @Test
    void a_crashed_writers_version_record_is_invisible_and_removed_by_the_next_writer() {
        store.create("trial", List.of(product("a", 20)), TEST);
        try (var client = MongoClients.create(server.connectionString())) {
            client.getDatabase("nutriplan").getCollection("versions").insertOne(new Document("_id", "trial@2")
                    .append("catalog", "trial").append("version", 2L).append("author", "ghost")
                    .append("time", new java.util.Date()).append("requestId", "-").append("products", 9)
                    .append("summary", new Document("added", List.of()).append("changed", List.of()).append("removed", List.of())));
        }

        assertThat(store.versions("trial", Long.MAX_VALUE, 10)).extracting(VersionInfo::version).containsExactly(1L);
        assertThatThrownBy(() -> store.snapshot("trial", 2)).isInstanceOf(NotInStoreException.class);

        store.put("trial", product("b", 1), ANA, ANY);
        assertThat(store.versions("trial", Long.MAX_VALUE, 10)).extracting(VersionInfo::version, VersionInfo::author)
                .containsExactly(tuple(2L, "user:ana"), tuple(1L, "test"));
    }

    @Test
    void a_retention_prunes_old_untagged_versions_but_never_a_tagged_one_or_the_newest() {
        store.close();
        store = connect(Retention.days(30));
        store.create("trial", List.of(product("a", 0)), TEST);
        for (int i = 1; i < 12; i++) {
            store.put("trial", product("a", i), TEST, ANY); // versions 2..12, a revision each
        }
        store.put("trial", product("gone", 1), TEST, ANY); // 13
        store.delete("trial", "gone", TEST, ANY); // 14
        store.tag("trial", "keep", 3);
        var threeThen = productsAt(3);
        clock.advance(Duration.ofDays(31));
        store.put("trial", product("b", 1), TEST, ANY); // 15: prunes 1..7 but 3 (8..15 are the newest 8)

        assertThat(store.versions("trial", Long.MAX_VALUE, 100)).extracting(VersionInfo::version)
                .containsExactly(15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 3L);
        assertThat(productsAt(3)).isEqualTo(threeThen);
        assertThatThrownBy(() -> store.snapshot("trial", 2)).isInstanceOf(NotInStoreException.class)
                .hasMessageContaining("not kept");
        assertThat(store.history("trial", "a")).extracting(ProductRevision::version)
                .containsExactly(12L, 11L, 10L, 9L, 8L, 3L);
        try (var client = MongoClients.create(server.connectionString())) {
            var a = client.getDatabase("nutriplan").getCollection("products").find(new Document("id", "a")).first();
            assertThat(a.getList("revisions", Document.class)).as("revisions of 1, 2 and 4..6 pruned").hasSize(6);
        }

        clock.advance(Duration.ofDays(31));
        for (int i = 0; i < 8; i++) {
            store.put("trial", product("c", i), TEST, ANY); // 16..23: prunes 8..15 except... all untagged
        }
        assertThat(store.versions("trial", Long.MAX_VALUE, 100)).extracting(VersionInfo::version)
                .startsWith(23L).endsWith(16L, 3L).hasSize(9);
        assertThatThrownBy(() -> store.history("trial", "gone")).as("added and removed in pruned versions")
                .isInstanceOf(NotInStoreException.class);
        assertThat(productsAt(3)).isEqualTo(threeThen);
        assertThat(store.snapshot("trial").catalog().products()).extracting(Product::id).containsExactly("a", "b", "c");
    }

    @Test
    void two_clients_on_one_server_see_the_same_history() {
        try (var other = connect(Retention.KEEP_ALL)) {
            store.create("trial", List.of(product("a", 20)), TEST);
            other.put("trial", product("a", 21), ANA, OptionalLong.of(1));
            store.tag("trial", "one", 1);
            other.revert("trial", 1, TEST, OptionalLong.of(2));

            assertThat(other.versions("trial", Long.MAX_VALUE, 10)).isEqualTo(store.versions("trial", Long.MAX_VALUE, 10));
            assertThat(other.history("trial", "a")).isEqualTo(store.history("trial", "a"));
            assertThat(other.tags("trial")).isEqualTo(store.tags("trial")).containsExactly(Map.entry("one", 1L));
            for (long v = 1; v <= 3; v++) {
                assertThat(other.snapshot("trial", v)).isEqualTo(store.snapshot("trial", v));
            }
        }
    }

    @Test
    void two_hundred_random_edits_each_read_again_as_it_was() {
        var random = new Random(29);
        store.create("trial", List.of(product("p0", 0)), TEST);
        var saved = new HashMap<Long, List<Product>>();
        saved.put(1L, store.snapshot("trial").catalog().products());
        int reverts = 0;
        for (int edit = 0; edit < 200; edit++) {
            var current = store.snapshot("trial");
            long version = current.version();
            var ids = current.catalog().products().stream().map(Product::id).toList();
            int kind = random.nextInt(10);
            CatalogInfo info;
            if (kind < 4) {
                info = store.put("trial", randomProduct(random), TEST, OptionalLong.of(version));
            } else if (kind < 6 && !ids.isEmpty()) {
                info = store.delete("trial", ids.get(random.nextInt(ids.size())), TEST, OptionalLong.of(version));
            } else if (kind < 8) {
                var list = new ArrayList<Product>();
                for (int n = 1 + random.nextInt(5); n > 0; n--) {
                    list.add(randomProduct(random));
                }
                info = store.importProducts("trial", list, TEST, OptionalLong.of(version));
            } else {
                long to = 1 + random.nextLong(version);
                if (saved.get(to).equals(current.catalog().products())) {
                    assertThatThrownBy(() -> store.revert("trial", to, TEST, OptionalLong.of(version)))
                            .isInstanceOf(StoreConflictException.class);
                    continue;
                }
                info = store.revert("trial", to, TEST, OptionalLong.of(version));
                assertThat(store.snapshot("trial").catalog().products()).as("reverted to %d", to).isEqualTo(saved.get(to));
                reverts++;
            }
            assertThat(info.version()).isEqualTo(version + 1);
            saved.put(info.version(), store.snapshot("trial").catalog().products());
        }

        assertThat(reverts).isGreaterThan(10);
        for (var entry : saved.entrySet()) {
            assertThat(productsAt(entry.getKey())).as("version %d", entry.getKey()).isEqualTo(entry.getValue());
        }
        long current = store.snapshot("trial").version();
        assertThat(store.versions("trial", Long.MAX_VALUE, 1000)).hasSize((int) current);
        for (int id = 0; id < 4; id++) {
            var history = store.history("trial", "p" + id);
            for (var revision : history) {
                assertThat(store.product("trial", "p" + id, revision.version())).isEqualTo(java.util.Optional.ofNullable(revision.product()));
            }
        }
    }

    /** One of 15 ids, with one of 4 values: puts that change, add again and sometimes change nothing. */
    private static Product randomProduct(Random random) {
        return product("p" + random.nextInt(15), random.nextInt(4));
    }

    /** A clock the tests move. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

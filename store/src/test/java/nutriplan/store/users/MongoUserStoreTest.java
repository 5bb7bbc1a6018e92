package nutriplan.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClients;

import nutriplan.store.EmbeddedMongo;
import nutriplan.store.MongoCatalogStore;
import nutriplan.store.StoreConflictException;

/** Users, sessions and setup tokens on the real driver against the embedded server, in a fresh directory per test. */
class MongoUserStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String HASH = "$2a$04$abcdefghijklmnopqrstuuJ1X2vI6a0v1mGm7w1p5wQmQ1rZ1vQ2e";

    @TempDir
    Path data;

    private EmbeddedMongo server;
    private MongoCatalogStore catalogs;
    private UserStore store;

    @BeforeEach
    void open() {
        server = EmbeddedMongo.start(data);
        catalogs = MongoCatalogStore.connect(server.connectionString(), Duration.ofSeconds(2), server::commit);
        store = catalogs.users();
    }

    @AfterEach
    void close() {
        catalogs.close();
        server.close();
    }

    private static StoredUser user(String name, String role) {
        return new StoredUser(name, role, Set.of(), HASH, NOW, null);
    }

    @Test
    void a_user_is_read_back_as_written_and_its_name_is_never_taken_twice() {
        assertThat(store.isEmpty()).isTrue();
        var ana = new StoredUser("ana", "editor", Set.of("trial", "default"), HASH, NOW, null);

        store.create(ana);

        assertThat(store.isEmpty()).isFalse();
        assertThat(store.user("ana")).contains(ana);
        assertThat(store.user("bo")).isEmpty();
        assertThatThrownBy(() -> store.create(user("ana", "admin"))).isInstanceOf(StoreConflictException.class)
                .hasMessageContaining("\"ana\"");
    }

    @Test
    void the_stored_document_holds_the_hash_and_no_other_secret() {
        store.create(user("ana", "editor"));

        try (var client = MongoClients.create(server.connectionString())) {
            var document = client.getDatabase("nutriplan").getCollection("users").find().first();
            assertThat(document.keySet()).containsExactlyInAnyOrder("_id", "schema", "role", "catalogs", "passwordHash",
                    "created", "disabled");
            assertThat(document.getString("passwordHash")).isEqualTo(HASH);
        }
        assertThat(store.user("ana").orElseThrow().toString()).doesNotContain(HASH).contains("<hidden>");
    }

    @Test
    void disabling_keeps_the_user_and_its_name_and_ends_its_sessions_only() {
        store.create(user("ana", "editor"));
        store.create(user("bo", "planner"));
        store.createSession(new StoredSession("d-ana", "ana", NOW, NOW));
        store.createSession(new StoredSession("d-bo", "bo", NOW, NOW));

        assertThat(store.disable("ana", NOW.plusSeconds(60))).isTrue();
        assertThat(store.disable("ana", NOW.plusSeconds(120))).as("already disabled").isFalse();
        assertThat(store.disable("cy", NOW)).as("no such user").isFalse();

        assertThat(store.user("ana").orElseThrow().disabled()).isEqualTo(NOW.plusSeconds(60));
        assertThat(store.users()).extracting(StoredUser::name).containsExactly("ana", "bo");
        assertThat(store.session("d-ana")).isEmpty();
        assertThat(store.session("d-bo")).isPresent();
        assertThatThrownBy(() -> store.create(user("ana", "planner"))).isInstanceOf(StoreConflictException.class);
    }

    @Test
    void a_session_is_found_by_its_digest_touched_forward_only_and_deleted() {
        store.createSession(new StoredSession("digest", "ana", NOW, NOW));

        store.touchSession("digest", NOW.plusSeconds(300));
        store.touchSession("digest", NOW.plusSeconds(100));

        assertThat(store.session("digest")).contains(new StoredSession("digest", "ana", NOW, NOW.plusSeconds(300)));
        store.deleteSession("digest");
        assertThat(store.session("digest")).isEmpty();
    }

    @Test
    void expired_sessions_are_deleted_by_idle_or_absolute_age() {
        store.createSession(new StoredSession("idle", "ana", NOW, NOW));
        store.createSession(new StoredSession("old", "ana", NOW.minusSeconds(3600), NOW.plusSeconds(600)));
        store.createSession(new StoredSession("fresh", "ana", NOW, NOW.plusSeconds(600)));

        long deleted = store.deleteSessions(NOW.plusSeconds(1), NOW.minusSeconds(60));

        assertThat(deleted).isEqualTo(2);
        assertThat(store.session("fresh")).isPresent();
    }

    @Test
    void a_setup_token_is_used_once_before_it_expires() {
        store.createSetupToken("first", NOW, NOW.plusSeconds(900));
        store.createSetupToken("second", NOW, NOW.plusSeconds(900));

        assertThat(store.useSetupToken("first", NOW.plusSeconds(899))).isTrue();
        assertThat(store.useSetupToken("first", NOW.plusSeconds(899))).as("used").isFalse();
        assertThat(store.useSetupToken("second", NOW.plusSeconds(900))).as("expired").isFalse();
        assertThat(store.useSetupToken("unknown", NOW)).isFalse();
    }

    @Test
    void deleting_the_setup_tokens_ends_every_link() {
        store.createSetupToken("first", NOW, NOW.plusSeconds(900));

        store.deleteSetupTokens();

        assertThat(store.useSetupToken("first", NOW)).isFalse();
    }

    @Test
    void users_survive_a_restart_of_the_embedded_store() {
        store.create(user("ana", "admin"));
        catalogs.close();
        server.close();

        server = EmbeddedMongo.start(data);
        catalogs = MongoCatalogStore.connect(server.connectionString(), Duration.ofSeconds(2), server::commit);

        assertThat(catalogs.users().user("ana")).isPresent();
    }
}

package nutriplan.store.keys;

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

import nutriplan.store.EmbeddedMongo;
import nutriplan.store.MongoCatalogStore;
import nutriplan.store.StoreConflictException;

/** API keys on the real driver against the embedded server: as written, rotated without ever living longer, revoked. */
class MongoKeyStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path data;

    private EmbeddedMongo server;
    private MongoCatalogStore catalogs;
    private KeyStore store;

    @BeforeEach
    void open() {
        server = EmbeddedMongo.start(data);
        catalogs = MongoCatalogStore.connect(server.connectionString(), Duration.ofSeconds(2), server::commit);
        store = catalogs.keys();
    }

    @AfterEach
    void close() {
        catalogs.close();
        server.close();
    }

    private static StoredKey key(String id, Instant expires) {
        return new StoredKey(id, "api " + id, "editor", Set.of("trial"), "d".repeat(64), NOW, "cli", expires, null, null, null);
    }

    @Test
    void a_key_is_read_back_as_written_and_its_id_is_never_taken_twice() {
        var key = key("aaaaaaaaaaaa", NOW.plus(Duration.ofDays(90)));
        store.create(key);

        assertThat(store.key("aaaaaaaaaaaa")).contains(key);
        assertThat(store.keys()).containsExactly(key);
        assertThatThrownBy(() -> store.create(key)).isInstanceOf(StoreConflictException.class);
        assertThat(key.toString()).doesNotContain(key.digest());
    }

    @Test
    void a_rotation_adds_the_replacement_and_shortens_the_old_key_never_lengthens_it() {
        store.create(key("oldoldoldold", NOW.plus(Duration.ofHours(2))));
        var replacement = key("newnewnewnew", null);

        assertThat(store.rotate("oldoldoldold", NOW, NOW.plus(Duration.ofHours(24)), replacement)).isTrue();

        var old = store.key("oldoldoldold").orElseThrow();
        assertThat(old.expires()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(old.replacedBy()).isEqualTo("newnewnewnew");
        assertThat(store.key("newnewnewnew")).contains(replacement);
        assertThat(store.rotate("oldoldoldold", NOW.plus(Duration.ofHours(3)), NOW, key("thirdthirdth", null)))
                .as("an expired key is not rotated").isFalse();
        assertThat(store.key("thirdthirdth")).isEmpty();
    }

    @Test
    void a_revoked_key_stays_revoked_and_is_not_rotated() {
        store.create(key("revokedkey12", null));

        assertThat(store.revoke("revokedkey12", NOW)).isTrue();
        assertThat(store.revoke("revokedkey12", NOW.plusSeconds(5))).isFalse();
        assertThat(store.key("revokedkey12").orElseThrow().revoked()).isEqualTo(NOW);
        assertThat(store.rotate("revokedkey12", NOW, NOW, key("replacement1", null))).isFalse();
        assertThat(store.revoke("nosuchkey000", NOW)).isFalse();
    }

    @Test
    void last_use_only_moves_forward() {
        store.create(key("touchedkey12", null));

        store.touch("touchedkey12", NOW.plusSeconds(120));
        store.touch("touchedkey12", NOW.plusSeconds(60));

        assertThat(store.key("touchedkey12").orElseThrow().lastUsed()).isEqualTo(NOW.plusSeconds(120));
    }
}

package nutriplan.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nutriplan.api.service.StoreSettings;
import nutriplan.api.service.TestService;
import nutriplan.store.EmbeddedMongo;

/**
 * Two services on one store (the embedded server on its own, as a MongoDB would be): a key made through one works
 * through the other at once, and a key revoked through one is refused by the other within the poll interval.
 */
class TwoReplicasKeyTest {

    private static final long POLL_MS = 200;
    private static final String PLAN = "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}}}";

    @TempDir
    Path data;

    @Test
    void a_key_revoked_through_one_replica_is_refused_by_the_other_within_the_poll_interval() throws Exception {
        try (var server = EmbeddedMongo.start(data)) {
            var store = new StoreSettings(server.connectionString(), data, POLL_MS, StoreSettings.DEFAULT_TIMEOUT_MS);
            try (var first = TestService.start(TestService.settings().withStore(store));
                 var second = TestService.start(TestService.settings().withStore(store))) {
                var made = first.postJson("/api/v1/keys", "{\"name\": \"shared\", \"role\": \"planner\"}");
                var key = TestService.json(made).get("key").asText();
                var id = TestService.json(made).get("id").asText();
                assertThat(plan(second, key)).isEqualTo(200); // read from the store on first sight

                assertThat(first.send(first.request("/api/v1/keys/" + id).DELETE().build()).statusCode()).isEqualTo(200);
                long revokedAt = System.nanoTime();
                assertThat(plan(first, key)).isEqualTo(401); // the replica that revoked it: at once

                int status;
                do {
                    status = plan(second, key);
                } while (status == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(5).toNanos());
                long tookMs = (System.nanoTime() - revokedAt) / 1_000_000;
                assertThat(status).isEqualTo(401);
                // Within the poll interval, plus the plan requests' own time on a busy 2-core machine.
                assertThat(tookMs).as("refused after %d ms", tookMs).isLessThanOrEqualTo(POLL_MS + 800);
            }
        }
    }

    private static int plan(TestService service, String key) {
        return service.send(service.as(key, "/api/v1/plans").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PLAN)).build()).statusCode();
    }
}

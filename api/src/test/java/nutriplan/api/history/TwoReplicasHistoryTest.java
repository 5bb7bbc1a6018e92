package nutriplan.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nutriplan.api.service.StoreSettings;
import nutriplan.api.service.TestService;
import nutriplan.store.EmbeddedMongo;

/** Two services on one store see the same history: versions, tags, as-of reads and pinned plans. */
class TwoReplicasHistoryTest {

    @TempDir
    Path data;

    @Test
    void a_change_and_a_tag_made_through_one_replica_are_the_others_history_too() throws Exception {
        try (var server = EmbeddedMongo.start(data)) {
            var store = new StoreSettings(server.connectionString(), data, 200, StoreSettings.DEFAULT_TIMEOUT_MS);
            try (var first = TestService.start(TestService.settings().withStore(store));
                 var second = TestService.start(TestService.settings().withStore(store))) {
                var v1 = second.get("/api/v1/catalogs/default/export").body();
                var deleted = first.send(first.request("/api/v1/catalogs/default/products/cola-12oz")
                        .header("X-Change-Message", "no soft drinks").DELETE().build());
                assertThat(deleted.statusCode()).isEqualTo(200);
                assertThat(first.send(first.request("/api/v1/catalogs/default/tags/before-cola").header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"version\": 1}")).build()).statusCode()).isEqualTo(201);

                var versions = TestService.json(second.get("/api/v1/catalogs/default/versions"));
                assertThat(versions.at("/versions/0/message").asText()).isEqualTo("no soft drinks");
                assertThat(versions.at("/versions/1/tags/0").asText()).isEqualTo("before-cola");
                assertThat(second.get("/api/v1/catalogs/default/export?version=before-cola").body()).isEqualTo(v1);
                var pinned = TestService.json(second.postJson("/api/v1/plans",
                        "{\"catalog\": \"default@before-cola\", \"targets\": {\"carbohydrate\": {\"min\": \"30 g\"}}}"));
                assertThat(pinned.at("/catalog/version").asLong()).isEqualTo(1);
            }
        }
    }
}

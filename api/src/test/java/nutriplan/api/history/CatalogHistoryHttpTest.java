package nutriplan.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.service.TestService;

/**
 * A catalog's history over HTTP: versions with author and message, one product's revisions field by field, the diff
 * of two versions, reads as of a version or tag, a revert, tags, pinned plans and deletion.
 */
class CatalogHistoryHttpTest {

    @RegisterExtension
    static final TestService SERVICE = TestService.start();

    private static final String GEL = "maurten-gel-100";

    @Test
    void every_version_is_kept_read_compared_restored_and_named() {
        assertThat(SERVICE.postJson("/api/v1/catalogs", "{\"name\": \"hist\", \"from\": \"default\"}").statusCode()).isEqualTo(201);
        var v1 = SERVICE.get("/api/v1/catalogs/hist/export").body();
        var gel = TestService.json(SERVICE.get("/api/v1/catalogs/hist/products/" + GEL));
        ((com.fasterxml.jackson.databind.node.ObjectNode) gel.get("nutrients")).put("sodium", "45 mg");
        var put = send(SERVICE.request("/api/v1/catalogs/hist/products/" + GEL).header("Content-Type", "application/json")
                .header("X-Change-Message", "new label, more sodium").PUT(HttpRequest.BodyPublishers.ofString(gel.toString())));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(send(SERVICE.request("/api/v1/catalogs/hist/products/cola-12oz").DELETE()).statusCode()).isEqualTo(200);

        var versions = json("/api/v1/catalogs/hist/versions");
        assertThat(versions.get("versions").findValuesAsText("version")).containsExactly("3", "2", "1");
        var second = versions.at("/versions/1");
        assertThat(second.get("message").asText()).isEqualTo("new label, more sodium");
        assertThat(second.get("author").asText()).startsWith("key:");
        assertThat(second.at("/summary/changed/0").asText()).isEqualTo(GEL);
        assertThat(versions.at("/versions/0/summary/removed/0").asText()).isEqualTo("cola-12oz");
        assertThat(json("/api/v1/catalogs/hist/versions?limit=2").get("next").asText()).endsWith("before=2&limit=2");

        var history = json("/api/v1/catalogs/hist/products/" + GEL + "/history");
        assertThat(history.at("/revisions/0/action").asText()).isEqualTo("changed");
        assertThat(history.at("/revisions/0/fields/nutrients.sodium/after").asText()).isEqualTo("45 mg");

        var diff = json("/api/v1/catalogs/hist/diff?from=1");
        assertThat(diff.get("to").asLong()).isEqualTo(3);
        assertThat(diff.get("changes").findValuesAsText("change")).containsExactly("removed", "changed");

        assertThat(SERVICE.get("/api/v1/catalogs/hist/export?version=1").body()).isEqualTo(v1);
        var tagged = send(SERVICE.request("/api/v1/catalogs/hist/tags/start").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\": 1}")));
        assertThat(tagged.statusCode()).isEqualTo(201);
        assertThat(SERVICE.get("/api/v1/catalogs/hist/export?version=start").body()).isEqualTo(v1);
        assertThat(SERVICE.postJson("/api/v1/plans", "{\"catalog\": \"hist@start\", \"targets\": {\"sodium\": {\"min\": \"100 mg\"}}}")
                .statusCode()).isEqualTo(200);

        var stale = send(SERVICE.request("/api/v1/catalogs/hist:revert").header("Content-Type", "application/json")
                .header("If-Match", "\"2\"").POST(HttpRequest.BodyPublishers.ofString("{\"to\": 1}")));
        assertThat(stale.statusCode()).isEqualTo(409);
        var reverted = send(SERVICE.request("/api/v1/catalogs/hist:revert").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\": 1, \"message\": \"back to the start\"}")));
        assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
        assertThat(TestService.json(reverted).at("/catalog/version").asLong()).isEqualTo(4);
        assertThat(json("/api/v1/catalogs/hist/diff?from=1").get("changes").size()).isZero();
        assertThat(json("/api/v1/catalogs/hist/versions").at("/versions/0/message").asText()).isEqualTo("back to the start");
        var again = send(SERVICE.request("/api/v1/catalogs/hist:revert").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\": 1}")));
        assertThat(again.statusCode()).as("nothing would change").isEqualTo(409);

        assertThat(send(SERVICE.request("/api/v1/catalogs/hist").DELETE()).statusCode()).isEqualTo(204);
        assertThat(SERVICE.get("/api/v1/catalogs/hist/versions").statusCode()).isEqualTo(404);
    }

    @Test
    void an_unknown_version_is_a_404_naming_it() {
        var unknown = SERVICE.get("/api/v1/catalogs/default/export?version=999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestService.json(unknown).at("/details/0/field").asText()).isEqualTo("version");
    }

    @Test
    void a_message_a_header_cannot_carry_travels_percent_encoded_after_utf8() {
        assertThat(SERVICE.postJson("/api/v1/catalogs", "{\"name\": \"accents\", \"from\": \"default\"}").statusCode()).isEqualTo(201);
        var deleted = send(SERVICE.request("/api/v1/catalogs/accents/products/cola-12oz")
                .header("X-Change-Message", "UTF-8''Pas%20de%20soda%20%E2%86%92%20caf%C3%A9").DELETE());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json("/api/v1/catalogs/accents/versions").at("/versions/0/message").asText()).isEqualTo("Pas de soda → café");

        var malformed = send(SERVICE.request("/api/v1/catalogs/accents/products/" + GEL)
                .header("X-Change-Message", "UTF-8''%E2%8").DELETE());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(TestService.json(malformed).at("/details/0/field").asText()).isEqualTo("X-Change-Message");
        assertThat(json("/api/v1/catalogs/accents/versions").at("/versions/0/version").asLong()).isEqualTo(2);
    }

    private static JsonNode json(String path) {
        var answer = SERVICE.get(path);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return TestService.json(answer);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return SERVICE.send(request.build());
    }
}

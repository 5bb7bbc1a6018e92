package nutriplan.api.access.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nutriplan.api.service.TestService;

/** API keys over real HTTP: made by an admin, shown once, used, listed without secrets, rotated, revoked. */
class KeyHttpTest {

    @RegisterExtension
    static final TestService SERVICE = TestService.start();

    private static final String PLAN = "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}}}";

    @Test
    void a_key_is_shown_once_works_for_its_role_and_is_listed_without_its_secret() {
        var made = SERVICE.postJson("/api/v1/keys", "{\"name\": \"recommendation-api\", \"role\": \"planner\", \"expires\": \"90d\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        assertThat(made.headers().firstValue("Cache-Control")).contains("no-store");
        var key = TestService.json(made).get("key").asText();
        var id = TestService.json(made).get("id").asText();
        assertThat(ApiKey.parse(key)).map(ApiKey::id).contains(id);
        assertThat(TestService.json(made).get("createdBy").asText()).startsWith("key:");

        assertThat(post(key, "/api/v1/plans", PLAN).statusCode()).isEqualTo(200);
        var change = post(key, "/api/v1/catalogs", "{\"name\": \"planner-trial\"}");
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(TestService.json(change).at("/details/0/field").asText()).isEqualTo("scope");
        assertThat(TestService.json(change).at("/details/0/message").asText()).contains("catalog:write");

        var list = SERVICE.get("/api/v1/keys");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id).contains("recommendation-api").doesNotContain(key)
                .doesNotContain(ApiKey.parse(key).orElseThrow().digest());
        var listed = TestService.json(list).get("keys").findValues("id");
        assertThat(listed.stream().map(node -> node.asText())).contains(id);
    }

    @Test
    void a_revoked_key_is_refused_with_the_same_answer_as_an_unknown_one() {
        var key = make("{\"name\": \"short-lived\", \"role\": \"planner\"}");
        var id = ApiKey.parse(key).orElseThrow().id();

        var revoked = SERVICE.send(SERVICE.request("/api/v1/keys/" + id).DELETE().build());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(TestService.json(revoked).get("status").asText()).isEqualTo("revoked");

        var refused = post(key, "/api/v1/plans", PLAN);
        var unknown = post(ApiKey.generate().text(), "/api/v1/plans", PLAN);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"nutriplan\"");
        assertThat(refused.body()).isEqualTo(unknown.body());
        assertThat(SERVICE.send(SERVICE.request("/api/v1/keys/" + id).DELETE().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void a_rotated_key_keeps_working_for_its_grace_and_its_replacement_takes_over() {
        var old = make("{\"name\": \"rotating\", \"role\": \"editor\", \"catalogs\": [\"default\"]}");
        var oldId = ApiKey.parse(old).orElseThrow().id();

        var rotated = SERVICE.postJson("/api/v1/keys/" + oldId + ":rotate", "{\"grace\": \"1h\"}");
        assertThat(rotated.statusCode()).isEqualTo(201);
        var replacement = TestService.json(rotated).get("key").asText();
        assertThat(TestService.json(rotated).get("catalogs").toString()).isEqualTo("[\"default\"]");

        assertThat(post(old, "/api/v1/plans", PLAN).statusCode()).isEqualTo(200);
        assertThat(post(replacement, "/api/v1/plans", PLAN).statusCode()).isEqualTo(200);
        var listed = SERVICE.get("/api/v1/keys").body();
        assertThat(listed).contains("\"replacedBy\":\"" + ApiKey.parse(replacement).orElseThrow().id() + "\"");

        var again = SERVICE.postJson("/api/v1/keys/" + oldId + ":rotate", "{}");
        assertThat(again.statusCode()).as("a key is rotated once").isEqualTo(404);
        var immediately = SERVICE.postJson("/api/v1/keys/" + ApiKey.parse(replacement).orElseThrow().id() + ":rotate",
                "{\"grace\": \"0s\"}");
        assertThat(immediately.statusCode()).isEqualTo(201);
        assertThat(post(replacement, "/api/v1/plans", PLAN).statusCode()).isEqualTo(401);
    }

    @Test
    void a_bad_request_names_each_field() {
        var bad = SERVICE.postJson("/api/v1/keys", "{\"name\": \"\", \"role\": \"owner\", \"catalogs\": [\"Bad Name\"],"
                + " \"expires\": \"yesterday\", \"colour\": \"red\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestService.json(bad).get("details").findValuesAsText("field"))
                .contains("name", "role", "colour");
        var expired = SERVICE.postJson("/api/v1/keys", "{\"name\": \"past\", \"role\": \"planner\", \"expires\": \"2020-01-01\"}");
        assertThat(TestService.json(expired).get("details").findValuesAsText("field")).containsExactly("expires");
        var limited = SERVICE.postJson("/api/v1/keys", "{\"name\": \"x\", \"role\": \"planner\", \"catalogs\": [\"default\"]}");
        assertThat(TestService.json(limited).get("details").findValuesAsText("field")).containsExactly("catalogs");
    }

    private static String make(String body) {
        var made = SERVICE.postJson("/api/v1/keys", body);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return TestService.json(made).get("key").asText();
    }

    private static HttpResponse<String> post(String key, String path, String json) {
        return SERVICE.send(SERVICE.as(key, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }
}

package nutriplan.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.access.SecurityLog.Event;
import nutriplan.api.service.ContractCheck;
import nutriplan.catalog.json.Json;

/**
 * {@code GET /api/v1/security-events}: admins read this replica's recent events, newest first, 100 unless
 * {@code limit} (1 to 500) says otherwise; everyone else is refused, and the refusal is itself an event.
 */
class SecurityEventRoutesTest {

    private static final AccessTestApp APP = AccessTestApp.start((routes, log) -> new SecurityEventRoutes(log).register(routes));

    @AfterAll
    static void stop() {
        APP.close();
    }

    @BeforeEach
    void clearLog() {
        // Fill past what a replica keeps, so that the answer is this test's events only.
        for (int i = 0; i < SecurityLog.RECENT; i++) {
            APP.log().record(Event.SIGNED_OUT, "-", "user:filler", null, Map.of());
        }
    }

    @Test
    void an_admin_reads_the_recent_events_newest_first() {
        APP.log().record(Event.KEY_CREATED, "r-1", "user:ana", "10.0.0.1", Map.of("key", "np1"));
        APP.log().record(Event.KEY_REVOKED, "r-2", "user:ana", "10.0.0.1", Map.of("key", "np1"));

        var events = events(get("/api/v1/security-events?limit=2", "admin"));

        assertThat(events).extracting(event -> event.path("event").asText()).containsExactly("key_revoked", "key_created");
        assertThat(events.get(0).path("key").asText()).isEqualTo("np1");
        assertThat(events.get(0).path("requestId").asText()).isEqualTo("r-2");
        assertThat(events.get(0).path("caller").asText()).isEqualTo("user:ana");
    }

    @Test
    void without_a_limit_an_answer_holds_100_and_at_most_500() {
        assertThat(events(get("/api/v1/security-events", "admin"))).hasSize(100);
        assertThat(events(get("/api/v1/security-events?limit=500", "admin"))).hasSize(500);
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "501", "-1", "1.5", "all", "", "99999999999", "1&limit=2"})
    void a_bad_limit_is_a_400_naming_it(String limit) {
        var response = get("/api/v1/security-events?limit=" + limit, "admin");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_request");
        assertThat(json(response).at("/details/0/field").asText()).isEqualTo("limit");
    }

    @Test
    void only_admins_may_read_it_and_each_refusal_is_an_event() {
        var anonymous = get("/api/v1/security-events", null);
        var editor = get("/api/v1/security-events", "editor");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"nutriplan\"");
        assertThat(editor.statusCode()).isEqualTo(403);
        assertThat(json(editor).at("/details/0/field").asText()).isEqualTo("scope");
        assertThat(json(editor).at("/details/0/message").asText()).isEqualTo("needs \"admin\"");
        var events = events(get("/api/v1/security-events?limit=2", "admin"));
        assertThat(events).extracting(event -> event.path("event").asText() + " " + event.path("caller").asText())
                .containsExactly("forbidden key:np-editor", "unauthenticated anonymous");
        assertThat(events.get(0).path("route").asText()).isEqualTo("GET /api/v1/security-events");
    }

    /** Sends it and checks the exchange against the OpenAPI document. */
    private static HttpResponse<String> get(String path, String credential) {
        var response = APP.send("GET", path, credential);
        ContractCheck.check(response.request(), response);
        return response;
    }

    private static List<JsonNode> events(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var events = new java.util.ArrayList<JsonNode>();
        json(response).path("events").forEach(events::add);
        return events;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}

package nutriplan.api.plans;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.docs.DocsRoutes;
import nutriplan.api.service.ServiceSettings;
import nutriplan.api.service.TestService;

/**
 * Plans in batches over real HTTP: each request answered in its place exactly as a single call answers it, the
 * envelope's faults, the limit, and the examples of the OpenAPI document.
 */
class PlanBatchHttpTest {

    /** Inline catalogs of at most 3 products and batches of at most 10, so that both limits are cheap to reach. */
    @RegisterExtension
    static final TestService SERVICE = TestService.start(TestService.settings()
            .withLimits(ServiceSettings.DEFAULT_MAX_BODY_BYTES, 3).withMaxBatchRequests(10));

    /** One request of each kind of answer a single call gives, with the status it gets. */
    private static final List<String> MIXED = List.of(
            "{\"targets\": {\"sodium\": {\"min\": \"500 mg\", \"max\": \"1000 mg\"}}}",
            "{\"targets\": {\"sodium\": {\"min\": \"3 L\"}}, \"timeLimitMs\": 0, \"colour\": \"red\"}",
            "{\"targets\": {\"sodium\": {\"min\": \"3000 mg\"}, \"fluid\": {\"max\": \"500 mL\"}}, \"limits\": {\"maxServings\": 2}}",
            "{\"targets\": {\"sodium\": {\"min\": \"500 mg\"}}, \"catalog\": \"trial\"}",
            "{\"targets\": {\"sodium\": {\"min\": \"500 mg\"}}, \"products\": [{}, {}, {}, {}]}",
            "42",
            "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}, \"sodium\": {\"min\": \"500 mg\"}}, \"alternatives\": 1}",
            "{\"targets\": {\"carbohydrate\": {\"min\": \"120 g\"}}, \"durationMin\": 60, \"schedule\": {\"carbohydratePerHour\": \"60 g\"}}",
            "{\"workout\": {\"durationMin\": 60, \"bodyMass\": \"70 kg\"}}");
    private static final List<Integer> MIXED_STATUSES = List.of(200, 400, 422, 404, 413, 400, 200, 422, 200);

    static String batch(List<String> requests) {
        return "{\"requests\": [" + String.join(", ", requests) + "]}";
    }

    /** A plan body without its solve time, the one part of an answer that differs from call to call. */
    static JsonNode withoutTime(JsonNode body) {
        var copy = body.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("timeMs");
        }
        return copy;
    }

    private static List<JsonNode> results(String body) {
        var response = SERVICE.postJson(PlanBatchRoutes.PLANS_BATCH, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var results = new ArrayList<JsonNode>();
        json(response).path("results").forEach(results::add);
        return results;
    }

    @Test
    void each_request_gets_in_its_place_the_status_and_body_a_single_call_gets() {
        var results = results(batch(MIXED));

        assertThat(results).hasSize(MIXED.size());
        assertThat(results.stream().map(result -> result.path("status").asInt()).toList()).isEqualTo(MIXED_STATUSES);
        for (int i = 0; i < MIXED.size(); i++) {
            var single = SERVICE.postJson(PlanRoutes.PLANS, MIXED.get(i));
            assertThat(results.get(i).path("status").asInt()).as("status of requests[%d]", i).isEqualTo(single.statusCode());
            assertThat(withoutTime(results.get(i).path("body"))).as("body of requests[%d]", i).isEqualTo(withoutTime(json(single)));
        }
        assertThat(results.get(8).at("/body/needs/targets").isObject()).as("a plan from a workout carries its needs").isTrue();
        // Field paths are those of the request alone: its index in results says which request it was.
        assertThat(results.get(1).at("/body/details").findValuesAsText("field")).containsExactly("colour", "targets.sodium.min", "timeLimitMs");
        assertThat(results.get(5).at("/body/details/0/field").isNull()).isTrue();
    }

    @Test
    void the_order_of_the_results_is_the_order_of_the_requests() {
        var reversed = new ArrayList<>(MIXED);
        Collections.reverse(reversed);

        var forward = results(batch(MIXED));
        var backward = results(batch(reversed));

        for (int i = 0; i < MIXED.size(); i++) {
            var there = backward.get(MIXED.size() - 1 - i);
            assertThat(there.path("status")).isEqualTo(forward.get(i).path("status"));
            assertThat(withoutTime(there.path("body"))).isEqualTo(withoutTime(forward.get(i).path("body")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "[]                                | ''",
        "{}                                | requests",
        "{\"requests\": null}              | requests",
        "{\"requests\": {}}                | requests",
        "{\"requests\": []}                | requests",
        "{\"requests\": [{}], \"extra\": 1} | extra",
        "{\"requests\": [{}]               | ''"})
    void a_malformed_envelope_is_one_400_for_the_whole_call(String body, String field) {
        var response = SERVICE.postJson(PlanBatchRoutes.PLANS_BATCH, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_request");
        assertThat(json(response).path("results").isMissingNode()).isTrue();
        var fields = json(response).path("details").findValuesAsText("field");
        assertThat(field.isEmpty() ? json(response).at("/details/0/field").isNull() : fields.contains(field))
                .as(response.body()).isTrue();
    }

    @Test
    void a_batch_over_the_limit_is_a_413_and_nothing_of_it_is_planned() {
        var eleven = Collections.nCopies(11, MIXED.get(0));

        var response = SERVICE.postJson(PlanBatchRoutes.PLANS_BATCH, batch(eleven));
        var ten = results(batch(eleven.subList(0, 10)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).isEqualTo("too_large");
        assertThat(json(response).at("/details/0/field").asText()).isEqualTo("requests");
        assertThat(json(response).path("message").asText()).contains("11 plan requests", "at most 10");
        assertThat(ten).hasSize(10).allSatisfy(result -> assertThat(result.path("status").asInt()).isEqualTo(200));
    }

    @Test
    void a_batch_not_sent_as_json_is_a_415() {
        var response = SERVICE.send(SERVICE.request(PlanBatchRoutes.PLANS_BATCH).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(batch(MIXED))).build());

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void the_documented_example_gets_the_documented_answer() {
        var operation = json(SERVICE.get(DocsRoutes.OPENAPI)).path("paths").path(PlanBatchRoutes.PLANS_BATCH).path("post");
        var request = operation.at("/requestBody/content/application~1json/example");
        var documented = operation.at("/responses/200/content/application~1json/example/results");

        var answered = results(request.toString());

        assertThat(answered).hasSize(documented.size());
        for (int i = 0; i < answered.size(); i++) {
            assertThat(answered.get(i).path("status")).isEqualTo(documented.get(i).path("status"));
            assertThat(withoutTime(answered.get(i).path("body"))).isEqualTo(withoutTime(documented.get(i).path("body")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"400 | {\"request\": []}", "413 | 101"})
    void each_documented_error_is_the_answer_to_its_fault(String status, String body) {
        // The document's examples are for the default limit of 100: this test's service takes 10.
        try (var service = TestService.start()) {
            var sent = body.equals("101") ? batch(Collections.nCopies(101, "{}")) : body;
            var documented = json(service.get(DocsRoutes.OPENAPI)).path("paths").path(PlanBatchRoutes.PLANS_BATCH)
                    .path("post").path("responses").path(status).at("/content/application~1json/example");

            var response = service.postJson(PlanBatchRoutes.PLANS_BATCH, sent);

            assertThat(Integer.toString(response.statusCode())).isEqualTo(status);
            assertThat(json(response)).isEqualTo(documented);
        }
    }
}

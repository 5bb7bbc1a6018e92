package nutriplan.api.plans;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.service.TestService;

/** {@code POST /api/v1/plans} over real HTTP: plans, and every error a caller can cause, as API.md's JSON. */
class PlanHttpTest {

    private static final String SODIUM = "{\"targets\": {\"sodium\": {\"min\": \"500 mg\", \"max\": \"1000 mg\"}}";
    /** Limits small enough to cross with a few kilobytes: 4 KiB bodies, 3 inline products. */
    private static final int SMALL_BODY = 4096;
    private static final int SMALL_INLINE = 3;

    @RegisterExtension
    static final TestService service = TestService.start();
    @RegisterExtension
    static final TestService small = TestService.start(TestService.settings().withLimits(SMALL_BODY, SMALL_INLINE));



    private HttpResponse<String> plan(String body) {
        return service.postJson(PlanRoutes.PLANS, body);
    }

    private HttpResponse<String> plan(byte[] body) {
        return service.send(service.request(PlanRoutes.PLANS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** The response is a JSON error body with this status and code; never a stack trace or an internal name. */
    private static JsonNode error(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        var body = json(response);
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("details").isArray()).isTrue();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "nutriplan.", "java.", "/work/", ".java");
        return body;
    }

    private static JsonNode invalid(HttpResponse<String> response) {
        return error(response, 400, "invalid_request");
    }

    private static String fields(JsonNode body) {
        var fields = new StringBuilder();
        body.path("details").forEach(detail -> fields.append(detail.path("field").asText("(body)")).append(' '));
        return fields.toString().strip();
    }

    @Nested
    class A_valid_request {

        @Test
        void gets_a_proven_optimal_plan_from_the_default_catalog() {
            var response = plan(PlanExamples.REQUEST);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var body = json(response);
            assertThat(body.path("status").asText()).isEqualTo("OPTIMAL");
            assertThat(body.path("items").size()).isPositive();
            assertThat(body.path("catalog").path("name").asText()).isEqualTo("default");
            assertThat(body.path("totals").path("sodium").path("amount").asDouble()).isBetween(500.0, 1000.0);
        }

        @Test
        void with_a_charset_in_its_content_type_is_read() {
            var response = service.send(service.request(PlanRoutes.PLANS).header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(SODIUM + "}")).build());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        @Test
        void that_no_plan_can_meet_gets_a_422_explaining_why() {
            var response = plan("{\"targets\": {\"sodium\": {\"min\": \"3000 mg\"}, \"fluid\": {\"max\": \"500 mL\"}},"
                    + " \"limits\": {\"maxServings\": 2}, \"timeLimitMs\": 10000}");

            var body = error(response, 422, "infeasible");
            assertThat(fields(body)).contains("targets.sodium.min");
            assertThat(body.path("details").get(body.path("details").size() - 1).path("conflict").size()).isPositive();
        }

        @Test
        void with_an_inline_catalog_plans_from_it() {
            var response = plan("{\"targets\": {\"sodium\": {\"min\": \"400 mg\"}}, \"products\": [{\"id\": \"salt\", \"name\": \"Salt tab\","
                    + " \"kind\": \"supplement\", \"serving\": \"1 g\", \"nutrients\": {\"sodium\": \"200 mg\"}, \"preparation\": {\"dry\": true}}]}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).path("items").get(0).path("servings").asInt()).isEqualTo(2);
            assertThat(json(response).path("catalog").path("version").isNull()).isTrue();
        }
    }

    @Nested
    class A_malformed_body_is_a_400 {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{\"targets\": ", "{\"targets\": {\"sodium\": {\"min\": \"500 mg\"}}", "not json", "[1, 2",
            "{\"targets\": {}} trailing", "{\"a\": 1, \"a\": 2}", "{'targets': 1}", "\"just a string\"", "", "   "})
        void whether_truncated_not_json_or_empty(String body) {
            var response = plan(body);

            var error = invalid(response);
            assertThat(error.path("details").get(0).path("field").isNull()).isTrue();
        }

        @Test
        void when_it_is_not_utf_8() {
            var body = "{\"targets\": {\"sodium\": {\"min\": \"500 mg\"}}, \"description\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

            var response = plan(body);

            assertThat(invalid(response).path("message").asText()).contains("UTF-8");
        }

        @Test
        void when_nested_deeper_than_any_request_needs() {
            var deep = "[".repeat(2000) + "]".repeat(2000);

            var response = plan("{\"targets\": " + deep + "}");

            assertThat(invalid(response).path("message").asText()).contains("nesting");
        }

        @Test
        void when_a_number_has_a_thousand_digits() {
            var response = plan("{\"targets\": {\"sodium\": {\"min\": " + "9".repeat(1000) + "}}}");

            invalid(response);
        }
    }

    @Nested
    class A_request_with_wrong_values_is_a_400_naming_each_field {

        @Test
        void an_unknown_field() {
            var response = plan(SODIUM + ", \"colour\": \"red\", \"limits\": {\"maxServing\": 3}}");

            var body = invalid(response);
            assertThat(fields(body)).isEqualTo("colour limits.maxServing");
            assertThat(body.path("details").get(0).path("message").asText()).contains("unknown field \"colour\"");
        }

        @Test
        void a_non_finite_number() {
            var response = plan("{\"targets\": {\"sodium\": {\"min\": 1e400}}}");

            assertThat(fields(invalid(response))).isEqualTo("targets.sodium.min");
        }

        @Test
        void a_number_out_of_range() {
            var response = plan("{\"targets\": {\"sodium\": {\"min\": -5}}}");

            assertThat(fields(invalid(response))).isEqualTo("targets.sodium.min");
        }

        @Test
        void a_fraction_where_an_integer_belongs() {
            var response = plan(SODIUM + ", \"timeLimitMs\": 1.5, \"alternatives\": 1.5}");

            assertThat(fields(invalid(response))).isEqualTo("timeLimitMs alternatives");
        }

        @ParameterizedTest(name = "timeLimitMs {0}")
        @ValueSource(strings = {"0", "-1", "30001", "99999999999999999999", "\"2000\""})
        void a_time_limit_out_of_range(String timeLimit) {
            var response = plan(SODIUM + ", \"timeLimitMs\": " + timeLimit + "}");

            assertThat(fields(invalid(response))).isEqualTo("timeLimitMs");
        }

        @Test
        void every_fault_at_once() {
            var response = plan("{\"targets\": {\"sodium\": {\"min\": \"3 L\"}, \"salt\": {\"min\": 1}}, \"objective\": \"fun\","
                    + " \"alternatives\": 9, \"timeLimitMs\": 0}");

            assertThat(fields(invalid(response))).isEqualTo("targets.sodium.min targets.salt objective timeLimitMs alternatives");
        }
    }

    @Test
    void an_unknown_catalog_is_a_404_naming_the_field() {
        var response = plan(SODIUM + ", \"catalog\": \"trial\"}");

        assertThat(fields(error(response, 404, "not_found"))).isEqualTo("catalog");
    }

    @Nested
    class A_body_that_is_not_json_is_a_415 {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1",
            "multipart/form-data; boundary=x"})
        void whatever_else_it_says(String contentType) {
            var response = service.send(service.request(PlanRoutes.PLANS).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(SODIUM + "}")).build());

            error(response, 415, "unsupported_media_type");
        }

        @Test
        void or_when_it_has_no_content_type() {
            var response = service.send(service.request(PlanRoutes.PLANS).POST(HttpRequest.BodyPublishers.ofString(SODIUM + "}")).build());

            error(response, 415, "unsupported_media_type");
        }
    }

    @Nested
    class Too_large_is_a_413 {

        @Test
        void for_a_body_over_the_limit() {
            var body = SODIUM + ", \"description\": \"" + "x".repeat(SMALL_BODY) + "\"}";

            var response = small.postJson(PlanRoutes.PLANS, body);

            assertThat(error(response, 413, "too_large").path("message").asText()).contains(Integer.toString(SMALL_BODY));
        }

        @Test
        void for_a_chunked_body_over_the_limit_without_a_content_length() {
            var body = (SODIUM + ", \"description\": \"" + "x".repeat(SMALL_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);

            var response = small.send(small.request(PlanRoutes.PLANS).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

            error(response, 413, "too_large");
        }

        @Test
        void but_a_chunked_body_within_the_limit_is_read() {
            var body = (SODIUM + "}").getBytes(StandardCharsets.UTF_8);

            var response = small.send(small.request(PlanRoutes.PLANS).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        @Test
        void for_an_inline_catalog_over_the_limit() {
            var product = "{\"id\": \"p%d\", \"name\": \"P\", \"kind\": \"supplement\", \"serving\": \"1 g\", \"nutrients\": {\"sodium\": 100}}";
            var products = new StringBuilder();
            for (int i = 0; i <= SMALL_INLINE; i++) {
                products.append(i == 0 ? "" : ", ").append(product.formatted(i));
            }

            var response = small.postJson(PlanRoutes.PLANS, "{\"targets\": {\"sodium\": {\"min\": 100}}, \"products\": [" + products + "]}");

            assertThat(fields(error(response, 413, "too_large"))).isEqualTo("products");
        }
    }
}

package nutriplan.api.service;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nutriplan.api.plans.PlanRoutes;
import nutriplan.api.plans.PlanService;

/** What every route shares, over real HTTP: security headers, request ids, the error body, health, metrics, CORS. */
class ServiceHttpTest {

    private static final String REQUEST = "{\"targets\": {\"sodium\": {\"min\": \"500 mg\", \"max\": \"1000 mg\"}}}";

    @RegisterExtension
    static final TestService service = TestService.start();



    @Nested
    class Security_headers {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/health", "/api/v1/catalogs", "/no/such/route", "/api/v1/catalogs/nope/products", "/openapi.json"})
        void are_on_every_response(String path) {
            var response = service.get(path);

            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CSP);
            assertThat(SecurityHeaders.CSP).contains("frame-ancestors 'none'", "default-src 'self'", "script-src 'self'");
            assertThat(response.headers().firstValue("Server")).isEmpty();
        }

        @Test
        void are_on_errors_raised_while_reading_the_body() {
            var response = service.send(service.request(PlanRoutes.PLANS).POST(HttpRequest.BodyPublishers.ofString("x")).build());

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CSP);
        }

        @Test
        void allow_swagger_ui_its_inline_styles_but_never_inline_scripts() {
            var response = service.get("/swagger");

            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.SWAGGER_CSP);
            assertThat(SecurityHeaders.SWAGGER_CSP).contains("script-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
        }
    }

    @Nested
    class Request_ids {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"c0ffee-42", "a", "trace:1.2_3-x"})
        void a_valid_one_is_echoed(String id) {
            var response = service.send(service.request("/health").header("X-Request-Id", id).build());

            assertThat(response.headers().firstValue("X-Request-Id")).hasValue(id);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"has space", "<script>", "quote\"d", "ünïcode", "0123456789012345678901234567890123456789012345678901234567890123456789"})
        void an_invalid_one_is_replaced_by_a_generated_one(String id) {
            var response = service.send(service.request("/health").header("X-Request-Id", id).build());

            var echoed = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(echoed).isNotEqualTo(id).matches("[0-9a-f-]{36}");
        }

        @Test
        void one_is_generated_when_none_is_sent_also_on_errors() {
            var ok = service.get("/health");
            var notFound = service.get("/no/such/route");

            assertThat(ok.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(RequestIds.isValid(id)).isTrue());
            assertThat(notFound.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(RequestIds.isValid(id)).isTrue());
            assertThat(ok.headers().firstValue("X-Request-Id")).isNotEqualTo(notFound.headers().firstValue("X-Request-Id"));
        }

        @Test
        void the_access_log_line_is_one_line_of_json_with_route_status_time_id_and_caller() {
            var line = AccessLog.line("POST", "/api/v1/plans", 200, 4.14f, "c0ffee-42", "anonymous", java.util.Map.of());

            assertThat(line).isEqualTo("{\"method\":\"POST\",\"route\":\"/api/v1/plans\",\"status\":200,\"ms\":4.1,"
                    + "\"requestId\":\"c0ffee-42\",\"caller\":\"anonymous\"}");
        }
    }

    @Nested
    class Routing_errors {

        @Test
        void an_unknown_route_is_a_404_json_error() {
            var response = service.get("/no/such/route");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).path("error").asText()).isEqualTo("not_found");
            assertThat(json(response).path("message").asText()).contains("no route GET /no/such/route");
        }

        @Test
        void a_known_route_with_the_wrong_method_is_a_405_with_allow() {
            var response = service.send(service.request(PlanRoutes.PLANS).DELETE().build());

            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
            assertThat(json(response).path("error").asText()).isEqualTo("method_not_allowed");
        }

        @Test
        void headers_too_large_for_http_are_a_json_error_too() {
            var response = service.send(service.request("/health").header("X-Large", "a".repeat(20_000)).build());

            assertThat(response.statusCode()).isEqualTo(431);
            assertThat(json(response).path("error").asText()).isEqualTo("too_large");
        }
    }

    @Test
    void an_unexpected_fault_is_a_logged_500_that_tells_nothing_of_the_internals() {
        PlanService failing = new PlanService(request -> {
            throw new IllegalStateException("index 7 out of bounds in /work/secret/ChocoModel.java");
        });
        try (var broken = TestService.start(TestService.settings(), failing)) {
            var response = broken.postJson(PlanRoutes.PLANS, REQUEST);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(json(response).path("error").asText()).isEqualTo("internal_error");
            assertThat(response.body()).doesNotContain("index 7", "secret", "IllegalState", "Choco", "java");
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        }
    }

    @Test
    void health_and_ready_answer_ok_while_running() {
        assertThat(service.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
        var ready = service.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ready\",\"store\":\"up\"}");
    }

    @Test
    void metrics_count_requests_by_route_template_and_status_and_solves_by_solver_and_status() {
        service.postJson(PlanRoutes.PLANS, REQUEST);
        service.get("/api/v1/catalogs/default/products/no-such-product");
        service.get("/no/such/route/" + System.nanoTime());

        var response = service.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/plans\",status=\"200\"}")
                .contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/plans\",status=\"200\",le=\"0.01\"}")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/catalogs/{catalog}/products/{id}\",status=\"404\"}")
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain("/no/such/route")
                .contains("nutriplan_solve_seconds_count{solver=\"choco\",status=\"OPTIMAL\"}")
                .contains("nutriplan_solver_pool_in_use ", "nutriplan_solver_pool_queued ", "nutriplan_solver_pool_size 2.0",
                        "nutriplan_solver_pool_rejected_total ", "jvm_memory_used_bytes");
    }

    @Nested
    class Cors {

        private static HttpResponse<String> preflight(TestService target, String origin) {
            return target.send(target.request(PlanRoutes.PLANS).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type").build());
        }

        @Test
        void is_off_by_default() {
            var response = service.send(service.request("/health").header("Origin", "https://evil.example").build());

            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight(service, "https://evil.example").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }

        @Test
        void allows_only_the_origins_configured() {
            try (var withCors = TestService.start(TestService.settings().withCorsOrigins(List.of("https://plan.example.com")))) {
                var allowed = preflight(withCors, "https://plan.example.com");
                var other = preflight(withCors, "https://evil.example");
                var call = withCors.send(withCors.request("/health").header("Origin", "https://plan.example.com").build());

                assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://plan.example.com");
                assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
                assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://plan.example.com");
                assertThat(call.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                        exposed -> assertThat(exposed).contains("X-Request-Id"));
            }
        }
    }
}

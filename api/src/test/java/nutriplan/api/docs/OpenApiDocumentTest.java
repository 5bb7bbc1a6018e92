package nutriplan.api.docs;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import nutriplan.api.access.RouteScopes;
import nutriplan.api.access.Scope;
import nutriplan.api.plans.PlanRoutes;
import nutriplan.api.service.TestService;

/**
 * /openapi.json is valid OpenAPI, describes every route the app answers with every status each can return, and its
 * examples are real: sending the documented inputs gives the documented answers. Swagger UI is served from the jar.
 */
class OpenApiDocumentTest {

    /**
     * What each route can answer, from the code: the handler's own statuses, plus those of the error table that
     * reach it (every body-reading route: 400, 413, 415; every route: 431 and 500; a catalog's reads: 304). The
     * access filter's 401, 403 and 429, which every route but a public one may answer, are added from RouteScopes.
     */
    private static final Map<String, List<String>> STATUSES = Map.ofEntries(
            Map.entry("POST /api/v1/plans", List.of("200", "400", "404", "413", "415", "422", "431", "500", "503")),
            Map.entry("POST /api/v1/plans:batch", List.of("200", "400", "413", "415", "431", "500", "503")),
            Map.entry("POST /api/v1/targets", List.of("200", "400", "413", "415", "431", "500")),
            Map.entry("POST /api/v1/targets:batch", List.of("200", "400", "413", "415", "431", "500")),
            Map.entry("GET /api/v1/catalogs", List.of("200", "400", "431", "500")),
            Map.entry("GET /api/v1/catalogs/{catalog}/dominated", List.of("200", "304", "400", "404", "431", "500")),
            Map.entry("POST /api/v1/catalogs", List.of("201", "400", "409", "413", "415", "431", "500", "503")),
            Map.entry("GET /api/v1/catalogs/{catalog}/products", List.of("200", "304", "400", "404", "431", "500")),
            Map.entry("GET /api/v1/catalogs/{catalog}/products/{id}", List.of("200", "304", "400", "404", "431", "500")),
            Map.entry("PUT /api/v1/catalogs/{catalog}/products/{id}", List.of("200", "400", "404", "409", "413", "415", "431", "500", "503")),
            Map.entry("DELETE /api/v1/catalogs/{catalog}/products/{id}", List.of("200", "400", "404", "409", "431", "500", "503")),
            Map.entry("POST /api/v1/catalogs/{catalog}/products:import", List.of("200", "400", "404", "409", "413", "415", "431", "500", "503")),
            Map.entry("GET /api/v1/catalogs/{catalog}/export", List.of("200", "304", "400", "404", "431", "500")),
            Map.entry("GET /api/v1/presets", List.of("200", "400", "431", "500")),
            Map.entry("GET /health", List.of("200", "400", "431", "500")),
            Map.entry("GET /ready", List.of("200", "400", "431", "500", "503")),
            Map.entry("GET /api/v1/keys", List.of("200", "400", "431", "500", "503")),
            Map.entry("POST /api/v1/keys", List.of("201", "400", "413", "415", "431", "500", "503")),
            Map.entry("GET /api/v1/keys/{id}", List.of("200", "400", "404", "431", "500", "503")),
            Map.entry("POST /api/v1/keys/{id}:rotate", List.of("201", "400", "404", "413", "415", "431", "500", "503")),
            Map.entry("DELETE /api/v1/keys/{id}", List.of("200", "400", "404", "431", "500", "503")),
            Map.entry("GET /api/v1/security-events", List.of("200", "400", "431", "500")),
            Map.entry("GET /api/v1/catalogs/{catalog}/versions", List.of("200", "400", "404", "431", "500")),
            Map.entry("GET /api/v1/catalogs/{catalog}/products/{id}/history", List.of("200", "400", "404", "431", "500")),
            Map.entry("GET /api/v1/catalogs/{catalog}/diff", List.of("200", "400", "404", "431", "500")),
            Map.entry("POST /api/v1/catalogs/{catalog}:revert", List.of("200", "400", "404", "409", "413", "415", "431", "500", "503")),
            Map.entry("GET /api/v1/catalogs/{catalog}/tags", List.of("200", "400", "404", "431", "500")),
            Map.entry("GET /api/v1/catalogs/{catalog}/tags/{tag}", List.of("200", "400", "404", "431", "500")),
            Map.entry("PUT /api/v1/catalogs/{catalog}/tags/{tag}", List.of("200", "201", "400", "404", "409", "413", "415", "431", "500", "503")),
            Map.entry("DELETE /api/v1/catalogs/{catalog}/tags/{tag}", List.of("204", "400", "404", "431", "500", "503")),
            Map.entry("DELETE /api/v1/catalogs/{catalog}", List.of("204", "400", "404", "431", "500", "503")),
            Map.entry("GET /metrics", List.of("200", "400", "431", "500")),
            Map.entry("GET /openapi.json", List.of("200", "400", "431", "500")),
            Map.entry("GET /swagger", List.of("200", "400", "431", "500")),
            Map.entry("GET /swagger/{file}", List.of("200", "400", "404", "431", "500")),
            // Signing in to the web form (access/users): the users' 401 and 403 come from the access filter.
            Map.entry("POST /api/v1/session", List.of("200", "400", "401", "413", "415", "429", "431", "500", "503")),
            Map.entry("GET /api/v1/session", List.of("200", "400", "431", "500")),
            Map.entry("DELETE /api/v1/session", List.of("204", "400", "431", "500")),
            Map.entry("POST /api/v1/setup", List.of("200", "400", "401", "409", "413", "415", "429", "431", "500", "503")),
            Map.entry("GET /api/v1/users", List.of("200", "400", "401", "403", "431", "500", "503")),
            Map.entry("POST /api/v1/users", List.of("201", "400", "401", "403", "409", "413", "415", "431", "500", "503")),
            Map.entry("DELETE /api/v1/users/{name}", List.of("204", "400", "401", "403", "404", "431", "500", "503")));

    @RegisterExtension
    static final TestService service = TestService.start();
    private static final JsonNode document = json(service.get(DocsRoutes.OPENAPI));



    private Map<String, List<String>> documentedStatuses() {
        var documented = new TreeMap<String, List<String>>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                documented.put(operation.getKey().toUpperCase() + " " + path.getKey(),
                        new ArrayList<>(new TreeSet<>(iterable(operation.getValue().path("responses").fieldNames()))))));
        return documented;
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        var list = new ArrayList<T>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    /**
     * The document the build wrote to target/openapi.json (api/pom.xml, write-openapi, in process-classes) for the
     * linter and the generated client is the one the service serves.
     */
    @Test
    void the_document_the_build_lints_is_the_one_served() throws java.io.IOException {
        var written = java.nio.file.Path.of("target", "openapi.json");

        assertThat(nutriplan.catalog.json.Json.MAPPER.readTree(java.nio.file.Files.readString(written))).isEqualTo(document);
    }

    @Test
    void a_workout_and_its_needs_are_typed_in_the_targets_route_and_in_plans() {
        var schemas = document.at("/components/schemas");
        assertThat(schemas.at("/Workout/required").toString()).contains("durationMin", "bodyMass");
        assertThat(schemas.at("/Needs/required").toString()).contains("targets", "rationale", "assumed", "safety");
        // A $ref with a description beside it is written as allOf: [$ref] (OpenAPI 3.0 ignores a $ref's siblings).
        assertThat(schemas.at("/PlanRequest/properties/workout").toString()).contains("#/components/schemas/Workout\"");
        assertThat(schemas.at("/PlanResponse/properties/needs").toString()).contains("#/components/schemas/Needs\"");
        var targets = document.at("/paths/~1api~1v1~1targets/post");
        assertThat(targets.at("/requestBody/content/application~1json/schema/$ref").asText()).endsWith("/Workout");
        assertThat(targets.at("/responses/200/content/application~1json/schema/$ref").asText()).endsWith("/Needs");
    }

    @Test
    void is_valid_openapi_3() {
        var options = new ParseOptions();
        options.setResolve(true);

        var result = new OpenAPIV3Parser().readContents(document.toString(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getInfo().getTitle()).isEqualTo("nutriplan");
    }

    @Test
    void describes_every_route_the_app_answers_and_no_other() {
        assertThat(documentedStatuses().keySet()).containsExactlyInAnyOrderElementsOf(service.app().routes());
    }

    @Test
    void lists_every_status_each_route_can_answer() {
        var scopes = RouteScopes.service();
        var expected = new TreeMap<String, List<String>>();
        STATUSES.forEach((route, statuses) -> {
            var all = new TreeSet<>(statuses);
            if (scopes.of(route) != Scope.PUBLIC) {
                all.addAll(List.of("401", "403", "429"));
            }
            expected.put(route, new ArrayList<>(all));
        });

        assertThat(documentedStatuses()).isEqualTo(expected);
    }

    @Test
    void declares_the_api_key_and_the_session_cookie_as_security_schemes() {
        var schemes = document.at("/components/securitySchemes");

        assertThat(schemes.at("/apiKey/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/apiKey/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/apiKey/bearerFormat").asText()).isEqualTo("npk");
        assertThat(schemes.at("/apiKey/description").asText()).contains("loopback", "ANONYMOUS_ACCESS");
        assertThat(schemes.at("/session/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/session/in").asText()).isEqualTo("cookie");
        assertThat(schemes.at("/session/name").asText()).isEqualTo("nutriplan_session");
        assertThat(schemes.at("/session/description").asText()).contains("X-CSRF-Token");
    }

    @Test
    void every_refusal_of_the_access_filter_is_documented_with_its_header() {
        var put = document.at("/paths/~1api~1v1~1catalogs~1{catalog}~1products~1{id}/put/responses");

        assertThat(put.at("/401/headers/WWW-Authenticate/$ref").asText()).endsWith("/WWW-Authenticate");
        assertThat(put.at("/401/content/application~1json/example/error").asText()).isEqualTo("unauthenticated");
        assertThat(put.at("/403/content/application~1json/example/details/0/message").asText()).isEqualTo("needs \"catalog:write\"");
        assertThat(put.at("/429/headers/Retry-After/$ref").asText()).endsWith("/Retry-After");
        assertThat(put.at("/429/content/application~1json/example/error").asText()).isEqualTo("rate_limited");
    }

    @Test
    void every_error_status_has_the_error_schema_and_every_json_answer_an_example() {
        document.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").properties().forEach(response -> {
            var json = response.getValue().path("content").path("application/json");
            if (response.getKey().compareTo("400") >= 0 && !json.isMissingNode() && !json.path("schema").path("$ref").asText().endsWith("/Status")) {
                assertThat(json.path("schema").path("$ref").asText()).as(response.getKey()).isEqualTo("#/components/schemas/Error");
            }
            if (!json.isMissingNode() && !response.getKey().equals("200")) {
                assertThat(json.path("example").isObject()).as("example of %s %s", response.getKey(), operation).isTrue();
            }
        })));
    }

    @Test
    void the_plan_request_example_gets_the_documented_plan() {
        var content = document.path("paths").path(PlanRoutes.PLANS).path("post");
        var request = content.path("requestBody").path("content").path("application/json").path("example");
        var documented = (ObjectNode) content.path("responses").path("200").path("content").path("application/json").path("example").deepCopy();

        var answer = (ObjectNode) json(service.postJson(PlanRoutes.PLANS, request.toString()));

        documented.remove("timeMs");
        answer.remove("timeMs");
        assertThat(answer).isEqualTo(documented);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "400 | {\"targets\": {\"sodium\": {\"min\": \"3 L\"}}, \"timeLimitMs\": 0, \"colour\": \"red\"}",
        "404 | {\"targets\": {\"sodium\": {\"min\": \"500 mg\"}}, \"catalog\": \"trial\"}",
        "422 | {\"targets\": {\"sodium\": {\"min\": \"3000 mg\"}, \"fluid\": {\"max\": \"500 mL\"}}, \"limits\": {\"maxServings\": 2}}"})
    void each_plan_error_example_is_the_answer_to_its_fault(String status, String request) {
        var documented = document.path("paths").path(PlanRoutes.PLANS).path("post").path("responses").path(status)
                .path("content").path("application/json").path("example");

        var response = service.postJson(PlanRoutes.PLANS, request);

        assertThat(Integer.toString(response.statusCode())).isEqualTo(status);
        assertThat(json(response)).isEqualTo(documented);
    }

    @Test
    void quantities_are_read_as_a_number_a_string_or_an_amount() {
        var quantity = document.path("components").path("schemas").path("Quantity");

        assertThat(quantity.path("anyOf").findValuesAsText("type")).containsExactly("number", "string");
        assertThat(quantity.path("anyOf").findValuesAsText("$ref")).containsExactly("#/components/schemas/Amount");
    }

    @Test
    void swagger_ui_is_served_from_the_jar_pointing_at_this_document() {
        var page = service.get(DocsRoutes.SWAGGER);
        var init = service.get("/swagger/init.js");
        var bundle = service.get("/swagger/swagger-ui-bundle.js");
        var css = service.get("/swagger/swagger-ui.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("/swagger/swagger-ui-bundle.js", "/swagger/init.js").doesNotContain("<script>", "http://", "https://");
        assertThat(init.body()).contains("url: \"/openapi.json\"", "validatorUrl: null");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(service.get("/swagger/index.html").statusCode()).isEqualTo(404);
        assertThat(service.get("/swagger/..%2Fopenapi.json").statusCode()).isEqualTo(404);
    }
}

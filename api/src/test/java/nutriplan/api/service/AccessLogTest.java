package nutriplan.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.access.AccessTestApp;
import nutriplan.api.catalogs.CatalogRoutes;
import nutriplan.api.metrics.Metrics;
import nutriplan.catalog.json.Json;

/**
 * The access log names who called (the caller the access filter decided) and which catalog and product a request
 * touched, in one JSON line, whatever the caller put in the path.
 */
class AccessLogTest {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static final AccessTestApp APP = AccessTestApp.start((routes, log) -> {
        routes.get(CatalogRoutes.PRODUCT, ctx -> ctx.result("{}"));
        routes.delete(CatalogRoutes.PRODUCT, ctx -> ctx.result("{}"));
        routes.get("/health", ctx -> ctx.result("{}"));
    }, config -> config.requestLogger.http(new AccessLog(new Metrics(), LINES::add)::record));

    @AfterAll
    static void stop() {
        APP.close();
    }

    @BeforeEach
    void clear() {
        LINES.clear();
    }

    @Test
    void a_change_names_its_caller_catalog_and_product() {
        APP.send("DELETE", "/api/v1/catalogs/trial/products/my-gel", "editor");

        var line = onlyLine();
        assertThat(line.path("caller").asText()).isEqualTo("key:np-editor");
        assertThat(line.path("catalog").asText()).isEqualTo("trial");
        assertThat(line.path("product").asText()).isEqualTo("my-gel");
        assertThat(line.path("route").asText()).isEqualTo(CatalogRoutes.PRODUCT);
        assertThat(line.path("status").asInt()).isEqualTo(200);
    }

    @Test
    void a_refused_change_is_logged_too_with_its_caller() {
        APP.send("DELETE", "/api/v1/catalogs/default/products/cola-12oz", "planner");

        var line = onlyLine();
        assertThat(line.path("status").asInt()).isEqualTo(403);
        assertThat(line.path("caller").asText()).isEqualTo("key:np-planner");
        assertThat(line.path("catalog").asText()).isEqualTo("default");
        assertThat(line.path("product").asText()).isEqualTo("cola-12oz");
    }

    @Test
    void a_caller_without_a_credential_is_anonymous_and_a_route_without_a_catalog_names_none() {
        APP.send("GET", "/health", null);

        var line = onlyLine();
        assertThat(line.path("caller").asText()).isEqualTo("anonymous");
        assertThat(line.has("catalog")).isFalse();
        assertThat(line.has("product")).isFalse();
    }

    @Test
    void a_hostile_path_parameter_stays_in_its_field_of_one_line_and_is_cut_to_100_characters() {
        var id = "x%22%2C%22caller%22%3A%22admin%0A" + "y".repeat(200);

        APP.send("GET", "/api/v1/catalogs/default/products/" + id, null);

        assertThat(LINES).hasSize(1);
        assertThat(LINES.get(0)).doesNotContain("\n");
        var line = onlyLine();
        assertThat(line.path("caller").asText()).isEqualTo("anonymous");
        assertThat(line.path("product").asText()).startsWith("x\",\"caller\":\"admin\ny").hasSize(101).endsWith("…");
    }

    private static JsonNode onlyLine() {
        assertThat(LINES).hasSize(1);
        try {
            return Json.MAPPER.readTree(LINES.get(0));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + LINES.get(0), e);
        }
    }
}

package nutriplan.api.access;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.Javalin;

import nutriplan.api.service.TestService;

/**
 * The route inventory (issue 28): every route the service registers has exactly one scope in {@link RouteScopes}, the
 * OpenAPI operation of each says the same scope in its {@code security} and {@code x-scope}, and a route registered
 * without a scope is caught before the service starts, so a forgotten route is closed, not open.
 */
class RouteInventoryTest {

    @RegisterExtension
    static final TestService service = TestService.start();
    private static final JsonNode document = json(service.get("/openapi.json"));
    private final RouteScopes scopes = RouteScopes.service();

    @Test
    void every_route_the_app_registers_has_exactly_one_scope_and_every_scope_a_route() {
        var routes = service.app().routes();

        assertThat(routes).doesNotHaveDuplicates().allSatisfy(route -> assertThat(scopes.of(route)).as(route).isNotNull());
        assertThat(scopes.all().keySet()).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void each_routes_openapi_operation_has_the_security_of_its_scope() {
        for (var route : service.app().routes()) {
            var scope = scopes.of(route);
            var operation = operation(route);

            assertThat(operation.path("x-scope").asText()).as(route).isEqualTo(scope.jsonName());
            if (scope == Scope.PUBLIC) {
                assertThat(operation.path("security").toString()).as(route).isEqualTo("[]");
            } else {
                assertThat(operation.path("security").toString()).as(route).isEqualTo("[{\"apiKey\":[]},{\"session\":[]}]");
                assertThat(operation.path("description").asText()).as(route).contains("Needs the scope \"" + scope.jsonName() + "\"");
                assertThat(operation.path("responses").has("401")).as(route).isTrue();
            }
        }
    }

    @Test
    void the_security_log_is_for_admins_and_catalog_changes_need_catalog_write() {
        assertThat(scopes.of("GET /api/v1/security-events")).isEqualTo(Scope.ADMIN);
        assertThat(scopes.of("DELETE /api/v1/catalogs/{catalog}/products/{id}")).isEqualTo(Scope.CATALOG_WRITE);
        assertThat(scopes.of("GET /api/v1/catalogs/{catalog}/products/{id}")).isEqualTo(Scope.PLAN);
        assertThat(scopes.of("GET /metrics")).isEqualTo(Scope.METRICS);
    }

    @Test
    void a_route_registered_without_a_scope_fails_the_check() {
        var javalin = Javalin.create(config -> {
            new SecurityEventRoutes(new SecurityLog(new nutriplan.api.metrics.Metrics(), java.time.Clock.systemUTC()))
                    .register(config.routes);
            config.routes.post("/api/v1/catalogs/{catalog}:forget", ctx -> ctx.status(204));
        });
        var routes = javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(RouteScopes::route)
                .toList();

        assertThatThrownBy(() -> scopes.check(routes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no scope for POST /api/v1/catalogs/{catalog}:forget");
    }

    @Test
    void the_services_routes_and_one_more_fail_the_check_naming_it() {
        var routes = new ArrayList<>(service.app().routes());
        routes.add("POST /api/v1/catalogs/{catalog}:reset");

        assertThatThrownBy(() -> scopes.check(routes)).isInstanceOf(IllegalStateException.class)
                .hasMessage("every route needs exactly one scope (access/RouteScopes): no scope for POST /api/v1/catalogs/{catalog}:reset");
    }

    @Test
    void a_scope_whose_route_is_gone_fails_the_check_as_stale() {
        var routes = new ArrayList<>(service.app().routes());
        routes.remove("GET /metrics");

        assertThatThrownBy(() -> scopes.check(routes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no route GET /metrics");
    }

    private static JsonNode operation(String route) {
        var methodAndPath = route.split(" ", 2);
        var operation = document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
        assertThat(operation.isObject()).as("the OpenAPI document describes %s", route).isTrue();
        return operation;
    }
}

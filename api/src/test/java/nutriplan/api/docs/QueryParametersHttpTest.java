package nutriplan.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nutriplan.api.service.TestService;

/** A query parameter a route does not declare in the OpenAPI document is a 400 naming it, never silently ignored. */
class QueryParametersHttpTest {

    @RegisterExtension
    static final TestService SERVICE = TestService.start();

    @Test
    void an_undeclared_parameter_is_a_400_naming_it_and_the_ones_the_route_takes() {
        var export = SERVICE.get("/api/v1/catalogs/default/versions?as_of=1");
        assertThat(export.statusCode()).isEqualTo(400);
        assertThat(TestService.json(export).at("/details/0/field").asText()).isEqualTo("as_of");
        assertThat(TestService.json(export).at("/details/0/message").asText()).contains("known: before, limit");

        var products = SERVICE.get("/api/v1/catalogs/default/products?kind=gel&colour=red");
        assertThat(products.statusCode()).isEqualTo(400);
        assertThat(TestService.json(products).at("/details/0/field").asText()).isEqualTo("colour");
        assertThat(TestService.json(products).at("/details/0/message").asText()).contains("known: kind, q, tag, version");

        var health = SERVICE.get("/health?verbose=1");
        assertThat(TestService.json(health).at("/details/0/message").asText()).contains("takes none");
        var events = SERVICE.get("/api/v1/security-events?since=yesterday");
        assertThat(TestService.json(events).at("/details/0/field").asText()).isEqualTo("since");

        var plan = SERVICE.postJson("/api/v1/plans?solver=choco", "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}}}");
        assertThat(plan.statusCode()).isEqualTo(400);
        assertThat(TestService.json(plan).at("/details/0/field").asText()).isEqualTo("solver");
    }

    @Test
    void declared_parameters_and_the_web_forms_files_pass() {
        assertThat(SERVICE.get("/api/v1/catalogs/default/products?kind=gel&tag=caffeine-free&q=gu").statusCode()).isEqualTo(200);
        assertThat(SERVICE.get("/api/v1/security-events?limit=5").statusCode()).isEqualTo(200);
        assertThat(SERVICE.get("/?preset=run-60-min").statusCode()).isEqualTo(200);
    }
}

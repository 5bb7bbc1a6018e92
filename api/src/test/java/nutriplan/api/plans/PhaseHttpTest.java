package nutriplan.api.plans;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.service.TestService;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Phase;
import nutriplan.catalog.product.Product;

/**
 * A plan is for a phase of the session, over real HTTP on the default catalog: a plan from a workout uses only products
 * the catalog marks fit for during, names the others with the change that brings them back, and the kinds filters
 * keep to what a dietitian asks for.
 */
class PhaseHttpTest {

    static final TestService service = TestService.start();

    @AfterAll
    static void stop() {
        service.close();
    }

    /** Guidelines §14 E2: the 4-hour ride in the heat, with a recovery after it. */
    static final String RIDE = "{\"durationMin\": 240, \"bodyMass\": \"75 kg\", \"sweatRate\": \"1.5 L/h\","
            + " \"temperature\": \"32 °C\", \"carbTolerance\": \"90 g/h\", \"recovery\": 6}";

    private static JsonNode plan(String request) {
        var response = service.postJson(PlanRoutes.PLANS, request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** The default catalog the service was seeded from. */
    static final Catalog CATALOG = CatalogFiles.read(TestService.CATALOG_DIRECTORY.resolve("default.json")).catalog();

    private static List<Product> products(JsonNode body) {
        var products = new ArrayList<Product>();
        body.path("items").forEach(item -> products.add(CATALOG.product(item.path("product").asText())));
        return products;
    }

    @Test
    void a_plan_from_a_workout_uses_only_products_fit_for_during_and_names_the_others() {
        var body = plan("{\"workout\": " + RIDE + ", \"solver\": \"choco\", \"timeLimitMs\": 10000}");

        assertThat(products(body)).isNotEmpty().allMatch(product -> product.isFitFor(Phase.DURING));
        var rice = leftOut(body, "rice-white-cooked-1cup");
        assertThat(rice.path("cause").asText()).isEqualTo("phase");
        assertThat(rice.path("reason").asText()).contains("before, after");
        // A workout's plan is for during or after it: the way back is to ask for the product by name.
        assertThat(rice.at("/bringBack/field").asText()).isEqualTo("require");
        assertThat(rice.at("/bringBack/add").asText()).isEqualTo("rice-white-cooked-1cup");
        assertThat(leftOut(body, "egg-large-raw").isMissingNode()).as("the raw egg is gone from the catalog").isTrue();
    }

    @Test
    void after_the_session_the_recovery_targets_are_planned_from_products_fit_for_after() {
        var body = plan("{\"workout\": " + RIDE + ", \"phase\": \"after\", \"solver\": \"choco\", \"timeLimitMs\": 10000}");

        assertThat(products(body)).isNotEmpty().allMatch(product -> product.isFitFor(Phase.AFTER));
        assertThat(body.at("/totals/protein/min/amount").asDouble()).isEqualTo(18.75);
    }

    @Test
    void a_required_product_is_planned_whatever_its_use() {
        var body = plan("{\"workout\": " + RIDE + ", \"require\": [\"banana-medium\", \"bagel-plain-medium\"],"
                + " \"solver\": \"choco\", \"timeLimitMs\": 10000}");

        assertThat(products(body)).extracting(Product::id).contains("bagel-plain-medium");
        assertThat(leftOut(body, "bagel-plain-medium").isMissingNode()).isTrue();
    }

    @Test
    void include_kinds_keeps_sports_products_only_and_exclude_kinds_drops_a_kind() {
        var body = plan("{\"workout\": " + RIDE + ", \"include\": {\"kinds\": [\"drink\", \"powder\", \"gel\", \"chew\"]},"
                + " \"exclude\": {\"kinds\": [\"powder\"]}, \"solver\": \"choco\", \"timeLimitMs\": 10000}");

        assertThat(products(body)).isNotEmpty()
                .allMatch(product -> List.of(Kind.DRINK, Kind.GEL, Kind.CHEW).contains(product.kind()));
        assertThat(leftOut(body, "banana-medium").isMissingNode()).as("excluded by the caller: not a surprise").isTrue();
    }

    @Test
    void a_request_with_targets_plans_from_every_product_unless_it_names_a_phase() {
        var targets = "{\"targets\": {\"carbohydrate\": {\"min\": \"40 g\"}, \"protein\": {\"min\": \"10 g\"}}";

        var any = plan(targets + ", \"objective\": \"products\"}");
        var during = plan(targets + ", \"objective\": \"products\", \"phase\": \"during\"}");

        assertThat(products(any)).anyMatch(product -> !product.isFitFor(Phase.DURING));
        assertThat(products(during)).allMatch(product -> product.isFitFor(Phase.DURING));
        var rice = leftOut(during, "rice-white-cooked-1cup");
        assertThat(rice.at("/bringBack/field").asText()).isEqualTo("phase");
        assertThat(rice.at("/bringBack/to").asText()).isEqualTo("before");
    }

    private static JsonNode leftOut(JsonNode body, String id) {
        for (var entry : body.path("leftOut")) {
            if (entry.path("product").asText().equals(id)) {
                return entry;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}

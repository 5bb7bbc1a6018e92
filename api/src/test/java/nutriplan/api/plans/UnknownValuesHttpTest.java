package nutriplan.api.plans;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.service.TestService;

/**
 * The unknown-value policy and the preparation's water over real HTTP: a drink mix that does not state its sodium is
 * left out under a sodium max and named with the reason; allowed, it is used, its sodium total is marked a lower
 * bound and the max is listed as not proven; its 500 mL of water is in the plan's directions and the fluid total.
 */
class UnknownValuesHttpTest {

    @RegisterExtension
    static final TestService service = TestService.start();

    private static final String PRODUCTS = """
            [{"id": "known-drink", "name": "Known drink", "kind": "drink", "serving": "500 mL",
              "nutrients": {"carbohydrate": "30 g", "sodium": "300 mg", "fluid": "500 mL"}, "source": "test"},
             {"id": "mystery-mix", "name": "Mystery mix, 1 sachet", "kind": "powder", "serving": "80 g",
              "nutrients": {"carbohydrate": "80 g", "sodium": null, "fluid": "0 mL"},
              "preparation": {"water": "500 mL", "unit": "sachet"}, "source": "test"}]""";

    private static JsonNode plan(String options) {
        var response = service.postJson(PlanRoutes.PLANS, """
                {"targets": {"carbohydrate": {"min": "60 g"}, "sodium": {"max": "700 mg"}, "fluid": {"max": "2 L"}},
                 "products": %s%s}""".formatted(PRODUCTS, options));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void by_default_a_product_whose_sodium_is_not_known_is_left_out_under_a_sodium_max_and_named() {
        var body = plan("");

        assertThat(body.path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(body.at("/items/0/product").asText()).isEqualTo("known-drink");
        assertThat(body.at("/items/0/servings").asInt()).isEqualTo(2);
        assertThat(body.at("/leftOut/0/product").asText()).isEqualTo("mystery-mix");
        assertThat(body.at("/leftOut/0/nutrients/0").asText()).isEqualTo("sodium");
        assertThat(body.at("/leftOut/0/cause").asText()).isEqualTo("unknown");
        assertThat(body.at("/leftOut/0/reason").asText()).contains("cannot be shown to stay under the max");
        assertThat(body.at("/leftOut/0/bringBack/field").asText()).isEqualTo("unknownUnderMax");
        assertThat(body.at("/leftOut/0/bringBack/to").asText()).isEqualTo("allow");
        assertThat(body.at("/totals/sodium/lowerBound").asBoolean()).isFalse();
        assertThat(body.path("unproven")).isEmpty();
    }

    @Test
    void allowed_it_is_used_its_total_is_a_lower_bound_the_max_is_not_proven_and_its_water_is_fluid() {
        var body = plan(", \"unknownUnderMax\": \"allow\"");

        assertThat(body.at("/items/0/product").asText()).isEqualTo("mystery-mix");
        assertThat(body.at("/items/0/preparation").asText()).isEqualTo("1 sachet in 500 mL water");
        assertThat(body.at("/items/0/water/amount").asDouble()).isEqualTo(500.0);
        assertThat(body.at("/items/0/water/unit").asText()).isEqualTo("mL");
        assertThat(body.at("/totals/fluid/amount").asDouble()).isEqualTo(500.0);
        assertThat(body.at("/totals/sodium/lowerBound").asBoolean()).isTrue();
        assertThat(body.at("/unproven/0").asText()).isEqualTo("sodium");
        assertThat(body.path("leftOut")).isEmpty();
        var warning = body.at("/warnings/0");
        assertThat(warning.path("message").asText()).contains("the sodium total is a lower bound");
        assertThat(warning.path("product").asText()).isEqualTo("mystery-mix");
        assertThat(warning.path("nutrient").asText()).isEqualTo("sodium");
        assertThat(warning.path("max").toString()).isEqualTo("{\"amount\":700.0,\"unit\":\"mg\"}");
    }

    @Test
    void an_unknown_policy_name_is_a_400_naming_the_field() {
        var response = service.postJson(PlanRoutes.PLANS, """
                {"targets": {"sodium": {"max": "700 mg"}}, "products": %s, "unknownUnderMax": "ignore"}""".formatted(PRODUCTS));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/details/0/field").asText()).isEqualTo("unknownUnderMax");
    }
}

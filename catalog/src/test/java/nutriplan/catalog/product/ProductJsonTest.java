package nutriplan.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.catalog.json.Finding;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.Json;

/** A product reads the same whether its quantities are text ("591 mL") or the amounts the service writes. */
class ProductJsonTest {

    private static final String AS_TEXT = """
            {"id": "drink", "name": "Drink", "kind": "powder", "serving": "40 g",
             "nutrients": {"carbohydrate": "36 g", "sodium": "270 mg", "caffeine": null},
             "preparation": {"water": "500 mL", "unit": "scoop"}}""";
    private static final String AS_AMOUNTS = """
            {"id": "drink", "name": "Drink", "kind": "powder", "serving": {"amount": 40, "unit": "g"},
             "nutrients": {"carbohydrate": {"amount": 36.0, "unit": "g"}, "sodium": {"amount": 0.27, "unit": "g"}, "caffeine": null},
             "preparation": {"water": {"amount": 0.5, "unit": "L"}, "unit": "scoop"}}""";

    private static JsonNode parse(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    @Test
    void amounts_read_as_their_text_does() throws Exception {
        var findings = Findings.create();

        var fromAmounts = ProductJson.read(parse(AS_AMOUNTS), findings);

        assertThat(findings.errorCount()).isZero();
        assertThat(fromAmounts).isEqualTo(ProductJson.read(parse(AS_TEXT), Findings.create()));
    }

    @Test
    void an_amount_of_the_wrong_dimension_or_shape_is_an_error_naming_its_field() throws Exception {
        var findings = Findings.create();

        var product = ProductJson.read(parse(AS_AMOUNTS
                .replace("{\"amount\": 36.0, \"unit\": \"g\"}", "{\"amount\": 36.0, \"unit\": \"mL\"}")
                .replace("{\"amount\": 40, \"unit\": \"g\"}", "{\"amount\": 40, \"unit\": \"g\", \"per\": \"bar\"}")), findings);

        assertThat(product).isNull();
        assertThat(findings.errorCount()).isEqualTo(2);
        assertThat(findings.all()).extracting(Finding::field).contains("nutrients.carbohydrate", "serving");
    }
}

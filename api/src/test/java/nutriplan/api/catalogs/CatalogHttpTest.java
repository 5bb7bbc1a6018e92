package nutriplan.api.catalogs;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.service.TestService;
import nutriplan.catalog.product.ProductJson;

/** The read-only catalog endpoints over real HTTP, on the default catalog of data/catalogs. */
class CatalogHttpTest {

    @RegisterExtension
    static final TestService service = TestService.start();



    private static List<String> ids(JsonNode body) {
        var ids = new ArrayList<String>();
        body.path("products").forEach(product -> ids.add(product.path("id").asText()));
        return ids;
    }

    @Test
    void the_list_names_each_catalog_with_its_version_and_product_count() {
        var response = service.get("/api/v1/catalogs");

        assertThat(response.statusCode()).isEqualTo(200);
        var defaultCatalog = TestService.CATALOGS.find("default");
        assertThat(json(response).path("catalogs").get(0).toString())
                .isEqualTo("{\"name\":\"default\",\"version\":1,\"products\":" + defaultCatalog.products().size() + "}");
    }

    @Test
    void without_filters_every_product_is_listed_in_catalog_order() {
        var body = json(service.get("/api/v1/catalogs/default/products"));

        var expected = TestService.CATALOGS.find("default").products().stream().map(product -> product.id()).toList();
        assertThat(ids(body)).isEqualTo(expected);
        assertThat(body.path("count").asInt()).isEqualTo(expected.size());
        assertThat(body.path("catalog").path("name").asText()).isEqualTo("default");
    }

    @Test
    void filters_combine_kind_every_tag_and_text() {
        var body = json(service.get("/api/v1/catalogs/default/products?kind=drink&tag=caffeine-free&tag=gluten-free&q=GATORADE"));

        var expected = TestService.CATALOGS.find("default").products().stream()
                .filter(product -> product.kind().jsonName().equals("drink"))
                .filter(product -> product.hasTag("caffeine-free") && product.hasTag("gluten-free"))
                .filter(product -> (product.id() + product.name() + product.brand()).toLowerCase().contains("gatorade"))
                .map(product -> product.id()).toList();
        assertThat(expected).isNotEmpty();
        assertThat(ids(body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kind=candy | kind",
        "tag=Not%20A%20Tag | tag",
        "kind=drink&kind=gel | kind",
        "colour=red | colour",
        "q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | q"})
    void a_bad_filter_is_a_400_naming_the_parameter(String query, String parameter) {
        var response = service.get("/api/v1/catalogs/default/products?" + query);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_request");
        assertThat(json(response).path("details").get(0).path("field").asText()).isEqualTo(parameter);
    }

    @Test
    void one_product_reads_as_the_catalog_file_holds_it_every_quantity_an_amount() {
        var product = TestService.CATALOGS.find("default").products().get(0);

        var response = service.get("/api/v1/catalogs/default/products/" + product.id());

        assertThat(response.statusCode()).isEqualTo(200);
        var body = json(response);
        var file = ProductJson.write(product);
        assertThat(body.path("serving")).isEqualTo(amount(product.serving().value(), product.serving().dimension().canonicalUnit()));
        product.nutrients().forEach((nutrient, value) -> assertThat(body.path("nutrients").path(nutrient.jsonName()))
                .isEqualTo(value == null ? NullNode.getInstance() : amount(value, nutrient.canonicalUnit())));
        ((ObjectNode) body).remove(List.of("serving", "nutrients"));
        file.remove(List.of("serving", "nutrients"));
        assertThat(body).isEqualTo(file);
    }

    @Test
    void a_product_read_from_the_api_reads_back_as_the_same_product() {
        var product = TestService.CATALOGS.find("default").products().get(0);
        var answered = json(service.get("/api/v1/catalogs/default/products/" + product.id()));

        var findings = nutriplan.catalog.json.Findings.create();
        var read = ProductJson.read(answered, findings);

        assertThat(findings.errorCount()).isZero();
        assertThat(read).isEqualTo(product);
    }

    private static ObjectNode amount(double value, String unit) {
        return JsonNodeFactory.instance.objectNode().put("amount", value).put("unit", unit);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/catalogs/trial/products | catalog",
        "/api/v1/catalogs/trial/products/gatorade-thirst-quencher-20oz | catalog",
        "/api/v1/catalogs/default/products/no-such-product | id",
        "/api/v1/catalogs/default/products/%3Cscript%3E | id"})
    void an_unknown_catalog_or_product_is_a_404_naming_it(String path, String field) {
        var response = service.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).isEqualTo("not_found");
        assertThat(json(response).path("details").get(0).path("field").asText()).isEqualTo(field);
    }
}

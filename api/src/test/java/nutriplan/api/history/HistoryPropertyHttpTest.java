package nutriplan.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.service.TestService;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;

/**
 * 200 random edits through the API (puts, deletes, imports, reverts), the export saved after each; then for every
 * version V the as-of export is the one saved at V, and the diff of V and W applied to V gives W.
 */
class HistoryPropertyHttpTest {

    @RegisterExtension
    static final TestService SERVICE = TestService.start();

    @Test
    void every_version_reads_as_it_was_and_every_diff_leads_from_one_to_the_other() {
        assertThat(SERVICE.postJson("/api/v1/catalogs", "{\"name\": \"prop\", \"from\": \"default\"}").statusCode()).isEqualTo(201);
        var saved = new LinkedHashMap<Long, String>();
        saved.put(1L, export("prop", null));
        var random = new Random(2029);
        int reverts = 0;
        while (saved.size() < 201) {
            var products = TestService.json(SERVICE.get("/api/v1/catalogs/prop/products")).get("products");
            var pick = products.get(random.nextInt(products.size()));
            int kind = random.nextInt(10);
            int status;
            if (kind < 5) {
                status = send("PUT", "/api/v1/catalogs/prop/products/" + pick.get("id").asText(), changed(pick, random).toString());
            } else if (kind < 7 && products.size() > 10) {
                status = send("DELETE", "/api/v1/catalogs/prop/products/" + pick.get("id").asText(), null);
            } else if (kind < 9) {
                var copy = changed(pick, random).put("id", "copy-" + random.nextInt(100_000));
                status = send("POST", "/api/v1/catalogs/prop/products:import", "[" + copy + ", " + changed(pick, random) + "]");
            } else {
                long to = 1 + random.nextInt(saved.size());
                status = send("POST", "/api/v1/catalogs/prop:revert", "{\"to\": " + to + ", \"message\": \"property\"}");
                if (status == 409) {
                    continue; // that version's content is the current one: nothing to revert
                }
                reverts++;
            }
            assertThat(status).isEqualTo(200);
            saved.put((long) saved.size() + 1, export("prop", null));
        }
        assertThat(reverts).isGreaterThan(5);

        saved.forEach((version, export) -> assertThat(export("prop", version)).as("version %d", version).isEqualTo(export));
        for (int pair = 0; pair < 40; pair++) {
            long from = 1 + random.nextInt(200);
            long to = 1 + random.nextInt(200);
            var diff = TestService.json(SERVICE.get("/api/v1/catalogs/prop/diff?from=" + from + "&to=" + to));
            assertThat(applied(saved.get(from), diff)).as("diff %d → %d", from, to).isEqualTo(products(saved.get(to)));
        }
    }

    /** A product with its sodium and most servings changed, as the API reads it back. */
    private static ObjectNode changed(JsonNode product, Random random) {
        var copy = product.deepCopy();
        var json = (ObjectNode) copy;
        json.with("nutrients").put("sodium", random.nextInt(900) + " mg");
        json.put("maxServings", 1 + random.nextInt(9));
        return json;
    }

    private static Map<String, Product> applied(String export, JsonNode diff) {
        var products = products(export);
        for (var change : diff.get("changes")) {
            var id = change.get("id").asText();
            if (change.get("change").asText().equals("removed")) {
                products.remove(id);
            } else {
                products.put(id, ProductJson.read(change.get("product"), Findings.create()));
            }
        }
        return products;
    }

    private static Map<String, Product> products(String export) {
        var catalog = CatalogFiles.parse(export.getBytes(StandardCharsets.UTF_8), "prop").catalog();
        var byId = new LinkedHashMap<String, Product>();
        catalog.products().forEach(product -> byId.put(product.id(), product));
        return new java.util.TreeMap<>(byId);
    }

    private static String export(String catalog, Long version) {
        var answer = SERVICE.get("/api/v1/catalogs/" + catalog + "/export" + (version == null ? "" : "?version=" + version));
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static int send(String method, String path, String body) {
        var request = SERVICE.request(path);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return SERVICE.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
    }
}

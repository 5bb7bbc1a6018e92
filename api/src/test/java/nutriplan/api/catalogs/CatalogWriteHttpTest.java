package nutriplan.api.catalogs;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nutriplan.api.service.TestService;
import nutriplan.catalog.CatalogFiles;

/** Catalog changes over real HTTP, against the embedded store: versions, ETag and If-Match, all-or-nothing imports. */
class CatalogWriteHttpTest {

    @RegisterExtension
    static final TestService SERVICE = TestService.start();

    private static final AtomicInteger NAMES = new AtomicInteger();

    private static final String GEL = """
            {"id": "test-gel", "name": "Test gel", "kind": "gel", "serving": "40 g",
             "nutrients": {"energy": "100 kcal", "carbohydrate": "25 g", "sodium": "50 mg", "caffeine": "300 mg"},
             "tags": ["caffeine"], "source": "label: test"}""";

    /** A fresh copy of the default catalog per test, so tests do not see each other's changes. */
    private static String copyOfDefault() {
        var name = "trial-" + NAMES.incrementAndGet();
        var created = SERVICE.postJson("/api/v1/catalogs", "{\"name\": \"" + name + "\", \"from\": \"default\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/catalogs/" + name + "/products");
        assertThat(json(created).at("/catalog/products").asInt()).isEqualTo(58);
        return name;
    }

    private static HttpResponse<String> put(String catalog, String id, String body, String ifMatch) {
        var request = SERVICE.request("/api/v1/catalogs/" + catalog + "/products/" + id)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return SERVICE.send(request.build());
    }

    private static HttpResponse<String> delete(String catalog, String id) {
        return SERVICE.send(SERVICE.request("/api/v1/catalogs/" + catalog + "/products/" + id).DELETE().build());
    }

    private static long version(String catalog) {
        var response = SERVICE.get("/api/v1/catalogs/" + catalog + "/products");
        var etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + json(response).at("/catalog/version").asLong() + "\"");
        return json(response).at("/catalog/version").asLong();
    }

    private static String plan(String catalog) {
        return "{\"targets\": {\"carbohydrate\": {\"min\": \"25 g\"}, \"caffeine\": {\"min\": \"300 mg\"}}, \"catalog\": \""
                + catalog + "\", \"objective\": \"servings\"}";
    }

    @Test
    void a_put_adds_a_product_bumps_the_version_and_the_next_plan_uses_it() {
        var catalog = copyOfDefault();
        var before = json(SERVICE.postJson("/api/v1/plans", plan(catalog)));

        var response = put(catalog, "test-gel", GEL, "\"1\"");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(json(response).at("/catalog/version").asLong()).isEqualTo(2);
        var product = SERVICE.get("/api/v1/catalogs/" + catalog + "/products/test-gel");
        assertThat(product.statusCode()).isEqualTo(200);
        assertThat(product.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(json(product).at("/nutrients/caffeine").toString()).isEqualTo("{\"amount\":300.0,\"unit\":\"mg\"}");
        var after = json(SERVICE.postJson("/api/v1/plans", plan(catalog)));
        assertThat(before.at("/catalog/version").asLong()).isEqualTo(1);
        assertThat(after.at("/catalog/version").asLong()).isEqualTo(2);
        assertThat(after.at("/items/0/product").asText()).isEqualTo("test-gel"); // the only product covering both mins in one serving
    }

    @Test
    void a_stale_if_match_is_a_409_and_changes_nothing() {
        var catalog = copyOfDefault();
        assertThat(put(catalog, "test-gel", GEL, null).statusCode()).isEqualTo(200);

        var stale = put(catalog, "test-gel", GEL.replace("Test gel", "Renamed"), "\"1\"");

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).at("/error").asText()).isEqualTo("conflict");
        assertThat(json(stale).at("/message").asText()).contains("at version 2, not 1");
        assertThat(version(catalog)).isEqualTo(2);
        assertThat(json(SERVICE.get("/api/v1/catalogs/" + catalog + "/products/test-gel")).at("/name").asText())
                .isEqualTo("Test gel");
    }

    @Test
    void a_malformed_if_match_or_a_body_for_another_id_is_a_400() {
        var catalog = copyOfDefault();

        var badHeader = put(catalog, "test-gel", GEL, "version-one");
        var otherId = put(catalog, "other-gel", GEL, null);

        assertThat(badHeader.statusCode()).isEqualTo(400);
        assertThat(json(badHeader).at("/details/0/field").asText()).isEqualTo("If-Match");
        assertThat(otherId.statusCode()).isEqualTo(400);
        assertThat(json(otherId).at("/details/0/field").asText()).isEqualTo("id");
        assertThat(version(catalog)).isEqualTo(1);
    }

    @Test
    void a_product_with_faults_is_a_400_naming_every_field_and_nothing_changes() {
        var catalog = copyOfDefault();
        var bad = GEL.replace("\"25 g\"", "\"25 kg of sugar\"").replace("\"kind\": \"gel\"", "\"kind\": \"candy\"");

        var response = put(catalog, "test-gel", bad, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/details").findValuesAsText("field"))
                .containsExactlyInAnyOrder("kind", "nutrients.carbohydrate");
        assertThat(version(catalog)).isEqualTo(1);
    }

    @Test
    void an_import_with_one_bad_product_imports_nothing_and_lists_every_fault() {
        var catalog = copyOfDefault();
        var body = "[" + GEL + ", " + GEL.replace("test-gel", "second-gel").replace("\"40 g\"", "\"3 kg\"")
                .replace("\"50 mg\"", "\"5 L\"") + ", " + GEL + "]";

        var response = SERVICE.postJson("/api/v1/catalogs/" + catalog + "/products:import", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).at("/details").findValuesAsText("field"))
                .containsExactlyInAnyOrder("[1].nutrients.sodium", "[2].id");
        assertThat(version(catalog)).isEqualTo(1);
        assertThat(SERVICE.get("/api/v1/catalogs/" + catalog + "/products/test-gel").statusCode()).isEqualTo(404);
    }

    @Test
    void an_import_is_one_new_version_and_a_delete_another() {
        var catalog = copyOfDefault();
        var body = "[" + GEL + ", " + GEL.replace("test-gel", "second-gel") + "]";

        var imported = SERVICE.postJson("/api/v1/catalogs/" + catalog + "/products:import", body);
        var deleted = delete(catalog, "second-gel");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported).at("/catalog/version").asLong()).isEqualTo(2);
        assertThat(json(imported).at("/catalog/products").asInt()).isEqualTo(60);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).at("/catalog/version").asLong()).isEqualTo(3);
        assertThat(SERVICE.get("/api/v1/catalogs/" + catalog + "/products/second-gel").statusCode()).isEqualTo(404);
        assertThat(delete(catalog, "second-gel").statusCode()).isEqualTo(404);
        assertThat(version(catalog)).isEqualTo(3);
    }

    @Test
    void an_export_passes_check_catalog_and_importing_it_gives_the_same_catalog() throws Exception {
        var catalog = copyOfDefault();
        put(catalog, "test-gel", GEL, null);

        var export = SERVICE.get("/api/v1/catalogs/" + catalog + "/export");
        var checked = CatalogFiles.parse(export.body().getBytes(StandardCharsets.UTF_8), "export.json");
        var empty = "empty-" + NAMES.incrementAndGet();
        SERVICE.postJson("/api/v1/catalogs", "{\"name\": \"" + empty + "\"}");
        var products = Json.products(export.body());
        var imported = SERVICE.postJson("/api/v1/catalogs/" + empty + "/products:import", products);
        var again = SERVICE.get("/api/v1/catalogs/" + empty + "/export");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(checked.isValid()).as("%s", checked.findings()).isTrue();
        assertThat(checked.catalog().products()).hasSize(59);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(export.body().replace("\"name\": \"" + catalog + "\"", "\"name\": \"" + empty + "\""));
        // The same file, through check-catalog's own reader, from disk.
        var file = Files.createTempFile("export", ".json");
        Files.writeString(file, export.body());
        assertThat(CatalogFiles.read(file).isValid()).isTrue();
        Files.delete(file);
    }

    @Test
    void creating_needs_a_free_valid_name_and_an_existing_source() {
        var taken = SERVICE.postJson("/api/v1/catalogs", "{\"name\": \"default\"}");
        var badName = SERVICE.postJson("/api/v1/catalogs", "{\"name\": \"Trial run\", \"size\": 3}");
        var noSource = SERVICE.postJson("/api/v1/catalogs", "{\"name\": \"from-nowhere\", \"from\": \"nowhere\"}");

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(json(badName).at("/details").findValuesAsText("field")).containsExactlyInAnyOrder("name", "size");
        assertThat(noSource.statusCode()).isEqualTo(400);
        assertThat(json(noSource).at("/details/0/field").asText()).isEqualTo("from");
        assertThat(SERVICE.get("/api/v1/catalogs/from-nowhere/products").statusCode()).isEqualTo(404);
    }

    /** The products array of a catalog file, as text. */
    private static final class Json {
        static String products(String catalogFile) throws Exception {
            return nutriplan.catalog.json.Json.MAPPER.readTree(catalogFile).get("products").toString();
        }
    }
}

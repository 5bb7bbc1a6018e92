package nutriplan.api.catalogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.access.Caller;
import nutriplan.api.access.Role;
import nutriplan.api.service.StoreSettings;
import nutriplan.api.service.TestService;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;
import nutriplan.store.CatalogStore;

/**
 * Every catalog change is handed its author, and logged as one line naming the catalog, the version it made, what
 * changed and who changed it, with the request id (issue 28; issue 29 records the author in the catalog's history).
 */
class CatalogChangesTest {

    private static final Author EDITOR = new Author(new Caller("key:np1a2b3c4d5e", "ci", Role.EDITOR, Caller.Via.KEY, Set.of()),
            "c0ffee-42", "a new label");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private CatalogStore store;
    private CatalogSnapshots snapshots;
    private CatalogService catalogs;

    @BeforeEach
    void open() throws IOException {
        store = StoreSettings.embedded(Files.createTempDirectory("nutriplan-changes")).open();
        store.seedIfEmpty(TestService.CATALOGS.all(), nutriplan.store.Change.by("seed"));
        snapshots = CatalogSnapshots.load(store, 60_000);
        catalogs = new CatalogService(store, snapshots, lines::add);
    }

    @AfterEach
    void close() {
        snapshots.close();
        store.close();
    }

    @Test
    void each_change_is_one_line_naming_catalog_version_change_product_author_and_request() {
        var created = catalogs.create(EDITOR, bytes("{\"name\": \"trial\", \"from\": \"default\"}"));
        var product = catalogs.catalog("trial").products().get(0);
        var put = catalogs.put(EDITOR, "trial", product.id(), bytes(CatalogJson.product(product).toString()), OptionalLong.empty());
        var deleted = catalogs.delete(new Author(Caller.ANONYMOUS_PLANNER, null, null), "trial", product.id(), OptionalLong.empty());
        var imported = catalogs.importProducts(EDITOR, "trial", bytes("[" + CatalogJson.product(product) + "]"), OptionalLong.empty());

        assertThat(lines).hasSize(4);
        assertThat(json(0).toString()).isEqualTo("{\"catalog\":\"trial\",\"version\":" + created.version() + ",\"change\":\"create\","
                + "\"from\":\"default\",\"products\":" + created.products().size() + ",\"author\":\"key:np1a2b3c4d5e\",\"requestId\":\"c0ffee-42\"}");
        assertThat(json(1).toString()).isEqualTo("{\"catalog\":\"trial\",\"version\":" + put.version() + ",\"change\":\"put\","
                + "\"product\":\"" + product.id() + "\",\"author\":\"key:np1a2b3c4d5e\",\"requestId\":\"c0ffee-42\"}");
        assertThat(json(2).path("change").asText()).isEqualTo("delete");
        assertThat(json(2).path("version").asLong()).isEqualTo(deleted.version());
        assertThat(json(2).path("author").asText()).isEqualTo("anonymous");
        assertThat(json(2).path("requestId").asText()).isEqualTo("-");
        assertThat(json(3).path("change").asText()).isEqualTo("import");
        assertThat(json(3).path("products").asInt()).isEqualTo(1);
        assertThat(json(3).path("version").asLong()).isEqualTo(imported.version());
    }

    @Test
    void a_change_refused_before_the_store_logs_nothing() {
        assertThatThrownBy(() -> catalogs.put(EDITOR, "default", "my-gel", bytes("[]"), OptionalLong.empty()))
                .isInstanceOf(InvalidInputException.class);

        assertThat(lines).isEmpty();
    }

    private JsonNode json(int index) {
        try {
            return Json.MAPPER.readTree(lines.get(index));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + lines.get(index), e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package nutriplan.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.catalog.json.Json;

/**
 * docs/API.md, the contract people read, and the OpenAPI document the service serves say the same: the same
 * routes, and the same error codes with the same statuses. Either one drifting from the other fails here.
 */
class ApiDocTest {

    private static final Path API_MD = Path.of("..", "docs", "API.md");
    /** A row of the endpoints table: | `GET /api/v1/catalogs` | ... */
    private static final Pattern ROUTE_ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE|PATCH) (/[^`\\s?]*)` \\|", Pattern.MULTILINE);
    /** A row of the error table: | 400 | `invalid_request` | ... */
    private static final Pattern ERROR_ROW = Pattern.compile("^\\| (\\d{3}) \\| `([a-z_]+)` \\|", Pattern.MULTILINE);
    /** How the Error schema lists the codes: "invalid_request (400), not_found (404), ..." */
    private static final Pattern CODE_AND_STATUS = Pattern.compile("([a-z_]+) \\((\\d{3})\\)");

    private final String contract = read(API_MD);
    private final JsonNode document = parse(OpenApiDocument.load());

    @Test
    void the_contract_lists_every_route_of_the_openapi_document_and_no_other() {
        var documented = new TreeSet<String>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(matches(ROUTE_ROW, contract, "%1$s %2$s")).isNotEmpty().isEqualTo(documented);
    }

    @Test
    void the_contract_lists_every_error_code_of_the_openapi_document_with_its_status_and_no_other() {
        var codes = document.path("components").path("schemas").path("Error").path("properties").path("error")
                .path("description").asText();

        assertThat(matches(ERROR_ROW, contract, "%1$s %2$s")).isNotEmpty()
                .isEqualTo(matches(CODE_AND_STATUS, codes, "%2$s %1$s"));
    }

    @Test
    void every_error_status_a_route_documents_is_in_the_contracts_error_table() {
        var statuses = new TreeSet<String>();
        document.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").fieldNames()
                .forEachRemaining(status -> {
                    if (status.compareTo("400") >= 0) {
                        statuses.add(status);
                    }
                })));
        var table = new TreeSet<String>();
        ERROR_ROW.matcher(contract).results().forEach(match -> table.add(match.group(1)));

        assertThat(table).containsAll(statuses);
    }

    /** Every match of the pattern, written with the format (whose arguments are the groups). */
    private static Set<String> matches(Pattern pattern, String text, String format) {
        var found = new TreeSet<String>();
        pattern.matcher(text).results().forEach(match -> found.add(String.format(Locale.ROOT, format, match.group(1), match.group(2))));
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file.toAbsolutePath().normalize(), e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
    }
}

package nutriplan.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.catalog.json.Finding;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;
import nutriplan.catalog.json.Severity;

/** One test per row of API.md's error table, and per HTTP-level error beside it (405, 415, 500). */
class ErrorJsonTest {

    private static JsonNode json(String text) throws JsonProcessingException {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void invalid_input_is_a_400_with_one_detail_per_fault() throws JsonProcessingException {
        var invalid = new InvalidInputException("the plan request has 2 faults", List.of(
                new Finding("", null, "targets.sodium.min", Severity.ERROR, "\"3 L\" is a volume; sodium needs a mass"),
                new Finding("products[3]", "gel", "nutrients.fluid", Severity.ERROR, "must be a quantity")));

        var response = ErrorJson.of(invalid);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(json("""
                {"error": "invalid_request",
                 "message": "2 faults in the request: targets.sodium.min, products[3].nutrients.fluid",
                 "details": [{"field": "targets.sodium.min", "message": "\\"3 L\\" is a volume; sodium needs a mass"},
                             {"field": "products[3].nutrients.fluid", "message": "must be a quantity"}]}"""));
    }

    @Test
    void a_fault_of_the_body_as_a_whole_has_a_null_field_and_is_the_message() throws JsonProcessingException {
        var response = ErrorJson.of(InvalidInputException.of("", "the body is not valid UTF-8"));

        assertThat(response.body()).isEqualTo(json("""
                {"error": "invalid_request", "message": "the body is not valid UTF-8",
                 "details": [{"field": null, "message": "the body is not valid UTF-8"}]}"""));
    }

    @Test
    void warnings_are_not_faults() {
        var invalid = new InvalidInputException("1 fault", List.of(
                new Finding("products[0]", "gel", "nutrients.energy", Severity.WARNING, "energy is far from 4C+4P+9F"),
                new Finding("", null, "alternatives", Severity.ERROR, "must be from 0 to 5, got 6")));

        assertThat(ErrorJson.of(invalid).body().get("details")).hasSize(1);
    }

    @Test
    void not_found_is_a_404_naming_the_field() throws JsonProcessingException {
        var response = ErrorJson.of(new NotFoundException("catalog", "no catalog named \"trial\""));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(json("""
                {"error": "not_found", "message": "no catalog named \\"trial\\"",
                 "details": [{"field": "catalog", "message": "no catalog named \\"trial\\""}]}"""));
    }

    @Test
    void too_large_is_a_413() {
        var response = ErrorJson.of(new TooLargeException("products", "the inline catalog holds 5001 products; at most 5000 are accepted"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().get("error").asText()).isEqualTo("too_large");
    }

    @Test
    void busy_is_a_503_with_retry_after() {
        var response = ErrorJson.of(new BusyException("the service is busy", 2));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body().get("error").asText()).isEqualTo("busy");
        assertThat(response.headers()).containsExactly(Map.entry("Retry-After", "2"));
    }

    @Test
    void a_wrong_method_is_a_405_with_allow() {
        var response = ErrorJson.of(new MethodNotAllowedException("GET is not allowed", List.of("POST", "PUT")));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.body().get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(response.headers()).containsExactly(Map.entry("Allow", "POST, PUT"));
    }

    @Test
    void a_body_that_is_not_json_is_a_415() {
        var response = ErrorJson.of(new UnsupportedMediaTypeException("the body must be JSON"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.body().get("error").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void anything_else_is_a_500_that_tells_nothing_of_the_internals() {
        var response = ErrorJson.of(new IllegalStateException("index 7 out of bounds in ChocoModel"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().toString()).doesNotContain("ChocoModel", "IllegalState").contains("internal_error");
    }
}

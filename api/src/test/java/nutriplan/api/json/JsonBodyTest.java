package nutriplan.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nutriplan.catalog.json.Finding;
import nutriplan.catalog.json.InvalidInputException;

class JsonBodyTest {

    private static String faultOf(String body) {
        var thrown = catchThrowableOfType(InvalidInputException.class, () -> JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(thrown).as("an InvalidInputException").isNotNull();
        assertThat(thrown.errors()).extracting(Finding::path).containsExactly("");
        return thrown.errors().get(0).message();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a": 1} {}            | the body is not valid JSON: more content after the end of the JSON value at line 1, column 10
            {"a": NaN}             | the body is not valid JSON: Non-standard token 'NaN': not allowed in JSON at line 1, column 10
            {"a": 1, "a": 2}       | the body is not valid JSON: Duplicate field 'a' at line 1, column 13
            `{"a": {"b": "secret"` | the body is not valid JSON: Unexpected end-of-input: expected close marker for Object (opened at line 1, column 7) at line 1, column 21
            """)
    void a_malformed_body_is_described_without_jackson_internals_or_an_echo_of_the_body(String body, String message) {
        assertThat(faultOf(body)).isEqualTo(message).doesNotContain("secret", "Source", "`", "com.fasterxml");
    }
}

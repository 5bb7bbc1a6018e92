package nutriplan.api.service;

import static nutriplan.api.service.RawHttp.head;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link HttpFuzzTest} found, each as a plain test over a real socket (its input is also kept with the fuzz
 * test's inputs, named after the finding).
 */
class FuzzFindingsHttpTest {

    @RegisterExtension
    static final TestService service = TestService.start();

    /** {@code crash-delete-with-a-bad-path-had-an-empty-400}: Jetty wrote error bodies for GET, POST and HEAD only. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DELETE", "PUT", "PATCH", "OPTIONS", "GET", "POST"})
    void a_path_that_is_not_valid_utf_8_is_a_json_400_whatever_the_method(String method) throws IOException {
        var line = (method + " /api/v1/catalogs\u00d1\u009b\u009a/products HTTP/1.1");
        var request = head(line, "Host: 127.0.0.1", "Connection: close", "Content-Length: 0");

        var response = RawHttp.writeAllThenRead(service.app().port(), request, Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.text()).contains("\"error\":\"invalid_request\"");
        assertThat(line.getBytes(StandardCharsets.ISO_8859_1)).hasSize(line.length());
    }

    /**
     * {@code crash-a-charset-without-a-value-failed-javalins-query-parameters}: Javalin's reading of the charset, for
     * any query parameter, failed on a {@code charset} parameter without "=": a 500.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST /api/v1/plans", "GET /api/v1/catalogs/default/products?kind=gel"})
    void a_charset_without_a_value_is_a_json_400_naming_the_content_type(String target) throws IOException {
        var request = head(target + " HTTP/1.1", "Host: 127.0.0.1", "Connection: close",
                "Content-Type: application/json; charset\u00cdutf-8", "Content-Length: 0");

        var response = RawHttp.writeAllThenRead(service.app().port(), request, Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("\"field\":\"Content-Type\"");
    }

    /** Other charsets Javalin cannot read, with a query to make it read them: never a 500. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"charset=", "charset=no-such-charset", "charset=\"", "charset==", "charset=utf-8=x"})
    void a_charset_javalin_cannot_read_is_never_a_500(String charset) throws IOException {
        var request = head("GET /api/v1/catalogs/default/products?kind=gel HTTP/1.1", "Host: 127.0.0.1",
                "Connection: close", "Content-Type: application/json; " + charset, "Content-Length: 0");

        var response = RawHttp.writeAllThenRead(service.app().port(), request, Duration.ofSeconds(10));

        assertThat(response.status()).isBetween(200, 499);
    }
}

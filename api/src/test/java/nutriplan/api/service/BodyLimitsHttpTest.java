package nutriplan.api.service;

import static nutriplan.api.service.RawHttp.concat;
import static nutriplan.api.service.RawHttp.head;
import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.plans.PlanRoutes;
import nutriplan.catalog.json.Json;

/**
 * Bodies over the limit, as clients that write their whole body before reading the answer send them, and bodies
 * compressed with {@code Content-Encoding}, over real HTTP.
 */
class BodyLimitsHttpTest {

    private static final String PLAN = "{\"targets\": {\"sodium\": {\"min\": \"500 mg\", \"max\": \"1000 mg\"}}}";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final TestService service = TestService.start();

    /** A plan request of about {@code size} bytes: a description of that length. */
    private static byte[] planOf(int size) {
        return ("{\"description\": \"" + "x".repeat(size) + "\", \"targets\": {\"sodium\": {\"min\": \"500 mg\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An inline catalog of this many products: 200,000 make about 40 MB. */
    private static byte[] inlineCatalogOf(int products) {
        var body = new StringBuilder(products * 200).append("{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}}, \"products\": [");
        for (int i = 0; i < products; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\": \"gel-").append(i).append("\", \"name\": \"Gel ").append(i)
                    .append("\", \"kind\": \"gel\", \"serving\": \"40 g\", \"nutrients\": {\"energy\": \"100 kcal\", \"carbohydrate\": \"25 g\"}}");
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static RawHttp.Response postWritingAllFirst(byte[] body, String... extraHeaders) throws IOException {
        var headers = new java.util.ArrayList<>(List.of("Host: 127.0.0.1", "Content-Type: application/json",
                "Content-Length: " + body.length, "Connection: close"));
        headers.addAll(List.of(extraHeaders));
        return RawHttp.writeAllThenRead(service.app().port(),
                concat(head("POST " + PlanRoutes.PLANS + " HTTP/1.1", headers.toArray(String[]::new)), body), TIMEOUT);
    }

    private static void assertTooLarge(int status, String body) {
        assertThat(status).as(body).isEqualTo(413);
        assertThat(parse(body).path("error").asText()).isEqualTo("too_large");
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Nested
    class A_client_that_writes_its_whole_body_before_reading {

        @Test
        void gets_the_413_for_a_12_MiB_body_not_a_reset() throws IOException {
            var response = postWritingAllFirst(planOf(12 * 1024 * 1024));

            assertTooLarge(response.status(), response.text());
            assertThat(response.text()).contains("larger than the limit of 2097152 bytes");
        }

        @Test
        void gets_the_413_for_a_200_000_product_inline_catalog() throws IOException {
            var response = postWritingAllFirst(inlineCatalogOf(200_000));

            assertTooLarge(response.status(), response.text());
        }

        @Test
        void gets_the_413_for_a_chunked_body_over_the_limit() throws IOException {
            var request = concat(head("POST " + PlanRoutes.PLANS + " HTTP/1.1", "Host: 127.0.0.1",
                    "Content-Type: application/json", "Transfer-Encoding: chunked", "Connection: close"),
                    RawHttp.chunked(planOf(6 * 1024 * 1024), 16 * 1024));

            var response = RawHttp.writeAllThenRead(service.app().port(), request, TIMEOUT);

            assertTooLarge(response.status(), response.text());
        }

        @Test
        void gets_the_415_for_a_large_body_of_another_type() throws IOException {
            var body = planOf(1_500_000);
            var request = concat(head("POST " + PlanRoutes.PLANS + " HTTP/1.1", "Host: 127.0.0.1", "Content-Type: text/plain",
                    "Content-Length: " + body.length, "Connection: close"), body);

            var response = RawHttp.writeAllThenRead(service.app().port(), request, TIMEOUT);

            assertThat(response.status()).isEqualTo(415);
        }

        @Test
        void can_go_on_using_the_connection_after_the_413() throws IOException {
            var body = planOf(3 * 1024 * 1024);
            var twoRequests = concat(concat(head("POST " + PlanRoutes.PLANS + " HTTP/1.1", "Host: 127.0.0.1",
                    "Content-Type: application/json", "Content-Length: " + body.length), body),
                    head("GET /health HTTP/1.1", "Host: 127.0.0.1", "Connection: close"));

            try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), service.app().port())) {
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                socket.getOutputStream().write(twoRequests);
                var in = new java.io.BufferedInputStream(socket.getInputStream());
                var first = RawHttp.read(in);
                var second = RawHttp.read(in);

                assertTooLarge(first.status(), first.text());
                assertThat(second.status()).isEqualTo(200);
                assertThat(second.text()).isEqualTo("{\"status\":\"ok\"}");
            }
        }

        @Test
        void that_asks_100_continue_is_refused_before_it_sends_the_body() {
            var response = service.send(service.request(PlanRoutes.PLANS).expectContinue(true)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(planOf(12 * 1024 * 1024))).build());

            assertTooLarge(response.statusCode(), response.body());
        }

        @Test
        void in_python_gets_the_413_with_urllib_http_client_and_requests(@TempDir Path directory) throws Exception {
            assumeThat(python3()).as("python3 on the PATH").isTrue();
            var script = directory.resolve("post.py");
            Files.writeString(script, PYTHON);

            var process = new ProcessBuilder("python3", script.toString(), Integer.toString(service.app().port()))
                    .redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(output).as(output).contains("urllib 12MiB 413 too_large", "http.client 12MiB 413 too_large",
                    "urllib 200000-products 413 too_large");
            if (!output.contains("requests missing")) {
                assertThat(output).as(output).contains("requests 12MiB 413 too_large");
            }
        }
    }

    /** urllib, http.client and (when installed) requests post a 12 MiB body and a 200,000-product inline catalog. */
    private static final String PYTHON = """
            import http.client, json, sys, urllib.error, urllib.request
            port = int(sys.argv[1])
            url = "http://127.0.0.1:%d/api/v1/plans" % port
            bodies = {"12MiB": b'{"description": "' + b"x" * (12 * 1024 * 1024) + b'"}',
                      "200000-products": b'{"targets": {}, "products": [' + b",".join(
                          b'{"id": "gel-%d", "name": "Gel", "kind": "gel", "serving": "40 g", "nutrients": {"carbohydrate": "25 g"}}' % i
                          for i in range(200000)) + b"]}"}
            def report(client, name, status, body):
                print(client, name, status, json.loads(body)["error"], flush=True)
            for name, body in bodies.items():
                try:
                    urllib.request.urlopen(urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}))
                except urllib.error.HTTPError as e:
                    report("urllib", name, e.code, e.read())
                except Exception as e:
                    print("urllib", name, "failed:", repr(e), flush=True)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request("POST", "/api/v1/plans", body=bodies["12MiB"], headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                report("http.client", "12MiB", response.status, response.read())
            except Exception as e:
                print("http.client 12MiB failed:", repr(e), flush=True)
            try:
                import requests
            except ImportError:
                print("requests missing", flush=True)
                sys.exit(0)
            try:
                response = requests.post(url, data=bodies["12MiB"], headers={"Content-Type": "application/json"}, timeout=30)
                report("requests", "12MiB", response.status_code, response.content)
            except Exception as e:
                print("requests 12MiB failed:", repr(e), flush=True)
            """;

    private static boolean python3() {
        try {
            var process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Nested
    class A_compressed_body {

        private HttpResponse<String> post(byte[] body, String encoding) {
            return service.send(service.request(PlanRoutes.PLANS).header("Content-Type", "application/json")
                    .header("Content-Encoding", encoding).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }

        @Test
        void in_gzip_is_decoded_and_planned_like_the_plain_one() {
            var plain = service.postJson(PlanRoutes.PLANS, PLAN);
            var gzipped = post(gzip(PLAN.getBytes(StandardCharsets.UTF_8)), "gzip");

            assertThat(gzipped.statusCode()).as(gzipped.body()).isEqualTo(200);
            assertThat(json(gzipped).path("items")).isEqualTo(json(plain).path("items"));
        }

        @Test
        void that_decompresses_beyond_the_body_limit_is_a_413_a_gzip_bomb_fills_no_heap() {
            var bomb = gzip(planOf(64 * 1024 * 1024)); // 64 MiB of JSON in about 64 KiB

            var response = post(bomb, "gzip");

            assertThat(bomb.length).isLessThan(200_000);
            assertTooLarge(response.statusCode(), response.body());
            assertThat(response.body()).contains("decompresses to more than the limit of 2097152 bytes");
        }

        @Test
        void that_is_not_valid_gzip_is_a_400_that_says_so() {
            var response = post(PLAN.getBytes(StandardCharsets.UTF_8), "gzip");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("error").asText()).isEqualTo("invalid_request");
            assertThat(json(response).path("message").asText()).contains("not valid gzip");
        }

        @Test
        void cut_short_is_a_400_too() {
            var whole = gzip(PLAN.getBytes(StandardCharsets.UTF_8));

            var response = post(java.util.Arrays.copyOf(whole, whole.length - 6), "gzip");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).path("message").asText()).contains("not valid gzip");
        }

        @Test
        void in_another_encoding_is_a_415_that_names_it() {
            var response = post(PLAN.getBytes(StandardCharsets.UTF_8), "br");

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(json(response).path("error").asText()).isEqualTo("unsupported_media_type");
            assertThat(json(response).path("message").asText()).contains("Content-Encoding \"br\" is not supported", "gzip");
        }

        @Test
        void marked_identity_is_the_plain_body() {
            var response = post(PLAN.getBytes(StandardCharsets.UTF_8), "identity");

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

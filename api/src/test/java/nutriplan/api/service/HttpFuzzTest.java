package nutriplan.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.extension.RegisterExtension;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nutriplan.catalog.json.Json;

/**
 * Coverage-guided fuzzing of the service end to end, over a real socket: each input is an HTTP request (request
 * line, headers, body; see the seeds in {@code HttpFuzzTestInputs/}) sent to a running service on the embedded
 * store, its whole body written before the answer is read. The test frames it (Host, Content-Length,
 * Connection: close) so that every input is one exchange; everything else is the fuzzer's: method, path, query,
 * headers, Content-Type, Content-Encoding, body.
 *
 * <p>Allowed: any answer that is not a 5xx but a 503 {@code busy} with {@code Retry-After}; every error JSON of
 * the error table, its code matching its status, never a stack trace; never a reset, never a hang. Requests carry
 * the admin's key unless the fuzzer sends an Authorization or Cookie header of its own.
 */
class HttpFuzzTest {

    @RegisterExtension
    static final TestService service = TestService.start();

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);
    /** Framing is the test's; an Upgrade would leave HTTP/1.1, an Expect other than 100-continue only asks for a 417. */
    private static final Set<String> FRAMING = Set.of("host", "content-length", "transfer-encoding", "connection",
            "upgrade", "http2-settings", "expect", "te", "keep-alive");
    private static final Map<Integer, Set<String>> CODES = Map.ofEntries(Map.entry(400, Set.of("invalid_request")),
            Map.entry(401, Set.of("unauthenticated")), Map.entry(403, Set.of("forbidden")), Map.entry(404, Set.of("not_found")),
            Map.entry(405, Set.of("method_not_allowed")), Map.entry(409, Set.of("conflict")), Map.entry(413, Set.of("too_large")),
            Map.entry(414, Set.of("too_large")), Map.entry(415, Set.of("unsupported_media_type")),
            Map.entry(422, Set.of("infeasible")), Map.entry(429, Set.of("rate_limited")), Map.entry(431, Set.of("too_large")),
            Map.entry(503, Set.of("busy")));

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"POST ", "PUT ", "GET ", "DELETE ", "HEAD ", "OPTIONS ", "/api/v1/plans", "/api/v1/catalogs",
            "/api/v1/catalogs/default/products", "/products:import", "/export", "?kind=gel", "&tag=", "&q=",
            "Content-Type: application/json", "; charset=utf-8", "Content-Encoding: gzip", "If-Match: \"1\"",
            "X-Request-Id: ", "\"targets\"", "\"min\"", "\"max\"", "\"products\"", "\"id\"", "\"kind\"", "\"serving\"",
            "\"nutrients\"", "\"carbohydrate\"", "\"sodium\"", "\"fluid\"", "\"60 g\"", "\"500 mL\"", "\"name\"", "\"from\"",
            "/api/v1/plans:batch", "/api/v1/targets:batch", "\"requests\"", "\"workouts\"", "Authorization: Bearer ",
            "Authorization: Basic ", "npk_", "Cookie: nutriplan_session=", "X-CSRF-Token: ", "/api/v1/keys", ":rotate",
            "/api/v1/users", "/api/v1/session", "/api/v1/security-events", "\"role\"", "\"password\""})
    void any_request_gets_an_answer_of_the_error_table_never_a_500_a_reset_or_a_hang(byte[] input) throws IOException {
        // Jazzer forbids connections once fuzzing starts (its SSRF detector); this test's are to the loopback only.
        BugDetectors.allowNetworkConnections((host, port) -> host.equals("localhost") || host.equals("127.0.0.1"));
        var request = Request.of(input);

        var response = RawHttp.writeAllThenRead(service.app().port(), request.bytes(), ANSWER_WITHIN, request.isHead(),
                request.from());

        int status = response.status();
        assertThat(status).as("status").isBetween(200, 599);
        assertThat(status >= 500 && status != 503).as("a %d: %s", status, response.text()).isFalse();
        assertThat(response.text()).doesNotContain("Exception", "\tat ", "nutriplan.");
        if (status >= 400 && !request.isHead()) {
            assertThat(response.header("Content-Type")).as("errors are JSON").startsWith("application/json");
            var error = Json.MAPPER.readTree(response.body());
            assertThat(error.path("message").asText()).isNotBlank();
            assertThat(error.path("details").isArray()).isTrue();
            assertThat(CODES.getOrDefault(status, Set.of("invalid_request"))).as("code of a %d", status)
                    .contains(error.path("error").asText());
        }
        if (status == 503) {
            assertThat(response.header("Retry-After")).isNotBlank();
        }
    }

    /** A fuzz input as one framed HTTP/1.1 request: "METHOD TARGET", header lines, a blank line, the body. */
    /**
     * @param from where it is sent from: a request with a credential of the fuzzer's own comes from an address of the
     *             loopback of its own (127.x.y.z, from its bytes), so that its failures do not rate-limit the rest
     */
    private record Request(String method, byte[] bytes, InetAddress from) {

        static Request of(byte[] input) {
            int split = indexOf(input, "\n\n".getBytes(StandardCharsets.ISO_8859_1));
            int bodyStart = split < 0 ? input.length : split + 2;
            var head = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.ISO_8859_1).replace("\r", "");
            var body = java.util.Arrays.copyOfRange(input, bodyStart, input.length);
            var lines = head.split("\n", -1);
            var requestLine = lines[0].split(" ", -1);
            var method = requestLine[0].isEmpty() ? "GET" : requestLine[0];
            var target = requestLine.length > 1 && !requestLine[1].isEmpty() ? requestLine[1] : "/";
            var out = new ByteArrayOutputStream();
            out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
                    + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            boolean credential = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                var name = colon < 0 ? lines[i] : lines[i].substring(0, colon);
                if (!lines[i].isEmpty() && !FRAMING.contains(name.strip().toLowerCase(Locale.ROOT))) {
                    out.writeBytes((lines[i] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    credential |= name.strip().equalsIgnoreCase("authorization") || name.strip().equalsIgnoreCase("cookie");
                }
            }
            if (!credential) {
                // The admin's key unless the fuzzer sends its own credential: the whole authorised surface is fuzzed.
                out.writeBytes(("Authorization: Bearer " + TestService.ADMIN_KEY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            var bytes = out.toByteArray();
            return new Request(method, bytes, credential ? ownLoopbackAddress(bytes) : InetAddress.getLoopbackAddress());
        }

        private static InetAddress ownLoopbackAddress(byte[] bytes) {
            int hash = java.util.Arrays.hashCode(bytes);
            try {
                return InetAddress.getByAddress(new byte[] {127, (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) (hash | 1)});
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean isHead() {
            return method.equals("HEAD");
        }

        private static int indexOf(byte[] bytes, byte[] part) {
            outer:
            for (int i = 0; i + part.length <= bytes.length; i++) {
                for (int j = 0; j < part.length; j++) {
                    if (bytes[i + j] != part[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}

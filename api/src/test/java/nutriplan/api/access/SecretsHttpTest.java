package nutriplan.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nutriplan.api.access.keys.ApiKey;
import nutriplan.api.service.TestService;

/**
 * No secret leaks: while keys are made, used, rotated and revoked, and while callers fail with good and bad
 * credentials, no log line, and no answer but the one that makes a key, holds a key, its secret or its digest.
 */
class SecretsHttpTest {

    private static final String PLAN = "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}}}";

    @Test
    void no_key_secret_or_digest_appears_in_any_log_line_or_answer() {
        var answers = new ArrayList<HttpResponse<String>>();
        var secrets = new ArrayList<String>(List.of(TestService.ADMIN_KEY));
        String log;
        try (var output = new CapturedOutput(); var service = TestService.start()) {
            var made = service.postJson("/api/v1/keys", "{\"name\": \"leak-check\", \"role\": \"editor\"}");
            var key = TestService.json(made).get("key").asText();
            secrets.add(key);
            var id = ApiKey.parse(key).orElseThrow().id();
            answers.add(send(service, service.as(key, "/api/v1/plans").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(PLAN))));
            var rotated = service.postJson("/api/v1/keys/" + id + ":rotate", "{\"grace\": \"1h\"}");
            var replacement = TestService.json(rotated).get("key").asText();
            secrets.add(replacement);
            answers.add(service.send(service.request("/api/v1/keys/" + ApiKey.parse(replacement).orElseThrow().id())
                    .DELETE().build()));
            var wrongSecret = key.substring(0, key.length() - 8) + "AAAAAAAA";
            for (var bad : List.of(replacement, wrongSecret, key + "x", "npk_" + id, "Basic " + key)) {
                secrets.add(bad);
                answers.add(send(service, service.as(bad, "/api/v1/catalogs").GET()));
            }
            answers.add(service.get("/api/v1/keys"));
            answers.add(service.get("/metrics"));
            log = output.text();
        }
        assertThat(log).contains("\"event\":\"key_created\"", "\"event\":\"key_rotated\"", "\"event\":\"key_revoked\"",
                "\"event\":\"authentication_failed\"");
        for (var secret : secrets) {
            var parsed = ApiKey.parse(secret);
            for (var text : forms(secret)) {
                assertThat(log).as("the log").doesNotContain(text);
                answers.forEach(answer -> assertThat(answer.body()).as(answer.uri().toString()).doesNotContain(text));
            }
            parsed.ifPresent(key -> {
                assertThat(log).doesNotContain(key.digest());
                answers.forEach(answer -> assertThat(answer.body()).doesNotContain(key.digest()));
            });
        }
    }

    /** The key and its secret part alone (after the id), so that a key cut or re-encoded is caught too. */
    private static List<String> forms(String secret) {
        var secretPart = secret.length() > 30 ? secret.substring(secret.length() - 30) : secret;
        return List.of(secret, secretPart);
    }

    private static HttpResponse<String> send(TestService service, HttpRequest.Builder request) {
        return service.send(request.build());
    }
}

package nutriplan.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nutriplan.api.access.keys.ApiKey;
import nutriplan.api.service.ChildService;
import nutriplan.api.service.TestService;
import nutriplan.catalog.json.Json;

/**
 * No secret leaks. A real service (a child JVM, logging at its production level: every access, catalog change and
 * security line) is taken through the first run's setup, users signing in with right and wrong passwords, sessions
 * used and ended, keys made, used, rotated and revoked, and callers failing with good and bad credentials. Then no
 * log line holds a key, a secret, a key's digest, a password, a session id or a setup token, and no answer does
 * either — but the one that hands out its own secret: the key in the answer that makes it, the session in its
 * cookie, the CSRF token on signing in. (The setup link is printed to the console by design, and used at once.)
 */
class SecretsHttpTest {

    private static final String PLAN = "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}}}";
    private static final Pattern SETUP_LINK = Pattern.compile("#setup=([A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "a very long admin password";
    private static final String WRONG_PASSWORD = "not the password at all";

    @TempDir
    Path data;

    private final List<String> secrets = new ArrayList<>(List.of(TestService.ADMIN_KEY, PASSWORD, WRONG_PASSWORD));
    /** Secrets some answers hold by design (the CSRF token, in the session's answers): the log never does. */
    private final List<String> logSecrets = new ArrayList<>();
    private final List<HttpResponse<String>> answers = new ArrayList<>();

    @Test
    void no_secret_appears_in_any_log_line_or_answer() throws Exception {
        var service = ChildService.start(data, Map.of(), List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"));
        String log;
        try {
            var setupToken = setUp(service);
            secrets.add(setupToken);
            var session = signIn(service, "admin", PASSWORD);
            answers.add(service.send(withSession(service.request("/api/v1/users"), session)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"ed\", \"role\": \"editor\", \"password\": \"" + PASSWORD + "\"}")).build()));
            answers.add(service.send(service.anonymous("/api/v1/session").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"ed\", \"password\": \"" + WRONG_PASSWORD + "\"}"))
                    .build()));
            // A password typed into the name field, as people do.
            var typedIntoName = "correcthorsebatterystaple";
            secrets.add(typedIntoName);
            answers.add(service.send(service.anonymous("/api/v1/session").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + typedIntoName + "\", \"password\": \""
                            + PASSWORD + "\"}")).build()));
            answers.add(service.send(withSession(service.anonymous("/api/v1/session"), session).GET().build()));
            useKeys(service);
            answers.add(service.send(withSession(service.anonymous("/api/v1/session"), session).DELETE().build()));
            answers.add(service.send(withSession(service.anonymous("/api/v1/users"), session).GET().build()));
            answers.add(service.get("/api/v1/keys"));
            answers.add(service.get("/api/v1/users"));
            answers.add(service.get("/api/v1/security-events?limit=500"));
            answers.add(service.get("/metrics"));
        } finally {
            service.stop();
            // The first run's setup link is printed by design (to the console, not the log), once; it was used above.
            log = service.output().lines().filter(line -> !line.startsWith("nutriplan: no users yet"))
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
        assertThat(log).contains("\"event\":\"key_created\"", "\"event\":\"key_rotated\"", "\"event\":\"key_revoked\"",
                "\"event\":\"authentication_failed\"", "\"event\":\"signed_in\"", "\"event\":\"sign_in_failed\"",
                "\"route\":\"/api/v1/plans\"");
        for (var secret : logSecrets) {
            assertThat(log).as("the log").doesNotContain(secret);
        }
        for (var secret : secrets) {
            for (var text : forms(secret)) {
                assertThat(log).as("the log").doesNotContain(text);
                answers.forEach(answer -> assertThat(answer.body() + answer.headers().map())
                        .as(answer.request().method() + " " + answer.uri()).doesNotContain(text));
            }
        }
    }

    private String setUp(ChildService service) throws Exception {
        var link = SETUP_LINK.matcher(service.output());
        assertThat(link.find()).as("the setup link is printed on the first run").isTrue();
        var setup = service.send(service.anonymous("/api/v1/setup").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + link.group(1) + "\", \"name\": \"admin\","
                        + " \"password\": \"" + PASSWORD + "\"}")).build());
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(200);
        keepSessionSecrets(setup);
        return link.group(1);
    }

    private String[] signIn(ChildService service, String name, String password) throws Exception {
        var signedIn = service.send(service.anonymous("/api/v1/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}"))
                .build());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return keepSessionSecrets(signedIn);
    }

    /** The cookie's session id and the CSRF token: secrets from here on, not answers to check. */
    private String[] keepSessionSecrets(HttpResponse<String> signedIn) throws Exception {
        var cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0].split("=", 2)[1];
        var csrf = Json.MAPPER.readTree(signedIn.body()).get("csrfToken").asText();
        secrets.add(cookie);
        logSecrets.add(csrf);
        return new String[] {cookie, csrf};
    }

    private static HttpRequest.Builder withSession(HttpRequest.Builder request, String[] session) {
        return request.header("Cookie", "nutriplan_session=" + session[0]).header("X-CSRF-Token", session[1]);
    }

    private void useKeys(ChildService service) throws Exception {
        var made = service.send(service.request("/api/v1/keys").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"leak-check\", \"role\": \"editor\"}")).build());
        var key = Json.MAPPER.readTree(made.body()).get("key").asText();
        secrets.add(key);
        var id = ApiKey.parse(key).orElseThrow().id();
        answers.add(service.send(withKey(service, key, "/api/v1/plans").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PLAN)).build()));
        var rotated = service.send(service.request("/api/v1/keys/" + id + ":rotate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grace\": \"1h\"}")).build());
        var replacement = Json.MAPPER.readTree(rotated.body()).get("key").asText();
        secrets.add(replacement);
        answers.add(service.send(service.request("/api/v1/keys/" + ApiKey.parse(replacement).orElseThrow().id())
                .DELETE().build()));
        var wrongSecret = key.substring(0, key.length() - 8) + "AAAAAAAA";
        for (var bad : List.of(replacement, wrongSecret, key + "x", "npk_" + id)) {
            secrets.add(bad);
            answers.add(service.send(withKey(service, bad, "/api/v1/catalogs").GET().build()));
        }
        answers.add(service.send(service.anonymous("/api/v1/catalogs").header("Authorization", "Basic " + key).GET().build()));
        for (var digest : List.of(ApiKey.parse(key).orElseThrow().digest(), ApiKey.parse(replacement).orElseThrow().digest())) {
            secrets.add(digest);
        }
    }

    private static HttpRequest.Builder withKey(ChildService service, String key, String path) {
        return service.anonymous(path).header("Authorization", "Bearer " + key);
    }

    /** The secret and its last 30 characters alone, so that a secret cut or logged in part is caught too. */
    private static List<String> forms(String secret) {
        return secret.length() > 30 ? List.of(secret, secret.substring(secret.length() - 30)) : List.of(secret);
    }
}

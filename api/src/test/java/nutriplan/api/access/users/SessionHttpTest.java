package nutriplan.api.access.users;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.access.MovableClock;
import nutriplan.api.access.Secrets;
import nutriplan.api.service.TestService;

/**
 * Signing in to the web form through the real service, on a clock the test moves: the first run's setup link, sign-in
 * and sign-out, the cookie, CSRF on every cookie change, roles, idle and absolute timeouts, disabled users, the
 * per-account limit. Every refused change leaves the catalog's export and version as they were.
 */
class SessionHttpTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern COOKIE = Pattern.compile("nutriplan_session=([A-Za-z0-9_-]{43}); Path=/; HttpOnly; SameSite=Strict");
    private static final Pattern LINK = Pattern.compile(".* at http://127\\.0\\.0\\.1:\\d+/#setup=([A-Za-z0-9_-]{43})");
    private static final String PRODUCT = "/api/v1/catalogs/default/products/my-test-gel";
    private static final String GEL = """
            {"id": "my-test-gel", "name": "My test gel", "kind": "gel", "serving": "40 g", "nutrients": {"carbohydrate": "25 g"}}""";

    private static final MovableClock clock = new MovableClock();
    private static final List<String> console = new CopyOnWriteArrayList<>();
    @RegisterExtension
    static final TestService service = TestService.start(TestService.settings(), clock, console::add);
    /** For the catalog's routes, whose 401 and 403 the OpenAPI document does not list yet: not contract-checked. */
    private static final HttpClient raw = HttpClient.newHttpClient();

    static {
        // The first run: the printed link's token sets the admin's password, and the admin creates the others.
        assertThat(console).hasSize(1);
        var matcher = LINK.matcher(console.get(0));
        assertThat(matcher.matches()).as(console.get(0)).isTrue();
        var setup = postAnonymously("/api/v1/setup", "{\"token\": \"" + matcher.group(1) + "\", \"name\": \"admin\", \"password\": \""
                + PASSWORD + "\"}");
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(200);
        var admin = Signed.of(setup);
        for (var user : List.of("{\"name\": \"ed\", \"role\": \"editor\"", "{\"name\": \"pat\", \"role\": \"planner\"",
                "{\"name\": \"ted\", \"role\": \"editor\", \"catalogs\": [\"trial\"]")) {
            var created = service.send(admin.with(service.anonymous("/api/v1/users")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(user + ", \"password\": \"" + PASSWORD + "\"}")).build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    /** A signed-in browser: its cookie, and the CSRF token its page holds. */
    record Signed(String cookie, String csrf) {

        static Signed of(HttpResponse<String> signedIn) {
            var setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
            var matcher = COOKIE.matcher(setCookie);
            assertThat(matcher.matches()).as(setCookie).isTrue();
            return new Signed(matcher.group(1), json(signedIn).path("csrfToken").asText());
        }

        HttpRequest.Builder with(HttpRequest.Builder request) {
            return request.header("Cookie", "nutriplan_session=" + cookie).header("X-CSRF-Token", csrf);
        }

        HttpRequest.Builder cookieOnly(HttpRequest.Builder request) {
            return request.header("Cookie", "nutriplan_session=" + cookie);
        }
    }

    @BeforeEach
    void a_new_minute() {
        // Each test starts after the failure limits' window; each signs in anew.
        clock.advance(Duration.ofMinutes(2));
    }

    @Test
    void signing_in_sets_an_http_only_strict_cookie_and_answers_who_with_the_csrf_token() {
        var signedIn = signIn("ed", PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).matches(COOKIE).doesNotContain("Secure"));
        var body = json(signedIn);
        assertThat(body.path("user").toString()).isEqualTo("{\"name\":\"ed\",\"role\":\"editor\",\"catalogs\":[]}");
        assertThat(body.path("expires").asText()).isEqualTo(clock.instant().plus(Sessions.IDLE).toString());
        var ed = Signed.of(signedIn);
        assertThat(ed.csrf()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(ed.cookie());

        var current = json(service.send(ed.cookieOnly(service.anonymous("/api/v1/session")).GET().build()));
        assertThat(current.path("signedIn").asBoolean()).isTrue();
        assertThat(current.path("user").path("name").asText()).isEqualTo("ed");
        assertThat(current.path("csrfToken").asText()).isEqualTo(ed.csrf());
        assertThat(json(service.send(service.anonymous("/api/v1/session").GET().build())).toString()).isEqualTo("{\"signedIn\":false}");
    }

    @Test
    void a_wrong_password_and_an_unknown_name_get_the_same_401_and_no_cookie() {
        var wrong = signIn("ed", "wrong horse battery");
        var unknown = signIn("nobody", PASSWORD);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body()).contains("\"error\":\"unauthenticated\"").doesNotContain("wrong horse");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        var failed = service.app().access().log().recent(5).stream()
                .filter(entry -> entry.event().jsonName().equals("sign_in_failed")).toList();
        // A name nobody has is not logged: it may be a password typed into the wrong field.
        assertThat(failed).extracting(entry -> entry.details().get("name")).contains("ed", "(no such user)")
                .doesNotContain("nobody");
        assertThat(failed.toString()).doesNotContain("wrong horse battery", PASSWORD);
    }

    @Test
    void signing_out_ends_the_session_and_expires_the_cookie() {
        var ed = Signed.of(signIn("ed", PASSWORD));

        var out = service.send(ed.with(service.anonymous("/api/v1/session")).DELETE().build());

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("nutriplan_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict"));
        assertThat(json(service.send(ed.cookieOnly(service.anonymous("/api/v1/session")).GET().build())).path("signedIn").asBoolean()).isFalse();
        assertThat(putGel(ed::with).statusCode()).isEqualTo(401);
    }

    @Test
    void an_editors_change_needs_the_csrf_token_and_a_refused_one_changes_nothing() {
        var ed = Signed.of(signIn("ed", PASSWORD));
        var before = catalogState();

        var withoutToken = putGel(ed::cookieOnly);
        var otherToken = putGel(request -> ed.cookieOnly(request).header("X-CSRF-Token", Signed.of(signIn("ed", PASSWORD)).csrf()));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(json(withoutToken).at("/details/0/field").asText()).isEqualTo("X-CSRF-Token");
        assertThat(otherToken.statusCode()).isEqualTo(403);
        assertThat(catalogState()).isEqualTo(before);

        var withToken = putGel(ed::with);

        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(catalogState()).isNotEqualTo(before);
        var deleted = send(ed.with(service.anonymous(PRODUCT)).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(200);
    }

    @Test
    void a_planners_change_is_forbidden_even_with_its_csrf_token() {
        var pat = Signed.of(signIn("pat", PASSWORD));
        var before = catalogState();

        var put = putGel(pat::with);

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(json(put).at("/details/0/field").asText()).isEqualTo("scope");
        assertThat(catalogState()).isEqualTo(before);
        assertThat(send(pat.cookieOnly(service.anonymous("/api/v1/catalogs")).GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    void an_editor_limited_to_other_catalogs_may_not_change_this_one() {
        var ted = Signed.of(signIn("ted", PASSWORD));
        var before = catalogState();

        assertThat(putGel(ted::with).statusCode()).isEqualTo(403);
        assertThat(catalogState()).isEqualTo(before);
    }

    @Test
    void a_session_unused_for_30_minutes_is_refused_and_forgotten() {
        var ed = Signed.of(signIn("ed", PASSWORD));
        clock.advance(Duration.ofMinutes(29));
        assertThat(currentUser(ed)).isEqualTo("ed");
        clock.advance(Duration.ofMinutes(29));
        assertThat(currentUser(ed)).as("each use moves the idle timeout").isEqualTo("ed");

        clock.advance(Sessions.IDLE);

        var before = catalogState();
        assertThat(putGel(ed::with).statusCode()).isEqualTo(401);
        assertThat(catalogState()).isEqualTo(before);
        var current = service.send(ed.cookieOnly(service.anonymous("/api/v1/session")).GET().build());
        assertThat(json(current).path("signedIn").asBoolean()).isFalse();
    }

    @Test
    void a_session_ends_12_hours_after_signing_in_however_much_it_is_used() {
        var ed = Signed.of(signIn("ed", PASSWORD));
        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(currentUser(ed)).as("after %d minutes", minutes).isEqualTo("ed");
        }

        clock.advance(Duration.ofMinutes(20));

        assertThat(currentUser(ed)).isNull();
        assertThat(putGel(ed::with).statusCode()).isEqualTo(401);
    }

    @Test
    void a_disabled_users_session_ends_at_once_and_its_name_stays_taken() {
        var admin = Signed.of(signIn("admin", PASSWORD));
        createUser(admin, "{\"name\": \"dan\", \"role\": \"editor\", \"password\": \"" + PASSWORD + "\"}");
        var dan = Signed.of(signIn("dan", PASSWORD));
        assertThat(currentUser(dan)).isEqualTo("dan");

        var disabled = service.send(admin.with(service.anonymous("/api/v1/users/dan")).DELETE().build());

        assertThat(disabled.statusCode()).isEqualTo(204);
        assertThat(currentUser(dan)).isNull();
        assertThat(putGel(dan::with).statusCode()).isEqualTo(401);
        assertThat(signIn("dan", PASSWORD).statusCode()).isEqualTo(401);
        var users = json(service.send(admin.with(service.anonymous("/api/v1/users")).GET().build())).path("users");
        var listed = java.util.stream.StreamSupport.stream(users.spliterator(), false)
                .filter(user -> user.path("name").asText().equals("dan")).findFirst().orElseThrow();
        assertThat(listed.path("disabled").asText()).isEqualTo(clock.instant().toString());
        assertThat(users.toString()).doesNotContain("$2a$", "password");
        assertThat(createUser(admin, "{\"name\": \"dan\", \"role\": \"planner\", \"password\": \"" + PASSWORD + "\"}").statusCode())
                .isEqualTo(409);
        assertThat(service.send(admin.with(service.anonymous("/api/v1/users/dan")).DELETE().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void only_an_admin_manages_users_and_unknown_fields_are_refused() {
        var admin = Signed.of(signIn("admin", PASSWORD));
        var ed = Signed.of(signIn("ed", PASSWORD));

        assertThat(service.send(service.anonymous("/api/v1/users").GET().build()).statusCode()).isEqualTo(401);
        assertThat(service.send(ed.with(service.anonymous("/api/v1/users")).GET().build()).statusCode()).isEqualTo(403);
        var unknownField = createUser(admin, "{\"name\": \"eve\", \"role\": \"editor\", \"password\": \"" + PASSWORD
                + "\", \"admin\": true}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(json(unknownField).at("/details/0/field").asText()).isEqualTo("admin");
        var shortPassword = createUser(admin, "{\"name\": \"eve\", \"role\": \"editor\", \"password\": \"hunter2\"}");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("\"field\":\"password\"").doesNotContain("hunter2");
        var noCsrf = service.send(admin.cookieOnly(service.anonymous("/api/v1/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"eve\", \"role\": \"editor\", \"password\": \"" + PASSWORD + "\"}")).build());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(signIn("eve", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void the_11th_failed_sign_in_within_a_minute_gets_429_until_the_minute_has_passed() {
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("pat", "wrong horse battery").statusCode()).isEqualTo(401);
        }

        var limited = signIn("pat", PASSWORD);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited).path("error").asText()).isEqualTo("rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 61));
        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn("pat", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void the_setup_is_done_once() {
        var again = postAnonymously("/api/v1/setup", "{\"token\": \"" + Secrets.random() + "\", \"name\": \"admin2\", \"password\": \""
                + PASSWORD + "\"}");

        // The token is checked first: only the holder of a live link learns whether an admin exists.
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(console).as("no new link while users exist").hasSize(1);
    }

    private static HttpResponse<String> signIn(String name, String password) {
        return postAnonymously("/api/v1/session", "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}");
    }

    /** POSTs JSON as a browser does: with no API key, so that only its cookie (if any) speaks for it. */
    private static HttpResponse<String> postAnonymously(String path, String json) {
        return service.send(service.anonymous(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> createUser(Signed admin, String body) {
        return service.send(admin.with(service.anonymous("/api/v1/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Who GET /api/v1/session says this browser is; null when signed out. */
    private static String currentUser(Signed browser) {
        var current = json(service.send(browser.cookieOnly(service.anonymous("/api/v1/session")).GET().build()));
        return current.path("signedIn").asBoolean() ? current.path("user").path("name").asText() : null;
    }

    private static HttpResponse<String> putGel(java.util.function.UnaryOperator<HttpRequest.Builder> credential) {
        return send(credential.apply(service.anonymous(PRODUCT)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(GEL)).build());
    }

    /** The default catalog's export and version: what a refused change must leave as it was. */
    private static List<String> catalogState() {
        var export = service.get("/api/v1/catalogs/default/export");
        JsonNode catalogs = json(service.get("/api/v1/catalogs"));
        var version = java.util.stream.StreamSupport.stream(catalogs.path("catalogs").spliterator(), false)
                .filter(catalog -> catalog.path("name").asText().equals("default")).findFirst().orElseThrow().path("version").asText();
        return List.of(export.body(), version);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return raw.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package nutriplan.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nutriplan.api.access.keys.ApiKey;
import nutriplan.api.plans.PlanService;
import nutriplan.api.service.TestService;

/**
 * Every route × every kind of caller → the expected status: public routes open to all; a route's scope granted →
 * anything but 401/403; no credential → 401 (plan routes: allowed, the service being loopback-only); a credential
 * that proves nothing → 401; a role without the scope, or an editor of another catalog → 403. After every refused
 * change the catalog's export and version are unchanged. Routes come from {@link RouteScopes}: a route added without
 * a sample request here fails the test.
 */
class AccessMatrixHttpTest {

    private static final String PLAN = "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}}}";
    private static final String GEL = """
            {"id": "matrix-gel", "name": "Matrix gel", "kind": "gel", "serving": "40 g", "use": ["during"],
             "nutrients": {"energy": "100 kcal", "carbohydrate": "25 g", "sodium": "50 mg", "caffeine": "0 mg"},
             "source": "label: test"}""";
    /** The catalog the limited editor may change, and the one every change below targets. */
    private static final String MINE = "matrix-a";
    private static final String OTHERS = "matrix-b";
    private static final String PASSWORD = "matrix password 1";
    /** Each signed-in user's current cookie and CSRF token: a sample signs the session out, the test signs in again. */
    private static final Map<String, String[]> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A sample request per route: method, path with its parameters filled, body (null for none). */
    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

    static {
        sample("GET /health", "/health", null);
        sample("GET /ready", "/ready", null);
        sample("GET /openapi.json", "/openapi.json", null);
        sample("GET /swagger", "/swagger", null);
        sample("GET /swagger/{file}", "/swagger/index.html", null);
        sample("POST /api/v1/plans", "/api/v1/plans", PLAN);
        sample("POST /api/v1/plans:batch", "/api/v1/plans:batch", "{\"requests\": [" + PLAN + "]}");
        sample("POST /api/v1/targets", "/api/v1/targets", "{\"workout\": {\"minutes\": 60, \"intensity\": \"moderate\"}}");
        sample("POST /api/v1/targets:batch", "/api/v1/targets:batch", "{\"workouts\": []}");
        sample("GET /api/v1/presets", "/api/v1/presets", null);
        sample("GET /api/v1/catalogs", "/api/v1/catalogs", null);
        sample("GET /api/v1/catalogs/{catalog}/products", "/api/v1/catalogs/" + OTHERS + "/products", null);
        sample("GET /api/v1/catalogs/{catalog}/products/{id}", "/api/v1/catalogs/" + OTHERS + "/products/cola-12oz", null);
        sample("GET /api/v1/catalogs/{catalog}/export", "/api/v1/catalogs/" + OTHERS + "/export", null);
        sample("GET /api/v1/catalogs/{catalog}/dominated", "/api/v1/catalogs/" + OTHERS + "/dominated", null);
        sample("POST /api/v1/catalogs", "/api/v1/catalogs", "{\"name\": \"" + OTHERS + "-copy\", \"from\": \"default\"}");
        sample("PUT /api/v1/catalogs/{catalog}/products/{id}", "/api/v1/catalogs/" + OTHERS + "/products/matrix-gel", GEL);
        sample("DELETE /api/v1/catalogs/{catalog}/products/{id}", "/api/v1/catalogs/" + OTHERS + "/products/cola-12oz", null);
        sample("POST /api/v1/catalogs/{catalog}/products:import", "/api/v1/catalogs/" + OTHERS + "/products:import",
                "[" + GEL + "]");
        sample("GET /api/v1/keys", "/api/v1/keys", null);
        sample("POST /api/v1/keys", "/api/v1/keys", "{\"name\": \"matrix-made\", \"role\": \"planner\"}");
        sample("GET /api/v1/keys/{id}", "/api/v1/keys/nosuchkey234", null);
        sample("POST /api/v1/keys/{id}:rotate", "/api/v1/keys/nosuchkey234:rotate", "{}");
        sample("DELETE /api/v1/keys/{id}", "/api/v1/keys/nosuchkey234", null);
        sample("GET /api/v1/security-events", "/api/v1/security-events", null);
        sample("POST /api/v1/session", "/api/v1/session", "{\"name\": \"pia\", \"password\": \"" + PASSWORD + "\"}");
        sample("GET /api/v1/session", "/api/v1/session", null);
        sample("DELETE /api/v1/session", "/api/v1/session", null);
        sample("POST /api/v1/setup", "/api/v1/setup", "{\"token\": \"" + "A".repeat(43) + "\", \"name\": \"admin\","
                + " \"password\": \"" + PASSWORD + "\"}");
        sample("GET /api/v1/users", "/api/v1/users", null);
        sample("POST /api/v1/users", "/api/v1/users", "{\"name\": \"matrix-made\", \"role\": \"planner\", \"password\": \""
                + PASSWORD + "\"}");
        sample("DELETE /api/v1/users/{name}", "/api/v1/users/nosuchuser", null);
        sample("GET /api/v1/catalogs/{catalog}/versions", "/api/v1/catalogs/" + OTHERS + "/versions", null);
        sample("GET /api/v1/catalogs/{catalog}/products/{id}/history",
                "/api/v1/catalogs/" + OTHERS + "/products/cola-12oz/history", null);
        sample("GET /api/v1/catalogs/{catalog}/diff", "/api/v1/catalogs/" + OTHERS + "/diff?from=1", null);
        sample("GET /api/v1/catalogs/{catalog}/tags", "/api/v1/catalogs/" + OTHERS + "/tags", null);
        sample("GET /api/v1/catalogs/{catalog}/tags/{tag}", "/api/v1/catalogs/" + OTHERS + "/tags/start", null);
        sample("POST /api/v1/catalogs/{catalog}:revert", "/api/v1/catalogs/" + OTHERS + ":revert", "{\"to\": 1}");
        sample("PUT /api/v1/catalogs/{catalog}/tags/{tag}", "/api/v1/catalogs/" + OTHERS + "/tags/start", "{\"version\": 1}");
        sample("DELETE /api/v1/catalogs/{catalog}/tags/{tag}", "/api/v1/catalogs/" + OTHERS + "/tags/nosuchtag", null);
        sample("DELETE /api/v1/catalogs/{catalog}", "/api/v1/catalogs/nosuchcatalog", null);
        sample("GET /metrics", "/metrics", null);
    }

    /** Public routes whose own answer to a wrong secret is 401: the setup token here is never right. */
    private static final java.util.Set<String> PUBLIC_FAILURES = java.util.Set.of("POST /api/v1/setup");

    private record Sample(String method, String path, String body) {
    }

    /** A kind of caller: how its requests carry (or fail to carry) a credential, and the role it proves, if any. */
    private record Credential(String name, UnaryOperator<HttpRequest.Builder> apply, Role role, String onlyCatalog) {

        static Credential none() {
            return new Credential("no credential", request -> request, null, null);
        }

        static Credential failing(String name, String key) {
            return new Credential(name, request -> request.header("Authorization", "Bearer " + key), null, null);
        }

        static Credential key(String name, String key, Role role, String onlyCatalog) {
            return new Credential(name, request -> request.header("Authorization", "Bearer " + key), role, onlyCatalog);
        }

        /** A signed-in user's session cookie, with or without the session's CSRF token. */
        static Credential session(String user, Role role, boolean csrf) {
            return new Credential(user + "'s session " + (csrf ? "with" : "without") + " its CSRF token", request -> {
                var session = SESSIONS.get(user);
                request.header("Cookie", "nutriplan_session=" + session[0]);
                return csrf ? request.header("X-CSRF-Token", session[1]) : request;
            }, role, null);
        }

        boolean isSession() {
            return name.contains("session");
        }

        boolean withoutCsrf() {
            return name.contains("without its CSRF");
        }
    }

    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private static TestService service;
    private static final List<Credential> CREDENTIALS = new ArrayList<>();

    private static void sample(String route, String path, String body) {
        SAMPLES.put(route, new Sample(route.substring(0, route.indexOf(' ')), path, body));
    }

    @BeforeAll
    static void start() {
        service = TestService.start(TestService.settings(), new PlanService(), CLOCK);
        for (var catalog : List.of(MINE, OTHERS)) {
            assertThat(service.postJson("/api/v1/catalogs", "{\"name\": \"" + catalog + "\", \"from\": \"default\"}")
                    .statusCode()).isEqualTo(201);
        }
        var revoked = key("revoked", Role.PLANNER, null, null);
        service.send(service.request("/api/v1/keys/" + ApiKey.parse(revoked).orElseThrow().id()).DELETE().build());
        var expired = key("expired", Role.ADMIN, null, "1h");
        CLOCK.advance(Duration.ofHours(2));
        for (var user : List.of(new String[] {"sam", "admin"}, new String[] {"pia", "planner"})) {
            var made = service.postJson("/api/v1/users", "{\"name\": \"" + user[0] + "\", \"role\": \"" + user[1]
                    + "\", \"password\": \"" + PASSWORD + "\"}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            signIn(user[0]);
        }
        CREDENTIALS.addAll(List.of(Credential.none(), Credential.failing("malformed", "npk_not-a-key"),
                Credential.failing("unknown", ApiKey.generate().text()), Credential.failing("revoked", revoked),
                Credential.failing("expired", expired),
                Credential.key("planner", key("planner", Role.PLANNER, null, null), Role.PLANNER, null),
                Credential.key("editor of " + MINE, key("editor", Role.EDITOR, MINE, null), Role.EDITOR, MINE),
                Credential.key("monitor", key("monitor", Role.MONITOR, null, null), Role.MONITOR, null),
                Credential.key("admin", TestService.ADMIN_KEY, Role.ADMIN, null),
                Credential.session("sam", Role.ADMIN, false), Credential.session("sam", Role.ADMIN, true),
                Credential.session("pia", Role.PLANNER, true)));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void signIn(String user) {
        var answer = service.postJson("/api/v1/session", "{\"name\": \"" + user + "\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var cookie = answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0].split("=", 2)[1];
        SESSIONS.put(user, new String[] {cookie, TestService.json(answer).get("csrfToken").asText()});
    }

    private static String key(String name, Role role, String catalog, String expires) {
        var body = "{\"name\": \"" + name + "\", \"role\": \"" + role + "\""
                + (catalog == null ? "" : ", \"catalogs\": [\"" + catalog + "\"]")
                + (expires == null ? "" : ", \"expires\": \"" + expires + "\"") + "}";
        var made = service.postJson("/api/v1/keys", body);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return TestService.json(made).get("key").asText();
    }

    @Test
    void every_route_has_a_sample_request() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(RouteScopes.service().all().keySet());
    }

    @Test
    void every_route_answers_every_caller_as_its_scope_says_and_a_refused_change_changes_nothing() {
        var faults = new ArrayList<String>();
        for (var route : RouteScopes.service().all().entrySet()) {
            var sample = SAMPLES.get(route.getKey());
            for (var credential : CREDENTIALS) {
                var before = catalogState();
                int status = send(sample, credential);
                if (status == 401) {
                    CLOCK.advance(Duration.ofSeconds(61)); // each failure leaves the window: no 429 from the many
                }
                if (credential.isSession() && route.getKey().equals("DELETE /api/v1/session")) {
                    SESSIONS.keySet().forEach(AccessMatrixHttpTest::signIn); // that sample signs the session out
                }
                var expected = expected(route.getValue(), credential, sample);
                check(faults, route.getKey(), credential, status, expected);
                if (sample.method().equals("GET")) { // Javalin answers HEAD from the GET route: the same scope
                    int head = send(new Sample("HEAD", sample.path(), null), credential);
                    if (head == 401) {
                        CLOCK.advance(Duration.ofSeconds(61));
                    }
                    check(faults, "HEAD " + route.getKey().substring(4), credential, head, expected);
                }
                if ((status == 401 || status == 403) && !catalogState().equals(before)) {
                    faults.add(route.getKey() + " as " + credential.name() + ": refused, yet " + OTHERS + " changed");
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void a_method_a_route_does_not_have_is_405_whatever_the_caller_and_changes_nothing() {
        var before = catalogState();
        for (var credential : CREDENTIALS) {
            var export = credential.apply().apply(service.anonymous("/api/v1/catalogs/" + OTHERS + "/export"))
                    .DELETE().build();
            assertThat(service.send(export).statusCode()).as(credential.name()).isEqualTo(405);
            var override = credential.apply().apply(service.anonymous("/api/v1/catalogs/" + OTHERS + "/products/cola-12oz"))
                    .header("X-HTTP-Method-Override", "DELETE").GET().build();
            assertThat(service.send(override).statusCode()).as(credential.name()).isEqualTo(400);
        }
        assertThat(catalogState()).isEqualTo(before);
    }

    private static void check(List<String> faults, String route, Credential credential, int status, int expected) {
        boolean refused = status == 403 || status == 429 || (status == 401 && !PUBLIC_FAILURES.contains(route));
        if (status >= 500 || (expected == 0 ? refused : status != expected)) {
            faults.add(route + " as " + credential.name() + ": " + status + ", expected "
                    + (expected == 0 ? "neither 401 nor 403 nor a 5xx" : expected));
        }
    }

    @Test
    void an_editor_limited_to_a_catalog_changes_that_one() {
        var before = service.get("/api/v1/catalogs/" + MINE + "/export").headers().firstValue("ETag").orElseThrow();
        var editor = CREDENTIALS.stream().filter(credential -> credential.onlyCatalog() != null).findFirst().orElseThrow();

        int status = send(new Sample("PUT", "/api/v1/catalogs/" + MINE + "/products/matrix-gel", GEL), editor);

        assertThat(status).isEqualTo(200);
        assertThat(service.get("/api/v1/catalogs/" + MINE + "/export").headers().firstValue("ETag")).isNotEqualTo(
                java.util.Optional.of(before));
    }

    /**
     * 0: allowed (neither 401 nor 403); otherwise the status. A public route is allowed to all (its own 401, for a
     * wrong password or setup token, is no refusal: {@link #PUBLIC_FAILURES}).
     */
    private static int expected(Scope scope, Credential credential, Sample sample) {
        if (scope == Scope.PUBLIC) {
            return 0;
        }
        if (credential.withoutCsrf() && !List.of("GET", "HEAD").contains(sample.method())) {
            return 403;
        }
        if (credential.role() == null) {
            boolean anonymous = credential.name().equals("no credential");
            return anonymous && scope == Scope.PLAN ? 0 : 401;
        }
        if (!credential.role().grants(scope)) {
            return 403;
        }
        // A limited editor changes its own catalogs only, and creates none.
        boolean otherCatalog = credential.onlyCatalog() != null
                && (sample.path().contains(OTHERS) || sample.path().equals("/api/v1/catalogs"));
        return scope == Scope.CATALOG_WRITE && otherCatalog ? 403 : 0;
    }

    private static int send(Sample sample, Credential credential) {
        var request = credential.apply().apply(service.anonymous(sample.path()));
        if (sample.body() != null) {
            request.header("Content-Type", "application/json");
        }
        var publisher = sample.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(sample.body());
        return service.send(request.method(sample.method(), publisher).build()).statusCode();
    }

    /** The catalogs (names and versions), and the one every change targets as its export. */
    private static String catalogState() {
        var export = service.get("/api/v1/catalogs/" + OTHERS + "/export");
        return service.get("/api/v1/catalogs").body() + export.headers().firstValue("ETag").orElse("?") + export.body();
    }
}

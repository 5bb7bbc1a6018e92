package nutriplan.api.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.access.AccessSettings;
import nutriplan.api.access.keys.ApiKey;
import nutriplan.api.catalogs.CatalogDirectory;
import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.plans.PlanService;
import nutriplan.catalog.json.Json;

/**
 * The service on a random port of the loopback, over the real default catalog ({@code data/catalogs}), and a real
 * HTTP client to call it. One per test class ({@code @RegisterExtension static final TestService SERVICE =
 * TestService.start();} stops it after the class), or one per test in try-with-resources: starting takes about
 * a second.
 */
public final class TestService implements AutoCloseable, AfterAllCallback {

    /** The project's catalogs; tests run in the module directory. */
    public static final Path CATALOG_DIRECTORY = Path.of("..", "data", "catalogs");
    public static final Catalogs CATALOGS = new CatalogDirectory(CATALOG_DIRECTORY);

    /** The admin key every test service is seeded with ({@code NUTRIPLAN_ADMIN_KEY}) and sends by default. */
    public static final String ADMIN_KEY = ApiKey.generate().text();

    private final NutriplanApp app;
    private final String adminKey;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestService(NutriplanApp app, String adminKey) {
        this.app = app.start();
        this.adminKey = adminKey;
    }

    /**
     * Settings for tests: loopback, random port, an embedded store in a fresh temporary directory (seeded from
     * {@code data/catalogs} at start), no warm-up (ready at once), seeded with {@link #ADMIN_KEY}, otherwise the
     * defaults.
     */
    public static ServiceSettings settings() {
        return new ServiceSettings("127.0.0.1", 0, CATALOG_DIRECTORY, ServiceSettings.DEFAULT_MAX_BODY_BYTES, 5000,
                2, 8, ServiceSettings.DEFAULT_QUEUE_TIMEOUT_MS, ServiceSettings.DEFAULT_REQUEST_TIMEOUT_MS,
                ServiceSettings.DEFAULT_SHUTDOWN_TIMEOUT_MS, 1, List.of(), StoreSettings.embedded(freshDirectory()),
                ServiceSettings.DEFAULT_MAX_BATCH_REQUESTS, 0, AccessSettings.defaultsFor("127.0.0.1").withAdminKey(ADMIN_KEY));
    }

    private static Path freshDirectory() {
        try {
            var directory = java.nio.file.Files.createTempDirectory("nutriplan-test-store");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestService start() {
        return start(settings());
    }

    public static TestService start(ServiceSettings settings) {
        return start(settings, new PlanService());
    }

    public static TestService start(ServiceSettings settings, PlanService planService) {
        return start(settings, planService, Clock.systemUTC());
    }

    /** On a clock of its own for access control: expiries, timeouts and failure limits move when the test moves it. */
    public static TestService start(ServiceSettings settings, PlanService planService, Clock clock) {
        return start(settings, planService, clock, link -> { }); // the setup link: tests that need it ask for it
    }

    /**
     * The service on a clock the test moves (session timeouts, failure limits), printing its first-run setup link to
     * {@code console} instead of standard output.
     */
    public static TestService start(ServiceSettings settings, Clock clock, Consumer<String> console) {
        return start(settings, new PlanService(), clock, console);
    }

    private static TestService start(ServiceSettings settings, PlanService planService, Clock clock,
                                     Consumer<String> console) {
        var app = NutriplanApp.create(settings, settings.store().open(), planService, clock);
        app.access().printSetupLinksTo(console);
        return new TestService(app, settings.access().adminKey());
    }

    public NutriplanApp app() {
        return app;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** A request with the service's admin key, when it has one: what most tests need. */
    public HttpRequest.Builder request(String path) {
        var request = anonymous(path);
        return adminKey == null ? request : request.header("Authorization", "Bearer " + adminKey);
    }

    /** A request without a credential (add one with {@link #as}). */
    public HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    }

    /** Creates a user of the web form with the admin key (the test's own setup, not what it tests). */
    public void createUser(String name, String role, String password) {
        var created = postJson("/api/v1/users", "{\"name\": \"" + name + "\", \"role\": \"" + role + "\", \"password\": \""
                + password + "\"}");
        if (created.statusCode() != 201) {
            throw new AssertionError("the user " + name + " was not created: " + created.body());
        }
    }

    /** A request with this API key. */
    public HttpRequest.Builder as(String key, String path) {
        return anonymous(path).header("Authorization", "Bearer " + key);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** POSTs a JSON body with {@code Content-Type: application/json}. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    public CompletableFuture<HttpResponse<String>> postJsonAsync(String path, String json) {
        var request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> checked(request, response));
    }

    /** Sends a request; its exchange is checked against the OpenAPI document ({@link ContractCheck}). */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return checked(request, client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Checks an exchange made with another client against the OpenAPI document ({@link ContractCheck}). */
    public static HttpResponse<String> checked(HttpRequest request, HttpResponse<String> response) {
        ContractCheck.check(request, response);
        return response;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    /** After the test class; not after each of its @Nested classes, which inherit the extension. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (!context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
            close();
        }
    }
}

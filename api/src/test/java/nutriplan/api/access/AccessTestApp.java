package nutriplan.api.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;

import nutriplan.api.access.AccessFilter.AnonymousAccess;
import nutriplan.api.errors.ErrorJson;
import nutriplan.api.metrics.Metrics;
import nutriplan.catalog.json.Json;

/**
 * A small Javalin with the access filter and the error table, whose callers prove who they are with a test credential
 * ({@code Authorization: Bearer admin}, {@code planner}, {@code editor}, {@code monitor}): access routes tested
 * before the real keys and sessions exist. The key ids are {@code key:np-<role>}.
 */
public final class AccessTestApp implements AutoCloseable {

    private final SecurityLog log = new SecurityLog(new Metrics(), Clock.systemUTC());
    private final Javalin javalin;
    private final HttpClient client = HttpClient.newHttpClient();

    private AccessTestApp(BiConsumer<RoutesConfig, SecurityLog> routes, Consumer<io.javalin.config.JavalinConfig> more) {
        var filter = new AccessFilter(RouteScopes.service(), List.of(AccessTestApp::byRole), AnonymousAccess.PLAN,
                FailureLimiter.perMinute(Clock.systemUTC()), log);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            // As the service does: every answer carries a request id (the OpenAPI document requires it).
            config.routes.before(ctx -> ctx.header("X-Request-Id", java.util.UUID.randomUUID().toString()));
            config.routes.beforeMatched(filter::check);
            routes.accept(config.routes, log);
            config.routes.exception(Exception.class, (e, ctx) -> {
                var response = ErrorJson.of(e);
                response.headers().forEach(ctx::header);
                ctx.status(response.status()).json(response.body());
            });
            more.accept(config);
        }).start();
    }

    /** Started, with these routes (given the app's security log). */
    public static AccessTestApp start(BiConsumer<RoutesConfig, SecurityLog> routes) {
        return new AccessTestApp(routes, config -> { });
    }

    /** Started, with these routes and more configuration (a request logger). */
    public static AccessTestApp start(BiConsumer<RoutesConfig, SecurityLog> routes, Consumer<io.javalin.config.JavalinConfig> more) {
        return new AccessTestApp(routes, more);
    }

    /** The caller a test credential names: "Bearer editor" is an editor, "Bearer editor:trial" one of catalog trial only. */
    private static Optional<Caller> byRole(io.javalin.http.Context ctx) {
        var header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        var credential = header.replaceFirst("^Bearer ", "").split(":", 2);
        for (var role : Role.values()) {
            if (role.toString().equals(credential[0])) {
                return Optional.of(new Caller("key:np-" + role, role + "-bot", role, Caller.Via.KEY,
                        credential.length == 2 ? Set.of(credential[1]) : Set.of()));
            }
        }
        throw new UnauthenticatedException("unknown test key");
    }

    public SecurityLog log() {
        return log;
    }

    /** Sends a request built on this app's address; {@code credential} null for none. */
    public HttpResponse<String> send(String method, String path, String credential) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + javalin.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        javalin.stop();
    }
}

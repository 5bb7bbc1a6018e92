package nutriplan.api.health;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;

/**
 * {@code GET /health}: the process answers. {@code GET /ready}: it can serve plans as a warm service does (started,
 * catalogs loaded, engines warmed up, not shutting down); a load balancer sends no plans while it says 503.
 */
public final class HealthRoutes {

    public static final String HEALTH = "/health";
    public static final String READY = "/ready";

    /** Where the service stands, as {@code /ready} tells it. */
    public enum Readiness {
        /** Listening, planning sample requests so that the first real one gets a warm service's answer: 503. */
        WARMING,
        /** Serving plans: 200. */
        READY,
        /** Finishing the plans in flight, accepting no more: 503. */
        STOPPING;

        /** As {@code /ready} says it: ready, warming, stopping. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Supplier<Readiness> readiness;
    private final Supplier<String> progress;
    private final BooleanSupplier storeReachable;
    private final int retryAfterSeconds;

    /**
     * @param readiness         where the service stands
     * @param progress          the warm-up's progress, said while warming ("warming up the engines: 4 of 15 sample
     *                          plans done")
     * @param storeReachable    true while the catalog store answers (plans go on without it, changes do not)
     * @param retryAfterSeconds the Retry-After of a 503
     */
    public HealthRoutes(Supplier<Readiness> readiness, Supplier<String> progress, BooleanSupplier storeReachable,
                        int retryAfterSeconds) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.storeReachable = Objects.requireNonNull(storeReachable, "storeReachable");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public void register(RoutesConfig routes) {
        routes.get(HEALTH, this::health);
        routes.get(READY, this::ready);
    }

    @OpenApi(path = HEALTH, methods = HttpMethod.GET, operationId = "health", tags = "operations",
            summary = "Liveness: the process answers",
            responses = @OpenApiResponse(status = "200", description = "alive",
                    content = @OpenApiContent(from = Status.class, example = "{\"status\": \"ok\"}")))
    void health(Context ctx) {
        ctx.json(JsonNodeFactory.instance.objectNode().put("status", "ok"));
    }

    @OpenApi(path = READY, methods = HttpMethod.GET, operationId = "ready", tags = "operations",
            summary = "Readiness: able to serve plans; and whether the catalog store answers",
            description = "Plans are served from catalogs held in memory, so the service stays ready when the store is"
                    + " down (store: down); catalog changes then get 503 until it is back. At start the service plans a"
                    + " few sample requests first (WARM_UP_ROUNDS), so that the first request gets the plan a warm"
                    + " service gives: 503 warming, with Retry-After, until they are done.",
            responses = {
                @OpenApiResponse(status = "200", description = "ready: catalogs loaded, engines warmed up, accepting plans",
                        content = @OpenApiContent(from = Status.class, example = "{\"status\": \"ready\", \"store\": \"up\"}")),
                @OpenApiResponse(status = "503", description = "warming: planning sample requests after the start (plans"
                        + " are served, but cold), ask again after Retry-After seconds; or stopping: finishing the"
                        + " plans in flight, accepting no more",
                        content = @OpenApiContent(from = Status.class, example = "{\"status\": \"warming\", \"store\": \"up\","
                                + " \"detail\": \"warming up the engines: 4 of 15 sample plans done\"}"),
                        headers = @OpenApiParam(name = "Retry-After", type = Integer.class,
                                description = "seconds", example = "1"))})
    void ready(Context ctx) {
        var state = readiness.get();
        var body = JsonNodeFactory.instance.objectNode()
                .put("status", state.jsonName())
                .put("store", storeReachable.getAsBoolean() ? "up" : "down");
        if (state == Readiness.WARMING) {
            body.put("detail", progress.get());
        }
        if (state != Readiness.READY) {
            ctx.header("Retry-After", Integer.toString(retryAfterSeconds)); // as on every 503
        }
        ctx.status(state == Readiness.READY ? 200 : 503).json(body);
    }

    @OpenApiDescription("The state of the service.")
    public record Status(@OpenApiRequired @OpenApiDescription("ok; on /ready: ready, warming or stopping") @OpenApiExample("ok")
                         String status,
                         @OpenApiDescription("on /ready: up, or down (plans go on, changes get 503)") @OpenApiExample("up")
                         String store,
                         @OpenApiDescription("on /ready while warming: how far the warm-up is")
                         @OpenApiExample("warming up the engines: 4 of 15 sample plans done") String detail) {
    }
}

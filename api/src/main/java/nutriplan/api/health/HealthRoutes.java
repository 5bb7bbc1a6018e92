package nutriplan.api.health;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;

/**
 * {@code GET /health}: the process answers. {@code GET /ready}: it can serve plans (started, catalogs loaded, not
 * shutting down); a load balancer stops sending plans when it says 503.
 */
public final class HealthRoutes {

    public static final String HEALTH = "/health";
    public static final String READY = "/ready";

    private final BooleanSupplier ready;
    private final BooleanSupplier storeReachable;

    /**
     * @param ready          true while the service accepts plans
     * @param storeReachable true while the catalog store answers (plans go on without it, changes do not)
     */
    public HealthRoutes(BooleanSupplier ready, BooleanSupplier storeReachable) {
        this.ready = Objects.requireNonNull(ready, "ready");
        this.storeReachable = Objects.requireNonNull(storeReachable, "storeReachable");
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
                    + " down (store: down); catalog changes then get 503 until it is back.",
            responses = {
                @OpenApiResponse(status = "200", description = "ready: catalogs loaded, accepting plans",
                        content = @OpenApiContent(from = Status.class, example = "{\"status\": \"ready\", \"store\": \"up\"}")),
                @OpenApiResponse(status = "503", description = "shutting down: finishing the plans in flight, accepting no more",
                        content = @OpenApiContent(from = Status.class, example = "{\"status\": \"stopping\", \"store\": \"up\"}"))})
    void ready(Context ctx) {
        boolean isReady = ready.getAsBoolean();
        ctx.status(isReady ? 200 : 503).json(JsonNodeFactory.instance.objectNode()
                .put("status", isReady ? "ready" : "stopping")
                .put("store", storeReachable.getAsBoolean() ? "up" : "down"));
    }

    @OpenApiDescription("The state of the service.")
    public record Status(@OpenApiRequired @OpenApiDescription("ok, ready or stopping") @OpenApiExample("ok") String status,
                         @OpenApiDescription("on /ready: up, or down (plans go on, changes get 503)") @OpenApiExample("up")
                         String store) {
    }
}

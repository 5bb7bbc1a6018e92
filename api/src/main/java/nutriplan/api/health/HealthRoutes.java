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

    /** @param ready true while the service accepts plans */
    public HealthRoutes(BooleanSupplier ready) {
        this.ready = Objects.requireNonNull(ready, "ready");
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
        ctx.json(status("ok"));
    }

    @OpenApi(path = READY, methods = HttpMethod.GET, operationId = "ready", tags = "operations",
            summary = "Readiness: able to serve plans",
            responses = {
                @OpenApiResponse(status = "200", description = "ready: catalogs loaded, accepting plans",
                        content = @OpenApiContent(from = Status.class, example = "{\"status\": \"ready\"}")),
                @OpenApiResponse(status = "503", description = "shutting down: finishing the plans in flight, accepting no more",
                        content = @OpenApiContent(from = Status.class, example = "{\"status\": \"stopping\"}"))})
    void ready(Context ctx) {
        boolean isReady = ready.getAsBoolean();
        ctx.status(isReady ? 200 : 503).json(status(isReady ? "ready" : "stopping"));
    }

    private static Object status(String status) {
        return JsonNodeFactory.instance.objectNode().put("status", status);
    }

    @OpenApiDescription("The state of the service.")
    public record Status(@OpenApiRequired @OpenApiDescription("ok, ready or stopping") @OpenApiExample("ok") String status) {
    }
}

package nutriplan.api.metrics;

import java.util.Objects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;

/** {@code GET /metrics}: the Prometheus text of {@link Metrics}. */
public final class MetricsRoutes {

    public static final String METRICS = "/metrics";
    /** The content type of Prometheus' text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;

    public MetricsRoutes(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public void register(RoutesConfig routes) {
        routes.get(METRICS, this::scrape);
    }

    @OpenApi(path = METRICS, methods = HttpMethod.GET, operationId = "metrics", tags = "operations",
            summary = "Prometheus metrics",
            description = "Requests by route template and status (count, latency histogram); solves by solver and status;"
                    + " the solver pool's use, queue and rejections; the JVM's memory, threads and CPU.",
            responses = @OpenApiResponse(status = "200", description = "Prometheus text exposition format 0.0.4",
                    content = @OpenApiContent(mimeType = "text/plain", type = "string",
                            example = "nutriplan_solver_pool_in_use 1.0")))
    void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    }
}

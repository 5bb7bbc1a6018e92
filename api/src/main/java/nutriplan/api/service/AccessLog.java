package nutriplan.api.service;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.javalin.http.Context;

import nutriplan.api.metrics.Metrics;

/**
 * After every request: one JSON line in the log ({@code nutriplan.access}) and one measurement in the metrics,
 * both by route template, never by raw path:
 *
 * <pre>{"method":"POST","route":"/api/v1/plans","status":200,"ms":4.1,"requestId":"c0ffee-42"}</pre>
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("nutriplan.access");

    private final Metrics metrics;

    AccessLog(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    void record(Context ctx, float ms) {
        var route = route(ctx);
        var method = ctx.method().name();
        int status = ctx.statusCode();
        metrics.recordRequest(method, route, status, (long) (ms * 1_000_000));
        if (LOG.isInfoEnabled()) {
            LOG.info(line(method, route, status, ms, RequestIds.of(ctx)));
        }
    }

    /** One request as one line of JSON: a request id or route can hold no line break or quote that escapes. */
    static String line(String method, String route, int status, float ms, String requestId) {
        return JsonNodeFactory.instance.objectNode()
                .put("method", method)
                .put("route", route)
                .put("status", status)
                .put("ms", Math.round(ms * 10) / 10.0)
                .put("requestId", requestId)
                .toString();
    }

    /** The matched route's template ("/api/v1/catalogs/{catalog}/products"), or "unmatched". */
    static String route(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? Metrics.UNMATCHED : endpoint.path;
    }
}

package nutriplan.api.service;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.javalin.http.Context;

import nutriplan.api.access.Caller;
import nutriplan.api.metrics.Metrics;

/**
 * After every request: one JSON line in the log ({@code nutriplan.access}) and one measurement in the metrics,
 * both by route template, never by raw path. The line names the caller (as the access filter decided it) and, for
 * routes of a catalog or a product, which ones the request touched:
 *
 * <pre>{"method":"PUT","route":"/api/v1/catalogs/{catalog}/products/{id}","status":200,"ms":4.1,"requestId":"c0ffee-42",
 * "caller":"key:np1a2b3c4d5e","catalog":"trial","product":"my-gel"}</pre>
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("nutriplan.access");

    /** The most of a path parameter a line holds: they are the caller's text. */
    static final int MAX_PARAMETER_LENGTH = 100;

    /** The log itself; the line is built only when the log takes it. */
    private static final Consumer<String> TO_LOG = LOG::info;

    private final Metrics metrics;
    private final Consumer<String> out;

    AccessLog(Metrics metrics) {
        this(metrics, TO_LOG);
    }

    /** Writing each line to {@code out}: tests read them. */
    AccessLog(Metrics metrics, Consumer<String> out) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.out = Objects.requireNonNull(out, "out");
    }

    void record(Context ctx, float ms) {
        var route = route(ctx);
        var method = ctx.method().name();
        int status = ctx.statusCode();
        metrics.recordRequest(method, route, status, (long) (ms * 1_000_000));
        if (out != TO_LOG || LOG.isInfoEnabled()) {
            out.accept(line(method, route, status, ms, RequestIds.of(ctx), Caller.idOf(ctx), ctx.pathParamMap()));
        }
    }

    /**
     * One request as one line of JSON: a request id, route or path parameter can hold no line break or quote that
     * escapes (Jackson writes them), and a path parameter is cut to {@value #MAX_PARAMETER_LENGTH} characters.
     *
     * @param caller     the caller's id: "key:…", "user:…" or "anonymous"
     * @param pathParams the matched route's path parameters: {@code catalog} and {@code id} (a product's) are logged
     */
    static String line(String method, String route, int status, float ms, String requestId, String caller,
                       Map<String, String> pathParams) {
        var line = JsonNodeFactory.instance.objectNode()
                .put("method", method)
                .put("route", route)
                .put("status", status)
                .put("ms", Math.round(ms * 10) / 10.0)
                .put("requestId", requestId)
                .put("caller", caller);
        if (pathParams.containsKey("catalog")) {
            line.put("catalog", capped(pathParams.get("catalog")));
        }
        if (pathParams.containsKey("id")) {
            line.put("product", capped(pathParams.get("id")));
        }
        return line.toString();
    }

    private static String capped(String text) {
        return text.length() <= MAX_PARAMETER_LENGTH ? text : text.substring(0, MAX_PARAMETER_LENGTH) + "…";
    }

    /** The matched route's template ("/api/v1/catalogs/{catalog}/products"), or "unmatched". */
    static String route(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? Metrics.UNMATCHED : endpoint.path;
    }
}

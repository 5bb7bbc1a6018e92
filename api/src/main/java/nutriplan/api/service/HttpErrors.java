package nutriplan.api.service;

import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;

import nutriplan.api.errors.ErrorJson;
import nutriplan.api.errors.ErrorResponse;
import nutriplan.api.json.UnreadBodies;
import nutriplan.api.errors.MethodNotAllowedException;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.errors.TooLargeException;

/**
 * The one exception table of the service. Every typed exception of the error table becomes its status and
 * {@code {"error", "message", "details"}} body through {@link ErrorJson}; Javalin's own answers (no route, wrong
 * method, body over the limit) are turned into the same typed exceptions first; anything else is logged with
 * the request id and becomes a 500 that says nothing of the internals.
 */
final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private final long maxBodyBytes;

    HttpErrors(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, ErrorJson.of(translate(e, ctx))));
        routes.exception(Exception.class, (e, ctx) -> {
            var response = ErrorJson.of(e);
            if (response.status() == 500) {
                LOG.error("internal error on {} {} (request id {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            }
            write(ctx, response);
        });
    }

    /** Javalin's HTTP answers as the typed exceptions of the error table. */
    private Exception translate(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> new NotFoundException("", e instanceof EndpointNotFound
                    ? "no route " + ctx.method() + " " + shortened(ctx.path()) + "; the routes are listed at /openapi.json"
                    : "not found");
            case 405 -> new MethodNotAllowedException(ctx.method() + " is not allowed on " + shortened(ctx.path())
                    + "; allowed: " + String.join(", ", allowed(e)), allowed(e));
            case 413 -> new TooLargeException("", "the body is larger than the limit of " + maxBodyBytes + " bytes");
            default -> e; // not raised by the routes of this service; a 500 if ever
        };
    }

    /** Javalin lists the methods a path answers in the 405's only detail ("availableMethods": "GET, POST"). */
    private static List<String> allowed(HttpResponseException e) {
        var methods = String.join(",", e.getDetails().values());
        return Arrays.stream(methods.split(",")).map(String::strip).filter(method -> !method.isEmpty()).toList();
    }

    static void write(Context ctx, ErrorResponse response) {
        UnreadBodies.discard(ctx); // so that a client still writing its body gets this answer, not a reset
        response.headers().forEach(ctx::header);
        ctx.status(response.status()).json(response.body());
    }

    private static String shortened(String path) {
        return path.length() <= 100 ? path : path.substring(0, 100) + "…";
    }
}

package nutriplan.api.service;

import java.util.Locale;

import io.javalin.http.Context;

import nutriplan.catalog.json.InvalidInputException;

/**
 * Headers refused before anything else reads the request, because Javalin would take them in a way a client does not
 * expect, or fail on them:
 * <ul>
 *   <li>{@code X-HTTP-Method-Override}: Javalin takes it as the request's method — a GET that deletes, which proxies,
 *       caches and access logs would see as a GET. A client sends the method itself.</li>
 *   <li>a {@code Content-Type} whose {@code charset} parameter has no value: Javalin's own reading of the charset
 *       (for any query parameter) fails on it with an exception, a 500. Found by the HTTP fuzzer.</li>
 * </ul>
 */
final class RequestGuards {

    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private RequestGuards() {
    }

    static void check(Context ctx) {
        if (ctx.header(METHOD_OVERRIDE) != null) {
            throw InvalidInputException.of(METHOD_OVERRIDE, "is not supported: send the request with its method (PUT,"
                    + " DELETE) itself");
        }
        var contentType = ctx.header("Content-Type");
        if (contentType != null && hasCharsetWithoutValue(contentType)) {
            throw InvalidInputException.of("Content-Type", "its charset parameter has no value; send"
                    + " \"application/json; charset=utf-8\", or no charset");
        }
    }

    /** True for "…; charset" or "…; charsetX utf-8": a parameter named charset without "=". */
    private static boolean hasCharsetWithoutValue(String contentType) {
        for (var parameter : contentType.split(";")) {
            var trimmed = parameter.strip().toLowerCase(Locale.ROOT);
            if (trimmed.startsWith("charset") && !trimmed.contains("=")) {
                return true;
            }
        }
        return false;
    }
}

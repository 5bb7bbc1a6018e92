package nutriplan.api.service;

import io.javalin.http.Context;

import nutriplan.catalog.json.InvalidInputException;

/**
 * Javalin takes {@code X-HTTP-Method-Override} as the request's method: a GET that deletes, which proxies, caches and
 * access logs would see as a GET. Refused before anything else: a client sends the method itself.
 */
final class MethodOverrides {

    static final String HEADER = "X-HTTP-Method-Override";

    private MethodOverrides() {
    }

    static void refuse(Context ctx) {
        if (ctx.header(HEADER) != null) {
            throw InvalidInputException.of(HEADER, "is not supported: send the request with its method (PUT, DELETE) itself");
        }
    }
}

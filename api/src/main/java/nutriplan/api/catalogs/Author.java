package nutriplan.api.catalogs;

import java.util.Objects;

import io.javalin.http.Context;

import nutriplan.api.access.Caller;

/**
 * Who makes a catalog change: the caller the access filter decided (its id is what a catalog's history records as the
 * author, issue 29), and the request it came with, so that the change's log line and the access log's meet.
 *
 * @param requestId the request's {@code X-Request-Id}; "-" outside a request
 */
public record Author(Caller caller, String requestId) {

    public Author {
        Objects.requireNonNull(caller, "caller");
        requestId = requestId == null ? "-" : requestId;
    }

    /** The request's caller and id. */
    public static Author of(Context ctx) {
        return new Author(Caller.of(ctx), ctx.res().getHeader("X-Request-Id"));
    }

    /** "key:np1a2b3c4d5e", "user:ana": safe to log and to store. */
    public String id() {
        return caller.id();
    }
}

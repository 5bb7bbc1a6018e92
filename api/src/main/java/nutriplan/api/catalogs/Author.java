package nutriplan.api.catalogs;

import java.util.Objects;

import io.javalin.http.Context;

import nutriplan.api.access.Caller;

/**
 * Who makes a catalog change: the caller the access filter decided (its id is what a catalog's history records as the
 * author, issue 29), and the request it came with, so that the change's log line and the access log's meet.
 *
 * @param requestId the request's {@code X-Request-Id}; "-" outside a request
 * @param message   why, in the author's words ({@code X-Change-Message}); null for none
 */
public record Author(Caller caller, String requestId, String message) {

    /** The header a change's message may come in (a revert's body may carry it as {@code message}). */
    public static final String MESSAGE_HEADER = "X-Change-Message";

    public Author {
        Objects.requireNonNull(caller, "caller");
        requestId = requestId == null ? "-" : requestId;
    }

    /** The request's caller, id and {@code X-Change-Message}. */
    public static Author of(Context ctx) {
        return new Author(Caller.of(ctx), ctx.res().getHeader("X-Request-Id"), ctx.header(MESSAGE_HEADER));
    }

    /** The same author with the message the body gave, when it gave one. */
    public Author withMessage(String bodyMessage) {
        return bodyMessage == null ? this : new Author(caller, requestId, bodyMessage);
    }

    /** "key:np1a2b3c4d5e", "user:ana": safe to log and to store. */
    public String id() {
        return caller.id();
    }
}

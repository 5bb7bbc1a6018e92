package nutriplan.api.catalogs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.javalin.http.Context;

import nutriplan.api.access.Caller;
import nutriplan.catalog.json.InvalidInputException;

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
    private static final String ENCODED = "UTF-8''";

    public Author {
        Objects.requireNonNull(caller, "caller");
        requestId = requestId == null ? "-" : requestId;
    }

    /** The request's caller, id and {@code X-Change-Message}. */
    public static Author of(Context ctx) {
        return new Author(Caller.of(ctx), ctx.res().getHeader("X-Request-Id"), message(ctx.header(MESSAGE_HEADER)));
    }

    /**
     * A header's message: as sent, or, for text a header cannot carry (accents, emoji), percent-encoded UTF-8 after
     * {@code UTF-8''} as RFC 8187 writes it ({@code UTF-8''caf%C3%A9}; a browser's {@code encodeURIComponent}).
     */
    static String message(String header) {
        if (header == null || !header.regionMatches(true, 0, ENCODED, 0, ENCODED.length())) {
            return header;
        }
        try {
            return URLDecoder.decode(header.substring(ENCODED.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw InvalidInputException.of(MESSAGE_HEADER, "after UTF-8'' the message must be percent-encoded UTF-8,"
                    + " as encodeURIComponent writes it");
        }
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

package nutriplan.api.json;

import java.util.Locale;

import io.javalin.config.Key;
import io.javalin.http.Context;

import nutriplan.api.errors.TooLargeException;
import nutriplan.api.errors.UnsupportedMediaTypeException;

/** The body of a request that must carry JSON; every endpoint that reads a body starts here. */
public final class JsonRequests {

    /** The body limit, put in the app's data by {@link NutriplanApp}: a decompressed body is held to it too. */
    public static final Key<Long> MAX_BODY_BYTES = new Key<>("nutriplan-max-body-bytes");

    private JsonRequests() {
    }

    /**
     * The raw body, once its Content-Type says JSON in UTF-8, decompressed when its Content-Encoding is gzip.
     * Its size is capped while it is read (413 beyond the body limit, chunked bodies too), and so is its
     * decompressed size; decoding the text and parsing are {@code JsonBody}'s.
     *
     * @throws UnsupportedMediaTypeException when the Content-Type is missing, not JSON, or names another charset,
     *                                       or the Content-Encoding is neither gzip nor identity
     */
    public static byte[] body(Context ctx) {
        requireJson(ctx.header("Content-Type"));
        boolean gzip = ContentEncodings.isGzip(ctx.header("Content-Encoding"));
        long maxBytes = ctx.appData(MAX_BODY_BYTES);
        if (ctx.req().getContentLengthLong() > maxBytes) {
            // Said before a byte is read: a client that asked "Expect: 100-continue" need not send the body at all.
            throw new TooLargeException("", "the body is larger than the limit of " + maxBytes + " bytes");
        }
        UnreadBodies.reading(ctx);
        var body = ctx.bodyAsBytes();
        return gzip ? ContentEncodings.gunzip(body, maxBytes) : body;
    }

    /** {@code application/json}, optionally with {@code ; charset=utf-8}; anything else is a 415. */
    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedMediaTypeException("the request has no Content-Type; send the JSON body with"
                    + " Content-Type: application/json");
        }
        var parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/json")) {
            throw new UnsupportedMediaTypeException("the body must be JSON with Content-Type: application/json, not \""
                    + shortened(contentType) + "\"");
        }
        for (int i = 1; i < parts.length; i++) {
            var parameter = parts[i].strip();
            if (parameter.startsWith("charset=") && !parameter.replace("\"", "").equals("charset=utf-8")) {
                throw new UnsupportedMediaTypeException("the body must be UTF-8; Content-Type names another charset: \""
                        + shortened(contentType) + "\"");
            }
        }
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}

package nutriplan.api.json;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.javalin.http.Context;

/**
 * What is left of a request body when the service answers an error before reading all of it: a body over the
 * limit, a wrong Content-Type, an unknown route. Many clients write their whole body before they read a byte of
 * the answer (Python's {@code urllib}, {@code http.client} and {@code requests} do); if the connection closed with
 * their body still unread, the kernel would answer their remaining bytes with a reset, and they would see a broken
 * pipe instead of the 413. So the rest of the body is read and thrown away first, up to {@value #DRAIN_LIMIT_BYTES}
 * bytes within {@value #DRAIN_LIMIT_MS} ms; only a body beyond that bound still meets a closed connection.
 *
 * <p>Not when the client sent {@code Expect: 100-continue} and the service has not started reading: the client waits
 * for the answer before sending its body, and reading it would tell it to send what is refused anyway.
 */
public final class UnreadBodies {

    /** 64 MiB: a 200,000-product inline catalog is about 40 MiB; loopback drains it in well under a second. */
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;
    /** A slow client must not hold a request thread for long just to be told no. */
    static final long DRAIN_LIMIT_MS = 10_000;

    private static final String READING = "nutriplan-reading-body";

    private UnreadBodies() {
    }

    /** Before reading a body: from then on a client that asked {@code Expect: 100-continue} has been told to send it. */
    static void reading(Context ctx) {
        ctx.attribute(READING, Boolean.TRUE);
    }

    /**
     * Reads and discards the rest of the request body, within the bounds; when it cannot, asks for the connection
     * to close after the answer.
     */
    public static void discard(Context ctx) {
        var request = ctx.req();
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && ctx.attribute(READING) == null) {
            return;
        }
        if (!drained(ctx)) {
            ctx.header("Connection", "close");
        }
    }

    private static boolean drained(Context ctx) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_LIMIT_MS);
        var buffer = new byte[64 * 1024];
        long discarded = 0;
        try {
            var in = ctx.req().getInputStream();
            for (int read; (read = in.read(buffer)) >= 0; ) {
                discarded += read;
                if (discarded > DRAIN_LIMIT_BYTES || System.nanoTime() > deadline) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false; // the client is gone, or the body cannot be read: nothing more to do
        }
    }
}

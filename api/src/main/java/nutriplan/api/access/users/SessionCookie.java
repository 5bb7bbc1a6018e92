package nutriplan.api.access.users;

import java.util.Locale;

import io.javalin.http.Context;

/**
 * The session cookie: {@code nutriplan_session=<id>; Path=/; HttpOnly; SameSite=Strict}, and {@code Secure} when the
 * request came over HTTPS (to the service, or to a proxy in front of it that says so in {@code X-Forwarded-Proto}:
 * the flag only ever makes the cookie stricter). No Max-Age: the browser forgets it when it closes, and the server
 * ends the session after its timeouts whatever the browser keeps.
 */
final class SessionCookie {

    static final String NAME = "nutriplan_session";

    private SessionCookie() {
    }

    static void set(Context ctx, String sessionId) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + sessionId + attributes(ctx));
    }

    /** Tells the browser to forget the cookie. */
    static void expire(Context ctx) {
        ctx.res().addHeader("Set-Cookie", NAME + "=; Max-Age=0" + attributes(ctx));
    }

    private static String attributes(Context ctx) {
        var forwarded = ctx.header("X-Forwarded-Proto");
        boolean https = "https".equals(ctx.scheme())
                || (forwarded != null && forwarded.strip().toLowerCase(Locale.ROOT).equals("https"));
        return "; Path=/; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }
}

package nutriplan.api.access.users;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import nutriplan.api.access.Authenticator;
import nutriplan.api.access.Caller;
import nutriplan.api.access.ForbiddenException;

/**
 * The web form's credential: the session cookie. A request with an {@code Authorization} header is a key's, not a
 * cookie's, and this steps aside for it. Every cookie-authenticated request that may change something (any method
 * but GET, HEAD and OPTIONS) must carry the session's CSRF token in {@code X-CSRF-Token}: a page of another site can
 * make the browser send the cookie, never read the token.
 */
public final class SessionAuthenticator implements Authenticator {

    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Sessions sessions;

    public SessionAuthenticator(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * @throws nutriplan.api.access.UnauthenticatedException a cookie that is malformed, unknown or expired
     * @throws ForbiddenException                            a change without the session's CSRF token
     */
    @Override
    public Optional<Caller> authenticate(Context ctx) {
        if (ctx.header("Authorization") != null) {
            return Optional.empty();
        }
        var id = ctx.cookie(SessionCookie.NAME);
        if (id == null) {
            return Optional.empty();
        }
        var session = sessions.find(id);
        if (!SAFE.contains(ctx.method()) && !Sessions.csrfMatches(id, ctx.header(ForbiddenException.CSRF_HEADER))) {
            throw ForbiddenException.csrf();
        }
        return Optional.of(session.caller());
    }
}

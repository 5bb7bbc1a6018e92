package nutriplan.api.access;

import java.util.Optional;

import io.javalin.http.Context;

/**
 * One way a caller proves who it is (an API key in {@code Authorization: Bearer}, a session cookie). The access filter
 * asks each in turn.
 */
public interface Authenticator {

    /**
     * The caller the request's credential of this kind proves.
     *
     * @return empty when the request carries no credential of this kind
     * @throws UnauthenticatedException when it carries one that proves nothing (malformed, unknown, revoked, expired):
     *                                  one answer for all, so that a prober learns nothing
     */
    Optional<Caller> authenticate(Context ctx);
}

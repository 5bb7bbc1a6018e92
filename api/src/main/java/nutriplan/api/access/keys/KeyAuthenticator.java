package nutriplan.api.access.keys;

import java.util.Objects;
import java.util.Optional;

import io.javalin.http.Context;

import nutriplan.api.access.Authenticator;
import nutriplan.api.access.Caller;
import nutriplan.api.access.UnauthenticatedException;

/**
 * An API key in {@code Authorization: Bearer <key>}. A request with an {@code Authorization} header is a key
 * request whatever else it carries: a header in another scheme, or a bearer token that is not a valid key, proves
 * nothing (401), never falls back to a session cookie.
 */
public final class KeyAuthenticator implements Authenticator {

    private static final String BEARER = "bearer ";

    private final KeyService keys;

    public KeyAuthenticator(KeyService keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Optional<Caller> authenticate(Context ctx) {
        var header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("Authorization without a bearer token");
        }
        return Optional.of(keys.authenticate(header.substring(BEARER.length()).strip()));
    }
}

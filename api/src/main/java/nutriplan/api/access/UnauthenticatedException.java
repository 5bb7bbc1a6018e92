package nutriplan.api.access;

/**
 * A route that needs a credential was called without one, or with one that proves nothing (401 {@code unauthenticated}
 * with {@code WWW-Authenticate}). One message for missing, malformed, unknown, revoked and expired credentials alike.
 */
public final class UnauthenticatedException extends RuntimeException {

    /** The answer's message: what to send, never which check failed. */
    public static final String MESSAGE = "a valid credential is required: an API key as \"Authorization: Bearer <key>\","
            + " or a session from signing in";

    public UnauthenticatedException() {
        super(MESSAGE, null, false, false);
    }
}

package nutriplan.api.access;

/**
 * A route that needs a credential was called without one, or with one that proves nothing (401 {@code unauthenticated}
 * with {@code WWW-Authenticate}). One message for missing, malformed, unknown, revoked and expired credentials alike;
 * the reason is for the security log only.
 */
public final class UnauthenticatedException extends RuntimeException {

    /** The answer's message: what to send, never which check failed. */
    public static final String MESSAGE = "a valid credential is required: an API key as \"Authorization: Bearer <key>\","
            + " or a session from signing in";

    private final transient String reason;

    /** No credential at all. */
    public UnauthenticatedException() {
        this(null);
    }

    /**
     * A credential that proved nothing.
     *
     * @param reason why, for the security log ("malformed key", "revoked key np1a2b…"): never the credential itself
     */
    public UnauthenticatedException(String reason) {
        super(MESSAGE, null, false, false);
        this.reason = reason;
    }

    /** Why a credential failed; null when none was sent. */
    public String reason() {
        return reason;
    }

    /** True when a credential was sent and failed: what counts towards the address's limit. */
    public boolean credentialFailed() {
        return reason != null;
    }
}

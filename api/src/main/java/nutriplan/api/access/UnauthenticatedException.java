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
    private final boolean guess;

    /** No credential at all. */
    public UnauthenticatedException() {
        this(null, false);
    }

    /**
     * A credential that proved nothing, and may be a guess: it counts against its address.
     *
     * @param reason why, for the security log ("malformed key", "revoked key np1a2b…"): never the credential itself
     */
    public UnauthenticatedException(String reason) {
        this(reason, true);
    }

    private UnauthenticatedException(String reason, boolean guess) {
        super(MESSAGE, null, false, false);
        this.reason = reason;
        this.guess = guess;
    }

    /**
     * A credential that once proved someone and no longer does (an ended session's cookie): refused, never counted
     * as a guess, so that a tab left open past its timeout cannot get its address refused.
     */
    public static UnauthenticatedException stale(String reason) {
        return new UnauthenticatedException(reason, false);
    }

    /** True when the failure counts against the address. */
    public boolean guess() {
        return guess;
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

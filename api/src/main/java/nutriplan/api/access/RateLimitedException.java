package nutriplan.api.access;

/** Too many failed authentications from one address (or sign-ins to one account): 429 with {@code Retry-After}. */
public final class RateLimitedException extends RuntimeException {

    private final int retryAfterSeconds;

    public RateLimitedException(String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

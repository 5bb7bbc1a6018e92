package nutriplan.api.errors;

/**
 * The solver pool is full, or a request waited too long for a solver (503 {@code busy} in API.md,
 * with {@code Retry-After}). It is back-pressure, not a fault: the same request may succeed later.
 *
 * @see ErrorJson#of(Exception)
 */
public final class BusyException extends RuntimeException {

    private final int retryAfterSeconds;

    /**
     * @param message           why, in words a caller can act on
     * @param retryAfterSeconds when to try again, for the {@code Retry-After} header
     */
    public BusyException(String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

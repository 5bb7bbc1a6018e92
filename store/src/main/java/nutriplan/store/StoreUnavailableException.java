package nutriplan.store;

/**
 * The store cannot take the change now — it is unreachable, or another writer holds the catalog for longer than a
 * request waits — and nothing was changed (HTTP 503 with {@code Retry-After}).
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package nutriplan.store;

import java.util.function.Supplier;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;

/**
 * The store cannot take the change now — it is unreachable, or another writer holds the catalog for longer than a
 * request waits — and nothing was changed (HTTP 503 with {@code Retry-After}).
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs a store operation; a server that cannot be reached becomes this exception, while a server's answer (a
     * write refused, say a duplicate key) is left for the caller to decide on.
     */
    public static <T> T unlessUnreachable(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoWriteException e) {
            throw e;
        } catch (MongoException e) {
            throw new StoreUnavailableException("the catalog store is unavailable: " + e.getMessage(), e);
        }
    }
}

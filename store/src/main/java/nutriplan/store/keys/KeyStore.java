package nutriplan.store.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys, in the same store as the catalogs, so that every replica sees a new key, a rotation and a revocation
 * (each replica re-reads a key it holds at least once per catalog poll interval). Keys are kept only as digests.
 *
 * <p>A change that returned has been made durable, as a catalog change is. Every method may throw
 * {@link nutriplan.store.StoreUnavailableException} when the store cannot be reached. Thread-safe.
 */
public interface KeyStore {

    /** Every key, revoked and expired ones included, oldest first. */
    List<StoredKey> keys();

    Optional<StoredKey> key(String id);

    /** Adds the key; {@link nutriplan.store.StoreConflictException} when its id is taken. */
    void create(StoredKey key);

    /**
     * Rotates: makes the old key expire at {@code oldExpires} (its grace period; never later than it would), naming
     * its replacement, and adds the replacement. False, and nothing changed, when there is no such key that is active
     * at {@code now} and not rotated already: of two rotations at once, or a rotation and a revocation, one wins.
     */
    boolean rotate(String id, Instant now, Instant oldExpires, StoredKey replacement);

    /** Revokes a key not yet revoked; false when there is none. */
    boolean revoke(String id, Instant at);

    /** Records a use. Not forced to disk: losing it in a crash only makes "last used" a minute older. */
    void touch(String id, Instant lastUsed);
}

package nutriplan.store;

/**
 * A write that would lose or contradict another one, and so changed nothing (HTTP 409 {@code conflict}): a
 * stale {@code If-Match} version, or a catalog name already taken.
 */
public final class StoreConflictException extends RuntimeException {

    private final long currentVersion;

    public StoreConflictException(String message, long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    static StoreConflictException staleVersion(String catalog, long expected, long current) {
        return new StoreConflictException("catalog \"" + catalog + "\" is at version " + current + ", not " + expected
                + "; read it again and repeat the change on the current version", current);
    }

    /** The catalog's version when the conflict was found (0 when it does not apply). */
    public long currentVersion() {
        return currentVersion;
    }
}

package nutriplan.store;

/**
 * A write that would lose or contradict another one, and so changed nothing (HTTP 409 {@code conflict}): a
 * stale {@code If-Match} version, or a catalog name already taken.
 */
public final class StoreConflictException extends RuntimeException {

    private final String field;
    private final long currentVersion;

    private StoreConflictException(String field, String message, long currentVersion) {
        super(message);
        this.field = field;
        this.currentVersion = currentVersion;
    }

    /** A name (a catalog's, a user's, a key's id) that is taken: the field that named it. */
    public static StoreConflictException taken(String field, String message) {
        return new StoreConflictException(field, message, 0);
    }

    /** The field of the request at fault: "If-Match" for a stale version, else the name that is taken. */
    public String field() {
        return field;
    }

    static StoreConflictException staleVersion(String catalog, long expected, long current) {
        return new StoreConflictException("If-Match", "catalog \"" + catalog + "\" is at version " + current + ", not "
                + expected + "; read it again and repeat the change on the current version", current);
    }

    /** The catalog's version when the conflict was found (0 when it does not apply). */
    public long currentVersion() {
        return currentVersion;
    }
}

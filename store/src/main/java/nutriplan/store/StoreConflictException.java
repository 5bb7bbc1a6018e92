package nutriplan.store;

/**
 * A write that would lose or contradict another one, and so changed nothing (HTTP 409 {@code conflict}): a
 * stale {@code If-Match} version ({@link #field()} "If-Match"), a name already taken ("name"), a tag that names
 * another version already ("tag"), or a revert to the content the catalog has already ("to").
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

    /**
     * The field of the request at fault: "If-Match" for a stale version, "to" for a revert that would change
     * nothing, "tag" for a tag naming another version, else the name that is taken.
     */
    public String field() {
        return field;
    }

    static StoreConflictException staleVersion(String catalog, long expected, long current) {
        return new StoreConflictException("If-Match", "catalog \"" + catalog + "\" is at version " + current + ", not "
                + expected + "; read it again and repeat the change on the current version", current);
    }

    /** A revert to content the catalog has already: it would make a version that changes nothing. */
    static StoreConflictException nothingToChange(String catalog, long to, long current) {
        return new StoreConflictException("to", "catalog \"" + catalog + "\" at version " + current
                + " holds what version " + to + " held already; a revert would change nothing, so none was made", current);
    }

    /** Tags never move: to name another version, remove the tag first. */
    static StoreConflictException tagTaken(String catalog, String tag, long tagged, long wanted) {
        return new StoreConflictException("tag", "tag \"" + tag + "\" of catalog \"" + catalog + "\" names version "
                + tagged + ", not " + wanted + ": a tag never moves; remove it first, or choose another name", 0);
    }

    /** The catalog's version when the conflict was found (0 when it does not apply). */
    public long currentVersion() {
        return currentVersion;
    }
}

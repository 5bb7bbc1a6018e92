package nutriplan.store;

/**
 * The catalog, the product in it, the version or the tag does not exist (HTTP 404 {@code not_found}); {@link #field()}
 * names which.
 */
public final class NotInStoreException extends RuntimeException {

    private final String field;

    /** @param field what is missing, as the request names it: "catalog", "id", "version" or "tag" */
    public NotInStoreException(String field, String message) {
        super(message);
        this.field = field;
    }

    static NotInStoreException catalog(String name) {
        return new NotInStoreException("catalog", "no catalog named \"" + name + "\"");
    }

    static NotInStoreException product(String catalog, String id) {
        return new NotInStoreException("id", "no product \"" + id + "\" in catalog \"" + catalog + "\"");
    }

    /** A version that is not kept: never made yet, pruned by the retention, or from before versions had records. */
    static NotInStoreException version(String catalog, long version, long current) {
        var why = version > current ? "it is at version " + current
                : version < 1 ? "versions start at 1"
                : "that version is not kept (pruned by the retention, or made before every version was recorded)";
        return new NotInStoreException("version", "catalog \"" + catalog + "\" has no version " + version + ": " + why);
    }

    static NotInStoreException tag(String catalog, String tag) {
        return new NotInStoreException("tag", "catalog \"" + catalog + "\" has no tag \"" + tag + "\"");
    }

    /** A product id the catalog never had (as far as its kept history goes). */
    static NotInStoreException neverHad(String catalog, String id) {
        return new NotInStoreException("id", "catalog \"" + catalog + "\" never had a product \"" + id + "\" in the versions it keeps");
    }

    public String field() {
        return field;
    }
}

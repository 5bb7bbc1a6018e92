package nutriplan.store;

/** The catalog, or the product in it, does not exist (HTTP 404 {@code not_found}). */
public final class NotInStoreException extends RuntimeException {

    private final String field;

    /** @param field what is missing, as the request names it: "catalog" or "id" */
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

    public String field() {
        return field;
    }
}

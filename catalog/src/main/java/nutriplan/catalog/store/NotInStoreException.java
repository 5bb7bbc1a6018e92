package nutriplan.catalog.store;

/** The catalog, or the product in it, does not exist (HTTP 404 {@code not_found}). */
public final class NotInStoreException extends RuntimeException {

    public NotInStoreException(String message) {
        super(message);
    }

    static NotInStoreException catalog(String name) {
        return new NotInStoreException("no catalog named \"" + name + "\"");
    }

    static NotInStoreException product(String catalog, String id) {
        return new NotInStoreException("no product \"" + id + "\" in catalog \"" + catalog + "\"");
    }
}

package nutriplan.api.catalogs;

/**
 * The catalog directory cannot be used: it is missing, or a file in it is not a valid catalog.
 * This is a fault of the installation, not of a request, so it is not one of API.md's 4xx errors.
 */
public final class CatalogDirectoryException extends RuntimeException {

    public CatalogDirectoryException(String message) {
        super(message);
    }
}

package nutriplan.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.product.Product;
import nutriplan.store.keys.KeyStore;
import nutriplan.store.users.UserStore;

/**
 * Where catalogs live, with versions. Every change is all or nothing and bumps the catalog's version by one; a
 * change given an expected version ({@code If-Match}) fails with {@link StoreConflictException} and changes
 * nothing when the catalog has moved on. A change that returned has been made durable. Readers never see a change
 * half made.
 *
 * <p>Every method may throw {@link StoreUnavailableException} when the store cannot be reached; reads of
 * catalogs that do not exist throw {@link NotInStoreException}. Thread-safe.
 */
public interface CatalogStore extends AutoCloseable {

    /** Every catalog, by name. */
    List<CatalogInfo> catalogs();

    /** Each catalog's current version, by name: cheap, for polling. */
    Map<String, Long> versions();

    /** The catalog at its current version, whole. */
    StoredCatalog snapshot(String catalog);

    /** One product of the catalog at its current version. */
    Optional<Product> product(String catalog, String id);

    /** Adds the product, or replaces the one with its id. */
    CatalogInfo put(String catalog, Product product, OptionalLong expectedVersion);

    /** Removes a product; {@link NotInStoreException} if there is none with that id. */
    CatalogInfo delete(String catalog, String id, OptionalLong expectedVersion);

    /** Adds or replaces every product at once: all of them, or (on any failure) none. */
    CatalogInfo importProducts(String catalog, List<Product> products, OptionalLong expectedVersion);

    /** A new catalog at version 1 holding these products; {@link StoreConflictException} if the name is taken. */
    CatalogInfo create(String catalog, List<Product> products);

    /**
     * Imports the given catalogs when the store holds none at all (a fresh store); otherwise does nothing, so edits
     * are never overwritten. Returns the names it created.
     */
    List<String> seedIfEmpty(List<Catalog> catalogs);

    /** The users, their sessions and the setup token, in the same database (every replica sees them). */
    UserStore users();

    /** The API keys, in the same database (every replica sees them). */
    KeyStore keys();

    /** Whether the store answers now. */
    boolean isReachable();

    @Override
    void close();
}

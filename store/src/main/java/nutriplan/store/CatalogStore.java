package nutriplan.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

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
 * <p>Every version is kept (unless a {@link Retention} prunes old untagged ones) with its record — author, time,
 * request, message and the products it added, changed and removed — and can be read again as it was
 * ({@link #snapshot(String, long)}), listed ({@link #versions(String, long, int)}), named by a tag, or restored by a
 * {@link #revert revert} (a new version with an old one's content). A version becomes visible with its record, never
 * without it.
 *
 * <p>Every method may throw {@link StoreUnavailableException} when the store cannot be reached (or another writer
 * holds the catalog for too long); reads of catalogs, products, versions or tags that do not exist throw
 * {@link NotInStoreException}. Thread-safe.
 */
public interface CatalogStore extends AutoCloseable {

    /** A tag's name: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64. */
    Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** Every catalog, by name. */
    List<CatalogInfo> catalogs();

    /** Each catalog's current version, by name: cheap, for polling. */
    Map<String, Long> versions();

    /** The catalog at its current version, whole. */
    StoredCatalog snapshot(String catalog);

    /**
     * The catalog as it was at {@code version}, whole (its info's {@code updatedAt} is when that version was made).
     *
     * @throws NotInStoreException on "version" for a version not made yet, below 1, or not kept
     */
    StoredCatalog snapshot(String catalog, long version);

    /** One product of the catalog at its current version. */
    Optional<Product> product(String catalog, String id);

    /**
     * One product as it was at {@code version}: empty when the catalog did not hold it then.
     *
     * @throws NotInStoreException on "version" as {@link #snapshot(String, long)} does
     */
    Optional<Product> product(String catalog, String id, long version);

    /**
     * The records of the catalog's kept versions below {@code beforeVersion}, newest first, at most {@code limit}
     * (a page: the next one starts below the last version of this one; {@code Long.MAX_VALUE} for the first).
     *
     * @param limit 1 or more
     */
    List<VersionInfo> versions(String catalog, long beforeVersion, int limit);

    /**
     * One product's history, newest first: each kept version that added, changed or removed it, with the product as
     * it became (null when removed) and the version's record. A product put unchanged has no entry.
     *
     * @throws NotInStoreException on "id" for an id the catalog never had
     */
    List<ProductRevision> history(String catalog, String id);

    /** Adds the product, or replaces the one with its id; a product put as it is changes none (the version still moves). */
    CatalogInfo put(String catalog, Product product, Change change, OptionalLong expectedVersion);

    /** Removes a product; {@link NotInStoreException} if there is none with that id. */
    CatalogInfo delete(String catalog, String id, Change change, OptionalLong expectedVersion);

    /** Adds or replaces every product at once: all of them, or (on any failure) none. */
    CatalogInfo importProducts(String catalog, List<Product> products, Change change, OptionalLong expectedVersion);

    /**
     * A new version whose content equals version {@code to}'s: the products changed since are put back as they were
     * (in their old places), those removed since are added again, those added since are removed. All or nothing, as an
     * import; the old versions stay as they were.
     *
     * @throws NotInStoreException    on "version" when {@code to} is not a kept version below the current one
     * @throws StoreConflictException on "If-Match" for a stale {@code expectedVersion}, or on "to" when the catalog
     *                                holds version {@code to}'s content already (a revert would change nothing)
     */
    CatalogInfo revert(String catalog, long to, Change change, OptionalLong expectedVersion);

    /** A new catalog at version 1 holding these products; {@link StoreConflictException} if the name is taken. */
    CatalogInfo create(String catalog, List<Product> products, Change change);

    /**
     * Imports the given catalogs when the store holds none at all (a fresh store); otherwise does nothing, so edits
     * are never overwritten. Returns the names it created.
     */
    List<String> seedIfEmpty(List<Catalog> catalogs, Change change);

    /**
     * Removes the catalog with its whole history: its products, every version's record and its tags. A crash midway
     * leaves it invisible, and its remains are removed when a catalog of that name is created again.
     *
     * @throws NotInStoreException on "catalog" when there is none of that name
     */
    void deleteCatalog(String catalog);

    /**
     * Names a kept version. Tags never move: tagging again with the version a tag names already changes nothing
     * (false); a tag naming another version is a {@link StoreConflictException} on "tag" (remove it first). A tagged
     * version is never pruned by a {@link Retention}. Tagging does not change the catalog's version.
     *
     * @param tag matching {@link #TAG}, else a {@link nutriplan.catalog.json.InvalidInputException} on "tag"
     * @return whether the tag is new
     * @throws NotInStoreException on "version" when {@code version} is not a kept version
     */
    boolean tag(String catalog, String tag, long version);

    /** Removes a tag (the version stays); false when the catalog has no such tag. */
    boolean untag(String catalog, String tag);

    /** The catalog's tags and the versions they name, by name. */
    Map<String, Long> tags(String catalog);

    /**
     * The version a tag names.
     *
     * @throws NotInStoreException on "tag" when the catalog has no such tag
     */
    long tagged(String catalog, String tag);

    /** The users, their sessions and the setup token, in the same database (every replica sees them). */
    UserStore users();

    /** The API keys, in the same database (every replica sees them). */
    KeyStore keys();

    /** Whether the store answers now. */
    boolean isReachable();

    @Override
    void close();
}

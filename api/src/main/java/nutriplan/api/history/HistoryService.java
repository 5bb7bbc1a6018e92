package nutriplan.api.history;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import nutriplan.api.catalogs.Author;
import nutriplan.api.catalogs.CatalogService;
import nutriplan.api.errors.NotFoundException;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogDiff;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.store.CatalogStore;
import nutriplan.store.Change;
import nutriplan.store.ProductRevision;
import nutriplan.store.VersionInfo;

/**
 * A catalog's history: its versions with who made them and why, one product's revisions, what changed between two
 * versions, tags, a revert (a new version with an old one's content) and deletion. Reads go to the store, which keeps
 * every version; changes refresh the snapshots plans use, through the catalog service.
 */
public final class HistoryService {

    /** A version in a query: a number, or a tag's name. */
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 200;

    private final CatalogStore store;
    private final CatalogService catalogs;

    public HistoryService(CatalogStore store, CatalogService catalogs) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
    }

    /** A page of the catalog's versions, newest first, below {@code before}. */
    public List<VersionInfo> versions(String catalog, long before, int limit) {
        catalogs.catalog(catalog); // 404 for an unknown catalog
        return store.versions(catalog, before, limit);
    }

    public List<ProductRevision> history(String catalog, String id) {
        catalogs.catalog(catalog);
        return store.history(catalog, id);
    }

    /**
     * The catalog at a version given as a number or a tag's name ("12", "race-2026"), from the bounded cache of old
     * versions pinned plans use: a diff clicked twice reads the store once.
     */
    public Catalog at(String catalog, String field, String version) {
        requireVersion(field, version);
        return catalogs.catalog(catalog, version);
    }

    /** Two versions compared: their numbers and what changed from the one to the other. */
    public record Compared(long from, long to, CatalogDiff diff) {
    }

    /** What changed from {@code from} to {@code to} (null: the current version). */
    public Compared diff(String catalog, String from, String to) {
        var older = at(catalog, "from", from);
        var newer = to == null ? catalogs.catalog(catalog) : at(catalog, "to", to);
        return new Compared(older.version(), newer.version(), CatalogDiff.between(older, newer));
    }

    /** A new version whose content is version {@code to}'s. */
    public Catalog revert(Author author, String catalog, String to, OptionalLong expectedVersion) {
        catalogs.catalog(catalog);
        var version = version(catalog, "to", to);
        store.revert(catalog, version, new Change(author.id(), author.requestId(), author.message()), expectedVersion);
        return catalogs.refreshed(catalog);
    }

    /** Names a version; true when the tag is new. */
    public boolean tag(String catalog, String tag, long version) {
        catalogs.catalog(catalog);
        return store.tag(catalog, tag, version);
    }

    public void untag(String catalog, String tag) {
        catalogs.catalog(catalog);
        if (!store.untag(catalog, tag)) {
            throw new NotFoundException("tag", "catalog \"" + catalog + "\" has no tag \"" + shortened(tag) + "\"");
        }
    }

    public long tagged(String catalog, String tag) {
        catalogs.catalog(catalog);
        return store.tagged(catalog, tag);
    }

    public java.util.Map<String, Long> tags(String catalog) {
        catalogs.catalog(catalog);
        return store.tags(catalog);
    }

    /** Removes the catalog with its whole history. */
    public void delete(String catalog) {
        catalogs.catalog(catalog);
        store.deleteCatalog(catalog);
        catalogs.forget(catalog);
    }

    private long version(String catalog, String field, String text) {
        requireVersion(field, text);
        return NUMBER.matcher(text).matches() ? Long.parseLong(text) : store.tagged(catalog, text);
    }

    /** A version number or a tag's name, else a 400 naming the field. */
    private static void requireVersion(String field, String text) {
        if (text == null) {
            throw InvalidInputException.of(field, "is required: a version number or a tag's name");
        }
        if (!NUMBER.matcher(text).matches() && !CatalogStore.TAG.matcher(text).matches()) {
            throw InvalidInputException.of(field, "\"" + shortened(text) + "\" is neither a version number nor a tag's name");
        }
    }

    private static String shortened(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}

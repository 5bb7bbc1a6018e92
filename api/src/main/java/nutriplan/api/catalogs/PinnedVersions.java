package nutriplan.api.catalogs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import nutriplan.catalog.Catalog;
import nutriplan.store.CatalogStore;
import nutriplan.store.NotInStoreException;

/**
 * Catalogs as they were at a version, for plans pinned to one ({@code "default@12"}, {@code "default@race-2026"}):
 * read from the store once, then held in a bounded cache (the {@value #CAPACITY} most recently used versions), so a
 * pinned plan costs what a current one does. Old versions never change, so a cached one is never stale; a tag is
 * resolved by the store each time (tags may be removed), which costs one small read.
 */
final class PinnedVersions {

    /** How many old versions are held: a 5,000-product catalog is a few MB (docs/benchmarks.md). */
    static final int CAPACITY = 32;
    /** "default@12", "default@race-2026": a name, '@', and a version number or a tag. */
    private static final Pattern REFERENCE = Pattern.compile("([^@]+)@([^@]+)");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

    private final CatalogStore store;
    private final Map<String, Catalog> held = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Catalog> eldest) {
            return size() > CAPACITY;
        }
    };

    PinnedVersions(CatalogStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** True for "name@version" and "name@tag". */
    static boolean isPinned(String reference) {
        return REFERENCE.matcher(reference).matches();
    }

    /**
     * The catalog a pinned reference names, or null when there is no such catalog, version or tag.
     *
     * @param current the current snapshot of a catalog by name (null: none), which a pin to the current version uses
     */
    Catalog find(String reference, Function<String, Catalog> current) {
        var match = REFERENCE.matcher(reference);
        if (!match.matches()) {
            return null;
        }
        var name = match.group(1);
        var at = match.group(2);
        try {
            long version = NUMBER.matcher(at).matches() ? Long.parseLong(at) : store.tagged(name, at);
            var now = current.apply(name);
            if (now != null && now.version() == version) {
                return now;
            }
            return cached(name + "@" + version, () -> store.snapshot(name, version).catalog());
        } catch (NotInStoreException unknown) {
            return null;
        }
    }

    private Catalog cached(String key, java.util.function.Supplier<Catalog> read) {
        synchronized (held) {
            var catalog = held.get(key);
            if (catalog != null) {
                return catalog;
            }
        }
        var catalog = read.get(); // outside the lock: a slow read does not hold up cached ones
        synchronized (held) {
            held.put(key, catalog);
        }
        return catalog;
    }
}

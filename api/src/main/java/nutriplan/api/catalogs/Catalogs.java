package nutriplan.api.catalogs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import nutriplan.catalog.Catalog;

/** The stored catalogs a plan request may name. Implementations are safe to call from several threads. */
public interface Catalogs {

    /** The name an inline catalog (a plan request's {@code products}) gets; no stored catalog may carry it. */
    String INLINE_CATALOG = "inline";

    /**
     * The stored catalog with this name — or, where versions are kept, as it was at a version or tag
     * ("default@12", "default@race-2026") — or null when there is none.
     */
    Catalog find(String name);

    /** Every stored catalog, in a stable order. */
    List<Catalog> all();

    /** These catalogs, keyed by their names. */
    static Catalogs of(List<Catalog> catalogs) {
        var byName = new LinkedHashMap<String, Catalog>();
        catalogs.forEach(catalog -> byName.put(catalog.name(), catalog));
        var all = List.copyOf(byName.values());
        var index = Map.copyOf(byName);
        return new Catalogs() {
            @Override
            public Catalog find(String name) {
                return index.get(name);
            }

            @Override
            public List<Catalog> all() {
                return all;
            }
        };
    }

    /**
     * These catalogs, each held as it is first found (or found missing) for every later find: what a batch of plan
     * requests reads, so that a catalog changed while the batch runs gives no two versions within one answer.
     */
    static Catalogs pinned(Catalogs catalogs) {
        Objects.requireNonNull(catalogs, "catalogs");
        var found = new ConcurrentHashMap<String, Optional<Catalog>>();
        return new Catalogs() {
            @Override
            public Catalog find(String name) {
                return found.computeIfAbsent(name, key -> Optional.ofNullable(catalogs.find(key))).orElse(null);
            }

            @Override
            public List<Catalog> all() {
                return catalogs.all().stream().map(catalog -> find(catalog.name())).filter(Objects::nonNull).toList();
            }
        };
    }

    /**
     * Catalogs loaded on first use. The command line uses it so that a request with inline products
     * never reads {@code data/catalogs} and so works from any directory.
     */
    static Catalogs loadedOnFirstUse(Supplier<? extends Catalogs> loader) {
        Objects.requireNonNull(loader, "loader");
        return new Catalogs() {
            private Catalogs loaded;

            @Override
            public synchronized Catalog find(String name) {
                return loaded().find(name);
            }

            @Override
            public synchronized List<Catalog> all() {
                return loaded().all();
            }

            private Catalogs loaded() {
                if (loaded == null) {
                    loaded = loader.get();
                }
                return loaded;
            }
        };
    }
}

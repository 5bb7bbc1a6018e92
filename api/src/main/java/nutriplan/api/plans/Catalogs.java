package nutriplan.api.plans;

import java.util.Objects;
import java.util.function.Supplier;

import nutriplan.catalog.Catalog;

/** The stored catalogs a plan request may name. Implementations are safe to call from several threads. */
@FunctionalInterface
public interface Catalogs {

    /** The stored catalog with this name, or null when there is none. */
    Catalog find(String name);

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
                if (loaded == null) {
                    loaded = loader.get();
                }
                return loaded.find(name);
            }
        };
    }
}

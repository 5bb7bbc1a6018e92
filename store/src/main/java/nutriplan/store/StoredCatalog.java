package nutriplan.store;

import java.util.Objects;

import nutriplan.catalog.Catalog;

/** One version of a stored catalog, whole: an immutable snapshot the planner can use without the store. */
public record StoredCatalog(CatalogInfo info, Catalog catalog) {

    public StoredCatalog {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(catalog, "catalog");
    }

    public String name() {
        return info.name();
    }

    public long version() {
        return info.version();
    }
}

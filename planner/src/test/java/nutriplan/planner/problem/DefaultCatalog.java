package nutriplan.planner.problem;

import java.nio.file.Path;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;

/** The repository's default catalog, as the service serves it. */
public final class DefaultCatalog {

    private static final Catalog CATALOG = CatalogFiles.read(Path.of("..", "data", "catalogs", "default.json")).catalog();

    private DefaultCatalog() {
    }

    public static Catalog get() {
        return CATALOG;
    }
}

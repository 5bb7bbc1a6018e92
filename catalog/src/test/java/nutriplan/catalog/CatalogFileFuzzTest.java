package nutriplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nutriplan.catalog.json.Finding;

/**
 * Coverage-guided fuzzing of catalog files, read and validated as {@code check-catalog} and a catalog import read
 * them: any bytes give findings, never an exception; every product read is sane (finite, non-negative amounts, a
 * positive serving), and a valid catalog survives the round trip a catalog file promises (written, then read back:
 * the same products, no errors). Seeds: {@code CatalogFileFuzzTestInputs/}, taken from {@code data/catalogs}.
 */
class CatalogFileFuzzTest {

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"\"name\"", "\"products\"", "\"id\"", "\"kind\"", "\"serving\"", "\"nutrients\"", "\"tags\"",
            "\"maxServings\"", "\"price\"", "\"amount\"", "\"currency\"", "\"source\"", "\"brand\"", "\"preparation\"",
            "\"water\"", "\"carbohydrateType\"", "\"multiple-transportable\"", "\"energy\"", "\"carbohydrate\"",
            "\"protein\"", "\"fat\"", "\"fluid\"", "\"sodium\"", "\"potassium\"", "\"magnesium\"", "\"calcium\"",
            "\"caffeine\"", "\"drink\"", "\"powder\"", "\"gel\"", "\"chew\"", "\"bar\"", "\"shake\"", "\"food\"",
            "\"supplement\"", "\"caffeine-free\"", "\"40 g\"", "\"500 mL\"", "\"40 mmol\"", "\"100 kcal\"", "null", "1e308"})
    void any_file_gives_findings_and_sane_products_that_survive_the_round_trip(byte[] input) {
        var checked = CatalogFiles.parse(input, "fuzz");

        assertThat(checked.findings()).allSatisfy(finding -> assertThat(finding.message()).isNotBlank());
        for (var product : checked.catalog().products()) {
            product.nutrients().values().forEach(amount -> {
                if (amount != null) {
                    assertThat(amount).isFinite().isGreaterThanOrEqualTo(0.0);
                }
            });
            assertThat(product.serving().value()).isFinite().isPositive();
        }
        if (!checked.isValid()) {
            return;
        }
        var written = CatalogFiles.write(checked.catalog());
        var reread = CatalogFiles.parse(written.getBytes(StandardCharsets.UTF_8), "fuzz");
        assertThat(reread.findings()).filteredOn(Finding::isError).as(written).isEmpty();
        assertThat(reread.catalog().products()).as(written).isEqualTo(checked.catalog().products());
    }
}

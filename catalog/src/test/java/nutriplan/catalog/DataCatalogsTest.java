package nutriplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nutriplan.catalog.json.Finding;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;

/** The catalog files in data/ are tested like code: a bad product fails the build naming file, id and field. */
class DataCatalogsTest {

    static final Path CATALOGS = Path.of("..", "data", "catalogs");

    static Stream<Path> catalogFiles() throws IOException {
        try (var files = Files.list(CATALOGS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogFiles")
    void every_catalog_file_passes_strict_checking(Path file) {
        var findings = CatalogFiles.read(file).findings();

        assertThat(findings.stream().map(finding -> finding.toLine(file.toString())).toList())
                .as("findings in %s (errors and warnings both fail: data/ passes --strict)", file)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogFiles")
    void every_catalog_file_survives_a_write_read_round_trip(Path file) {
        var catalog = CatalogFiles.read(file).catalog();

        var written = CatalogFiles.write(catalog);
        var reread = CatalogFiles.parse(written.getBytes(StandardCharsets.UTF_8), "unused");

        assertThat(reread.findings()).extracting(Finding::message).isEmpty();
        assertThat(reread.catalog()).isEqualTo(catalog);
        assertThat(CatalogFiles.write(reread.catalog())).isEqualTo(written);
    }

    @Test
    void no_default_product_taken_mixed_or_dry_leaves_out_its_preparation() {
        var products = CatalogFiles.read(CATALOGS.resolve("default.json")).catalog().products();

        assertThat(products).filteredOn(p -> p.kind() == Kind.POWDER || p.kind() == Kind.SUPPLEMENT).isNotEmpty()
                .allSatisfy(product -> assertThat(product.preparation()).as("preparation of %s", product.id()).isNotNull());
        assertThat(products).filteredOn(p -> p.kind() == Kind.POWDER)
                .allSatisfy(powder -> assertThat(powder.amount(Nutrient.FLUID)).as("fluid of %s as drunk", powder.id())
                        .isGreaterThanOrEqualTo(250));
    }

    @Test
    void every_sports_product_with_carbohydrate_gives_its_carbohydrate_type_and_the_source_says_where_from() {
        var products = CatalogFiles.read(CATALOGS.resolve("default.json")).catalog().products();

        assertThat(products).filteredOn(p -> p.brand() != null && (p.amount(Nutrient.CARBOHYDRATE) > 0 || p.isUnknown(Nutrient.CARBOHYDRATE)))
                .hasSizeGreaterThanOrEqualTo(28)
                .allSatisfy(product -> {
                    assertThat(product.carbohydrateType()).as("carbohydrate type of %s", product.id()).isNotNull();
                    assertThat(product.source()).as("source of %s", product.id()).contains("Carbohydrate type: ");
                });
    }

    @Test
    void the_default_catalog_has_the_sports_products_and_foods_it_promises() {
        var products = CatalogFiles.read(CATALOGS.resolve("default.json")).catalog().products();

        // Everyday foods carry no brand; sports products do.
        var foods = products.stream().filter(p -> p.brand() == null).count();
        assertThat(products.size() - foods).as("sports products").isGreaterThanOrEqualTo(30);
        assertThat(foods).as("everyday foods").isGreaterThanOrEqualTo(25);
        assertThat(products.get(0).brand()).startsWith("Gatorade");
        assertThat(products).allSatisfy(product -> assertThat(product.source())
                .as("source of %s", product.id())
                .matches("(label|USDA SR Legacy|secondary|estimate): .+"));
        assertThat(products).extracting(p -> p.kind()).contains(Kind.DRINK, Kind.GEL, Kind.CHEW, Kind.BAR, Kind.POWDER, Kind.FOOD);
        // Unknown amounts stay null rather than being invented.
        assertThat(products).anyMatch(product -> product.isUnknown(Nutrient.SODIUM));
    }

    /**
     * How issue 15 counts a sports product (a branded one) as sourced from its maker: its source starts "label: ",
     * which docs/catalog.md reserves for values read from the maker's own page or its nutrition panel as reproduced
     * elsewhere. The count may grow, never fall.
     */
    @Test
    void the_sports_products_sourced_from_their_maker_are_those_whose_source_starts_with_label() {
        var products = CatalogFiles.read(CATALOGS.resolve("default.json")).catalog().products();

        var makerSourced = products.stream().filter(p -> p.brand() != null && p.source().startsWith("label: "))
                .map(Product::id).toList();

        assertThat(makerSourced).hasSizeGreaterThanOrEqualTo(MAKER_SOURCED.size()).containsAll(MAKER_SOURCED);
    }

    /**
     * A sports product's unknown sodium or carbohydrate is a gap the catalog knows about and says so in its source,
     * never a silent null: a new gap fails here, and a closed one must be taken off the list.
     */
    @Test
    void every_unknown_sodium_or_carbohydrate_of_a_sports_product_is_a_listed_gap_its_source_explains() {
        var products = CatalogFiles.read(CATALOGS.resolve("default.json")).catalog().products();

        var gaps = new ArrayList<String>();
        for (var product : products) {
            for (var nutrient : List.of(Nutrient.CARBOHYDRATE, Nutrient.SODIUM)) {
                if (product.brand() != null && product.isUnknown(nutrient)) {
                    gaps.add(product.id() + ": " + nutrient.jsonName());
                    assertThat(product.source()).as("source of %s", product.id())
                            .containsPattern("No maker figure for [a-z ]*" + nutrient.jsonName() + "[a-z ]* was found");
                }
            }
        }

        assertThat(gaps).containsExactlyInAnyOrderElementsOf(KNOWN_GAPS);
    }

    static final List<String> MAKER_SOURCED = List.of(
            "ph-1000-tablet", "skratch-sport-hydration", "skratch-hyper-hydration-mix", "lmnt-raw-unflavored-stick");

    static final List<String> KNOWN_GAPS = List.of(
            "gatorade-endurance-chews: sodium",
            "gatorade-protein-bar: carbohydrate", "gatorade-protein-bar: sodium",
            "gatorade-thirst-quencher-powder-scoop: sodium",
            "gu-energy-gel-caf40: carbohydrate",
            "maurten-gel-100-caf-100: sodium", "maurten-drink-mix-160: sodium", "maurten-drink-mix-320: sodium",
            "sis-go-isotonic-gel: sodium",
            "clif-bloks-sleeve: sodium", "clif-bloks-sleeve-caf50: sodium",
            "honey-stinger-waffle: carbohydrate", "honey-stinger-waffle: sodium",
            "ph-1000-tablet: carbohydrate");

    @Test
    void a_planted_bad_product_is_reported_with_file_id_and_field() throws IOException {
        var text = Files.readString(CATALOGS.resolve("default.json"))
                .replaceFirst("\"fluid\": \"591 mL\"", "\"fluid\": \"3 kg\"");
        var findings = CatalogFiles.parse(text.getBytes(StandardCharsets.UTF_8), "default").findings();

        assertThat(findings).extracting(finding -> finding.toLine("data/catalogs/default.json"))
                .containsExactly("data/catalogs/default.json: gatorade-thirst-quencher-20oz: nutrients.fluid: error: "
                        + "\"3 kg\" is a mass; fluid needs a volume such as \"3 L\"");
        assertThat(List.of(findings.get(0).path())).containsExactly("products[1].nutrients.fluid");
    }
}

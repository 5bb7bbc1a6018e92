package nutriplan.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.Finding;

/** One tiny catalog file per rule, each breaking that rule alone: the finding names the product and the field. */
class ProductRulesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/rules");

    @Test
    void the_valid_fixture_has_no_findings() {
        assertThat(CatalogFiles.read(FIXTURES.resolve("valid.json")).findings()).isEmpty();
    }

    @Test
    void a_powder_mixed_into_water_and_a_capsule_taken_dry_have_no_findings() {
        assertThat(CatalogFiles.read(FIXTURES.resolve("valid-prepared.json")).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing-kind                      | test-drink | kind                 | error   | is required
            id-not-a-slug                     | Test_Drink | id                   | error   | is not a slug
            duplicate-id                      | test-drink | id                   | error   | duplicate id "test-drink"
            unknown-kind                      | test-drink | kind                 | error   | unknown value "smoothie"; expected one of drink, powder
            serving-is-an-energy              | test-drink | serving              | error   | "100 kcal" is an energy; expected a mass such as "30 g" or a volume
            serving-is-zero                   | test-drink | serving              | error   | must be more than 0
            unknown-nutrient                  | test-drink | nutrients.sugar      | error   | unknown nutrient "sugar"
            derived-nutrient-listed           | test-drink | nutrients.singleSourceCarbohydrate | error | is derived from carbohydrate and carbohydrateType
            fluid-given-as-a-mass             | test-drink | nutrients.fluid      | error   | "3 kg" is a mass; fluid needs a volume such as "3 L"
            unknown-unit                      | test-drink | nutrients.carbohydrate | error | unknown unit "grams"
            negative-amount                   | test-drink | nutrients.sodium     | error   | "-300 mg" is negative
            non-finite-number                 | test-drink | nutrients.energy     | error   | must be a finite number
            fluid-above-volume-serving        | test-drink | nutrients.fluid      | error   | more than the serving of 500 mL
            macronutrients-above-mass-serving | test-bar   | nutrients            | error   | carbohydrate + protein + fat = 68 g, more than the serving of 60 g
            drink-without-fluid               | test-drink | nutrients.fluid      | error   | a drink must supply fluid
            caffeine-free-with-caffeine       | test-drink | tags                 | error   | tagged "caffeine-free" but has 50 mg of caffeine
            dairy-free-with-dairy             | test-drink | tags                 | error   | "dairy" and "dairy-free" contradict each other
            vegan-with-dairy                  | test-drink | tags                 | error   | "vegan" and "dairy" contradict each other
            tag-not-a-word                    | test-drink | tags[0]              | error   | "Caffeine Free" is not a tag
            max-servings-zero                 | test-drink | maxServings          | error   | must be from 1 to 1000, got 0
            max-servings-fractional           | test-drink | maxServings          | error   | must be a whole number from 1 to 1000, got 1.5
            unknown-field                     | test-drink | colour               | error   | unknown field "colour"
            not-json                          |            |                      | error   | is not valid JSON
            energy-far-from-macronutrients    | test-drink | nutrients.energy     | warning | 300 kcal is far from 4·carbohydrate + 4·protein + 9·fat = 120 kcal
            high-sodium                       | test-drink | nutrients.sodium     | warning | 2500 mg in one serving is unusually high
            high-caffeine                     | test-drink | nutrients.caffeine   | warning | 500 mg in one serving is above the 400 mg
            water-and-macronutrients-above-serving | test-bar | nutrients         | warning | water + carbohydrate + protein + fat = 77 g, well above the serving of 60 g
            macronutrients-within-rounding    | test-bar   | nutrients            | warning | = 100.01 g, more than the serving of 100 g (within rounding)
            no-source                         | test-drink | source               | warning | no source
            caffeine-tag-without-amount       | test-drink | nutrients.caffeine   | warning | tagged "caffeine" but gives no caffeine amount
            powder-without-preparation        | test-powder | preparation         | error   | a powder must say how it is taken
            tablet-without-preparation        | test-tablet | preparation         | error   | a supplement must say how it is taken
            preparation-without-water         | test-powder | preparation         | error   | says neither how much water a serving is mixed into
            preparation-water-and-dry         | test-powder | preparation         | error   | gives both "water" and "dry"
            preparation-water-a-mass          | test-powder | preparation.water   | error   | "355 g" is a mass
            drink-taken-dry                   | test-drink | preparation.dry      | error   | a drink is not taken dry
            prepared-fluid-counted-twice      | test-mix   | nutrients.fluid      | warning | 500 mL of fluid besides the 500 mL of water it is mixed into: the planner counts 1000 mL
            sports-product-without-carbohydrate-type | test-drink | carbohydrateType | warning | a sports product gives its carbohydrate type
            carbohydrate-type-unknown-value   | test-drink | carbohydrateType     | error   | must be multiple-transportable, single, or null when not known, got "fructose"
            carbohydrate-type-without-carbohydrate | test-drink | carbohydrateType | error  | is "single" but the product lists no carbohydrate
            use-not-given                     | test-drink | use                  | warning | does not say when the product is taken
            use-empty                         | test-drink | use                  | error   | lists no phase
            use-unknown-phase                 | test-drink | use[1]               | error   | must be one of before, during, after, got "race-day"
            use-twice                         | test-drink | use                  | error   | lists "during" twice
            """)
    void each_rule_reports_one_finding_naming_product_and_field(String fixture, String productId, String field,
                                                                 String severity, String message) {
        var file = FIXTURES.resolve(fixture + ".json");

        var findings = CatalogFiles.read(file).findings();

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.productId()).isEqualTo(productId);
        assertThat(finding.field()).isEqualTo(field == null ? "" : field);
        assertThat(finding.severity().toString()).isEqualTo(severity);
        assertThat(finding.message()).contains(message);
        assertThat(finding.toLine(file.toString()))
                .startsWith(file + ": " + (productId == null ? "-" : productId) + ": " + (field == null ? "-" : field) + ": " + severity + ": ");
    }

    @Test
    void findings_inside_a_catalog_carry_the_product_path() {
        var findings = CatalogFiles.read(FIXTURES.resolve("fluid-given-as-a-mass.json")).findings();

        assertThat(findings).extracting(Finding::path).containsExactly("products[0].nutrients.fluid");
    }
}

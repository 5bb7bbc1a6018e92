package nutriplan.catalog.nutrient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} of {1} is {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            20 fl oz   | fluid        | 591.4705912 | mL
            591 mL     | fluid        | 591         | mL
            1.2 L      | fluid        | 1200        | mL
            1 L        | fluid        | 1000        | mL
            750 ml     | fluid        | 750         | mL
            36 g       | carbohydrate | 36          | g
            0.036 kg   | carbohydrate | 36          | g
            0.0027 g   | caffeine     | 2.7         | mg
            270 mg     | sodium       | 270         | mg
            0.27 g     | sodium       | 270         | mg
            140 kcal   | energy       | 140         | kcal
            586 kJ     | energy       | 140.0573614 | kcal
            40 mmol    | sodium       | 919.6       | mg
            40 mmol    | potassium    | 1564        | mg
            36g        | carbohydrate | 36          | g
            '  36   g ' | carbohydrate | 36         | g
            .5 g       | fat          | 0.5         | g
            1e2 mg     | sodium       | 100         | mg
            0 g        | protein      | 0           | g
            """)
    void parses_every_example_into_the_canonical_unit(String text, String nutrient, double expected, String unit) {
        var parsed = Nutrient.fromJsonName(nutrient);

        assertThat(parsed.canonicalUnit()).isEqualTo(unit);
        assertThat(Quantities.parse(text, parsed)).isCloseTo(expected, within(1e-6));
    }

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            3 kg        | fluid        | "3 kg" is a mass; fluid needs a volume such as "3 L"
            500 mL      | carbohydrate | "500 mL" is a volume; carbohydrate needs a mass such as "500 g"
            40 mmol     | carbohydrate | "40 mmol" is an amount of substance; carbohydrate needs a mass such as "40 g"
            2 L         | sodium       | "2 L" is a volume; sodium needs a mass such as "2 g" or an amount of substance such as "2 mmol"
            140 kcal    | protein      | "140 kcal" is an energy; protein needs a mass such as "140 g"
            20 flozz    | fluid        | unknown unit "flozz"
            5 g junk    | fat          | unknown unit "g junk"
            5 furlongs  | fat          | unknown unit "furlongs"
            -5 g        | fat          | "-5 g" is negative
            NaN g       | fat          | "NaN g" is not a number followed by a unit
            Infinity g  | fat          | "Infinity g" is not a number followed by a unit
            1e400 g     | fat          | "1e400 g" is not a finite amount
            36          | carbohydrate | "36" has no unit
            g           | carbohydrate | "g" is not a number followed by a unit
            2000 kg     | carbohydrate | "2000 kg" is absurdly large
            1e9 mg      | sodium       | "1e9 mg" is absurdly large
            5 g(        | fat          | unknown unit "g("
            5 )         | fat          | unknown unit ")"
            5 [foz_us   | fluid        | unknown unit "[foz_us"
            """)
    void rejects_bad_quantities_saying_what_was_expected(String text, String nutrient, String message) {
        assertThatThrownBy(() -> Quantities.parse(text, Nutrient.fromJsonName(nutrient)))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessageContaining(message);
    }

    @Test
    void plain_numbers_are_read_in_the_canonical_unit_and_must_be_finite() {
        assertThat(Quantities.checkPlainNumber(36)).isEqualTo(36);
        assertThatThrownBy(() -> Quantities.checkPlainNumber(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Quantities.checkPlainNumber(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Quantities.checkPlainNumber(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> Quantities.checkPlainNumber(2e6)).hasMessageContaining("absurdly large");
    }

    /** Found by {@link QuantitiesFuzzTest} (its input {@code crash-negative-zero}). */
    @Test
    void minus_zero_is_zero_never_a_negative_zero_that_prints_as_minus_zero() {
        assertThat(Double.doubleToRawLongBits(Quantities.parse("-0 g", Nutrient.FAT))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(Quantities.checkPlainNumber(-0.0))).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    /** Found by {@link QuantitiesFuzzTest} (its input {@code crash-infinite-energy}): Indriya refused to convert Infinity. */
    @Test
    void a_number_too_large_for_a_double_is_a_clear_error_in_any_unit() {
        assertThatThrownBy(() -> Quantities.parse("30.E616J", Nutrient.ENERGY)).isInstanceOf(InvalidQuantityException.class)
                .hasMessage("\"30.E616J\" is not a finite amount");
        assertThatThrownBy(() -> Quantities.parse("1e400 kJ", Nutrient.ENERGY)).isInstanceOf(InvalidQuantityException.class);
        assertThat(Quantities.parse("2000000 ug", Nutrient.FAT)).isEqualTo(2.0);
    }

    /** Found by {@link QuantitiesFuzzTest} (its input {@code crash-unit-power-overflows-the-stack}). */
    @Test
    void a_unit_to_a_huge_power_is_an_unknown_unit_not_a_stack_overflow() {
        for (var text : List.of("36\u0014g11111", "36 g11111", "36 g9999", "5 mg100000")) {
            assertThatThrownBy(() -> Quantities.parse(text, Nutrient.FAT)).as(text)
                    .isInstanceOf(InvalidQuantityException.class).hasMessageContaining("unknown unit");
        }
    }

    @Test
    void a_serving_is_a_mass_or_a_volume() {
        var expected = "a mass or a volume";

        assertThat(Quantities.parse("28 g", expected, Dimension.MASS, Dimension.VOLUME)).isEqualTo(Amount.grams(28));
        assertThat(Quantities.parse("20 fl oz", expected, Dimension.MASS, Dimension.VOLUME).dimension()).isEqualTo(Dimension.VOLUME);
        assertThatThrownBy(() -> Quantities.parse("100 kcal", expected, Dimension.MASS, Dimension.VOLUME))
                .hasMessage("\"100 kcal\" is an energy; expected a mass or a volume");
    }

    /** Found by {@code CatalogFileFuzzTest} ({@code crash-tiny-amount-exported-unreadable}); the values below include it. */
    @Test
    void formatted_amounts_parse_back_to_the_same_double() {
        for (double value : new double[] {591.4705912, 0.0027, 36, 1e-7, 919.6, 140.0573613766730, 1.6000000000000002E-22,
                0.0012345678901234567, 0.1234567890123456, 999999.9999999999, Double.MIN_VALUE}) {
            assertThat(Quantities.parse(Quantities.format(value) + " g", Nutrient.FAT)).as(Quantities.format(value)).isEqualTo(value);
            assertThat(Quantities.parse(Quantities.format(value) + " mg", Nutrient.SODIUM)).as(Quantities.format(value)).isEqualTo(value);
            assertThat(Quantities.parse(Quantities.format(value) + " kcal", Nutrient.ENERGY)).as(Quantities.format(value)).isEqualTo(value);
        }
    }
}

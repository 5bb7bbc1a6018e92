package nutriplan.catalog.nutrient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of quantity parsing, the first thing every amount a client sends goes through: any text
 * is either an amount in the canonical unit (finite, 0 to {@link Quantities#MAX_AMOUNT}) or an
 * {@link InvalidQuantityException} with a message; never another exception, never an {@link Error} from the UCUM
 * parser. In {@code ./mvnw test} it runs its seeds and findings ({@code QuantitiesFuzzTestInputs/}) as regression
 * tests; the {@code fuzz-*} executions of the build fuzz it (docs/reliability.md).
 */
class QuantitiesFuzzTest {

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({" g", " mg", " kg", " mL", " L", " fl oz", " oz", " lb", " kcal", " kJ", " mmol", " mol", " ug",
            " mcg", " µg", " °C", "[foz_us]", "[oz_av]", "e+3", "E-300", "1e400", "0.", ".5", "-", "+", "/h", ".", "10*3"})
    void any_text_is_an_amount_or_a_clear_error(byte[] input) {
        var text = new String(input, StandardCharsets.UTF_8);
        for (var nutrient : Nutrient.values()) {
            try {
                assertSane(Quantities.parse(text, nutrient));
            } catch (InvalidQuantityException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        try {
            var serving = Quantities.parse(text, "a mass or a volume", Dimension.MASS, Dimension.VOLUME);
            assertSane(serving.value());
            assertThat(serving.dimension()).isIn(Dimension.MASS, Dimension.VOLUME);
        } catch (InvalidQuantityException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void assertSane(double amount) {
        assertThat(amount).isFinite().isBetween(0.0, Quantities.MAX_AMOUNT);
    }
}

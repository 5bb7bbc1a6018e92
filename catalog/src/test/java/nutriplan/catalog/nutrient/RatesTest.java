package nutriplan.catalog.nutrient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void a_rate_per_hour_reads_in_any_volume_or_mass_unit() {
        assertThat(Quantities.perHour("1.2 L/h", "a volume per hour", Dimension.VOLUME)).isCloseTo(1200, within(1e-9));
        assertThat(Quantities.perHour("20 fl oz/h", "a volume per hour", Dimension.VOLUME)).isCloseTo(591.47, within(0.01));
        assertThat(Quantities.perHour("20 mL/min", "a volume per hour", Dimension.VOLUME)).isCloseTo(1200, within(1e-9));
        assertThat(Quantities.perHour("90 g/h", "a mass per hour", Dimension.MASS)).isCloseTo(90, within(1e-9));
    }

    @Test
    void sweat_sodium_in_mmol_per_litre_equals_its_mg_per_litre() {
        assertThat(Quantities.perLitre("40 mmol/L", Nutrient.SODIUM)).isCloseTo(919.6, within(1e-9));
        assertThat(Quantities.perLitre("919.6 mg/L", Nutrient.SODIUM)).isCloseTo(919.6, within(1e-9));
        assertThat(Quantities.perLitre("91.96 mg/dL", Nutrient.SODIUM)).isCloseTo(919.6, within(1e-9));
    }

    @Test
    void a_dose_per_kilogram_reads_per_kg_and_per_pound() {
        assertThat(Quantities.perKilogram("3 mg/kg", Nutrient.CAFFEINE)).isCloseTo(3, within(1e-9));
        assertThat(Quantities.perKilogram("1 mg/lb", Nutrient.CAFFEINE)).isCloseTo(2.2046, within(1e-4));
    }

    @Test
    void temperatures_read_in_celsius_fahrenheit_and_kelvin_below_zero_too() {
        assertThat(Quantities.celsius("28 °C")).isEqualTo(28);
        assertThat(Quantities.celsius("86 °F")).isCloseTo(30, within(1e-9));
        assertThat(Quantities.celsius("-40 °F")).isCloseTo(-40, within(1e-9));
        assertThat(Quantities.celsius("−5 °C")).isEqualTo(-5);
        assertThat(Quantities.celsius("300.15 K")).isCloseTo(27, within(1e-9));
    }

    @Test
    void wrong_units_say_what_was_expected() {
        assertThatThrownBy(() -> Quantities.perHour("1.2 L/day", "a volume per hour", Dimension.VOLUME))
                .isInstanceOf(InvalidQuantityException.class).hasMessageContaining("unknown time unit");
        assertThatThrownBy(() -> Quantities.perHour("1.2 kg/h", "a volume per hour", Dimension.VOLUME))
                .isInstanceOf(InvalidQuantityException.class).hasMessageContaining("a volume per hour");
        assertThatThrownBy(() -> Quantities.perLitre("40 mmol/kg", Nutrient.SODIUM))
                .isInstanceOf(InvalidQuantityException.class).hasMessageContaining("not a volume");
        assertThatThrownBy(() -> Quantities.perLitre("40 mmol", Nutrient.SODIUM))
                .isInstanceOf(InvalidQuantityException.class).hasMessageContaining("not a ratio");
        assertThatThrownBy(() -> Quantities.celsius("28 degrees"))
                .isInstanceOf(InvalidQuantityException.class).hasMessageContaining("not a temperature");
        assertThatThrownBy(() -> Quantities.celsius("1".repeat(100) + " °C"))
                .isInstanceOf(InvalidQuantityException.class).hasMessageContaining("too long");
    }
}

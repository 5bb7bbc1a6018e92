package nutriplan.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionNeedsTest {

    private static Workout workout(double durationMin, double bodyMassKg, Intensity intensity, Double sweatRate,
                                   Double sweatNa, Double temperature, Double carbTolerance, Double caffeine) {
        return new Workout(durationMin, bodyMassKg, intensity, sweatRate, null, sweatNa, temperature, carbTolerance,
                caffeine, null);
    }

    private static Workout withRecovery(Workout w, double hours) {
        return new Workout(w.durationMin(), w.bodyMassKg(), w.intensity(), w.sweatRateLPerH(), w.weighIn(),
                w.sweatSodiumMgPerL(), w.temperatureC(), w.carbToleranceGPerH(), w.caffeineMgPerKg(), hours);
    }

    static final Workout E1 = workout(90, 70, Intensity.MODERATE, 1.0, 900.0, 20.0, null, null);
    static final Workout E2 = workout(240, 75, Intensity.MODERATE, 1.5, null, 32.0, 90.0, null);
    static final Workout E3 = workout(45, 60, Intensity.HIGH, 1.2, 1000.0, null, null, 3.0);
    static final Workout E4 = new Workout(120, 70.4, null, null, new WeighIn(70.4, 69.1, 0.5, 0, 60), null, null, null,
            null, null);
    static final Workout E5 = workout(150, 70, Intensity.MODERATE, 1.2, 950.0, 28.0, 90.0, 3.0);

    /** Guidelines §14, to the gram and milligram shown there. */
    static Stream<Arguments> workedExamples() {
        return Stream.of(
                Arguments.of("E1", E1, new double[] {45, 90, 100, 1500, 0, 1350, 0, 293}),
                Arguments.of("E2", E2, new double[] {240, 360, 4000, 4000, 1600, 4400, 313, 782}),
                Arguments.of("E3", E3, new double[] {0, 22.5, 0, 750, 0, 900, 0, 176}),
                Arguments.of("E4", E4, new double[] {60, 120, 2000, 2000, 0, 2971, 0, 704}),
                Arguments.of("E5", E5, new double[] {75, 150, 1600, 2500, 640, 2750, 125, 489}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedExamples")
    void worked_examples_give_the_targets_of_the_guidelines(String name, Workout workout, double[] expected) {
        var needs = SessionNeeds.of(workout);
        String[] nutrients = {"carbohydrate", "fluid", "sodium", "potassium"};
        for (int i = 0; i < nutrients.length; i++) {
            var range = needs.target(nutrients[i]);
            assertThat(range.min()).as(name + " " + nutrients[i] + " min").isCloseTo(expected[2 * i], within(0.5));
            assertThat(range.max()).as(name + " " + nutrients[i] + " max").isCloseTo(expected[2 * i + 1], within(0.5));
        }
    }

    @Test
    void e1_recovery_protein_is_below_20_g_and_warned() {
        var needs = SessionNeeds.of(withRecovery(E1, 6));
        assertThat(needs.recovery().get(0).min()).isCloseTo(17.5, within(0.01));
        assertThat(needs.recovery().get(0).max()).isCloseTo(21, within(0.01));
        assertThat(needs.recovery().get(1).min()).as("CHO 70 g/h × 4 h").isCloseTo(280, within(0.01));
        assertThat(needs.warnings()).anyMatch(w -> w.field().equals("recovery"));
    }

    @Test
    void e2_warns_the_deficit_and_the_heat_assumes_sodium_and_recovers_3_litres() {
        var needs = SessionNeeds.of(withRecovery(E2, 24));
        assertThat(needs.warnings()).anyMatch(w -> w.field().equals("fluid") && w.message().contains("2.67 %"));
        assertThat(needs.warnings()).anyMatch(w -> w.field().equals("temperature"));
        assertThat(needs.warnings()).anyMatch(w -> w.field().equals("sweatRate") || w.field().equals("sweatSodium"));
        assertThat(needs.assumed()).anyMatch(a -> a.input().equals("sweatSodium"));
        assertThat(needs.multipleTransportable()).isTrue();
        assertThat(needs.singleSourceCarbMaxG()).isEqualTo(240);
        assertThat(needs.recovery()).anyMatch(r -> r.nutrient().equals("fluid") && Math.abs(r.min() - 3000) < 0.5);
        assertThat(needs.recovery().get(0).min()).isCloseTo(18.75, within(0.01));
        assertThat(needs.recovery().get(0).max()).isCloseTo(22.5, within(0.01));
    }

    @Test
    void e2_point_fluid_target_gets_a_plannable_range_below_the_cap() {
        var fluid = SessionNeeds.of(E2).plannable().stream().filter(r -> r.nutrient().equals("fluid")).findFirst().orElseThrow();
        assertThat(fluid.min()).isEqualTo(3800);
        assertThat(fluid.max()).isEqualTo(4000);
    }

    @Test
    void e2_fluid_walks_from_the_loss_to_the_plannable_range_in_one_list() {
        var fluid = SessionNeeds.of(E2).rationale().stream().filter(r -> r.target().equals("fluid")).findFirst().orElseThrow();

        assertThat(fluid.steps()).extracting(Rationale.Step::min, Rationale.Step::max).containsExactly(
                tuple(Double.NaN, 6000.0), tuple(4500.0, 6000.0), tuple(4000.0, 4000.0), tuple(3800.0, 4000.0));
        assertThat(fluid.steps()).allMatch(step -> !step.rule().isBlank());
    }

    @Test
    void a_session_whose_fluid_holds_its_carbohydrate_at_8_percent_plans_80_g_per_litre() {
        var needs = SessionNeeds.of(E2);

        assertThat(needs.safety().carbohydratePerLitreG()).isEqualTo(80);
        assertThat(needs.safety().carbohydratePerLitreInSlotG()).isEqualTo(250);
        assertThat(needs.warnings()).noneMatch(w -> w.field().equals("concentration"));
        assertThat(needs.rationale()).anyMatch(r -> r.rule().equals("R-CONCENTRATION"));
    }

    @Test
    void a_low_sweat_rate_raises_the_limit_to_what_the_safe_fluid_needs_and_warns() {
        // 4 h at 0.5 L/h: 2 L safe, 240 g minimum: 240 / (0.8 × 2) = 150 g/L.
        var needs = SessionNeeds.of(workout(240, 75, Intensity.MODERATE, 0.5, null, 20.0, 90.0, null));

        assertThat(needs.safety().carbohydratePerLitreG()).isEqualTo(150);
        assertThat(needs.warnings()).anyMatch(w -> w.field().equals("concentration") && w.message().contains("150 g"));
        assertThat(plannable(needs, "carbohydrate").min()).isEqualTo(240);
    }

    @Test
    void beyond_160_g_per_litre_the_carbohydrate_minimum_is_lowered_never_the_fluid_raised() {
        // 4 h at 0.3 L/h: 1.2 L safe; 160 g/L × 0.8 × 1.2 L = 153.6 g, below the 240 g the band asks for.
        var needs = SessionNeeds.of(workout(240, 75, Intensity.MODERATE, 0.3, null, 20.0, 90.0, null));

        assertThat(needs.safety().carbohydratePerLitreG()).isEqualTo(160);
        assertThat(plannable(needs, "carbohydrate").min()).isCloseTo(153.6, within(1e-9));
        assertThat(plannable(needs, "fluid").max()).isCloseTo(1200, within(1e-9));
        assertThat(needs.warnings()).anyMatch(w -> w.field().equals("carbohydrate") && w.message().contains("153.6"));
    }

    private static Range plannable(Needs needs, String nutrient) {
        return needs.plannable().stream().filter(r -> r.nutrient().equals(nutrient)).findFirst().orElseThrow();
    }

    @Test
    void e3_caffeine_is_180_mg_in_one_dose_without_warning() {
        var needs = SessionNeeds.of(E3);
        assertThat(needs.safety().caffeineTotalMg()).isCloseTo(180, within(0.01));
        assertThat(needs.safety().caffeinePerDoseMg()).isCloseTo(180, within(0.01));
        assertThat(needs.warnings()).noneMatch(w -> w.field().equals("caffeine"));
        assertThat(needs.rationale()).anyMatch(r -> r.arithmetic().contains("mouthRinse: true"));
    }

    @Test
    void e4_weigh_in_gives_1_8_litres_an_hour_and_a_deficit_warning() {
        assertThat(NeedsRules.sweatRate(E4.weighIn())).isCloseTo(1.8, within(1e-9));
        assertThat(NeedsRules.massLossPercent(E4.weighIn())).isCloseTo(1.85, within(0.005));
        var needs = SessionNeeds.of(E4);
        assertThat(needs.warnings()).anyMatch(w -> w.field().equals("fluid") && w.message().contains("2.27 %"));
        assertThat(needs.warnings()).noneMatch(w -> w.field().startsWith("weighIn"));
    }

    @Test
    void e4_twins_a_negative_sweat_rate_is_rejected_and_a_mass_gain_warned() {
        var negative = new Workout(120, 70.4, null, null, new WeighIn(70.4, 71.5, 0.5, 0, 60), null, null, null, null, null);
        assertThatThrownBy(() -> SessionNeeds.of(negative)).isInstanceOfSatisfying(InvalidWorkoutException.class,
                e -> assertThat(e.faults()).extracting(Fault::field).containsExactly("weighIn.after"));
        var gain = new Workout(120, 70.4, null, null, new WeighIn(70.4, 70.6, 0.5, 0, 60), null, null, null, null, null);
        assertThat(SessionNeeds.of(gain).warnings()).anyMatch(w -> w.message().contains("overdrinking"));
    }

    @Test
    void e5_caffeine_above_200_mg_is_split_into_two_doses() {
        var needs = SessionNeeds.of(E5);
        assertThat(needs.safety().caffeineTotalMg()).isCloseTo(210, within(0.01));
        assertThat(needs.safety().caffeinePerDoseMg()).isCloseTo(105, within(0.01));
        assertThat(needs.warnings()).anyMatch(w -> w.field().equals("caffeine") && w.message().contains("2 doses"));
    }

    /** Guidelines §2, reject column: each names its field. */
    static Stream<Arguments> rejects() {
        return Stream.of(
                Arguments.of(workout(0, 70, null, 1.0, null, null, null, null), "durationMin"),
                Arguments.of(workout(1441, 70, null, 1.0, null, null, null, null), "durationMin"),
                Arguments.of(workout(60, 3, null, 1.0, null, null, null, null), "bodyMass"),
                Arguments.of(workout(60, 500, null, 1.0, null, null, null, null), "bodyMass"),
                Arguments.of(workout(60, 70, null, 20.0, null, null, null, null), "sweatRate"),
                Arguments.of(workout(60, 70, null, 0.0, null, null, null, null), "sweatRate"),
                Arguments.of(workout(60, 70, null, 1.0, 900 * 22.99, null, null, null), "sweatSodium"),
                Arguments.of(workout(60, 70, null, 1.0, 100.0, null, null, null), "sweatSodium"),
                Arguments.of(workout(60, 70, null, 1.0, null, -41.0, null, null), "temperature"),
                Arguments.of(workout(60, 70, null, 1.0, null, 61.0, null, null), "temperature"),
                Arguments.of(workout(60, 70, null, 1.0, null, null, 151.0, null), "carbTolerance"),
                Arguments.of(workout(60, 70, null, 1.0, null, null, -1.0, null), "carbTolerance"),
                Arguments.of(workout(60, 70, null, 1.0, null, null, null, 9.0), "caffeine"),
                Arguments.of(workout(60, 70, null, 1.0, null, null, null, -1.0), "caffeine"),
                Arguments.of(new Workout(60, 70, null, null, new WeighIn(70, 70, 0.5, 0, 0), null, null, null, null, null),
                        "weighIn.durationMin"));
    }

    @ParameterizedTest
    @MethodSource("rejects")
    void out_of_range_inputs_are_rejected_with_their_field(Workout workout, String field) {
        assertThatThrownBy(() -> SessionNeeds.of(workout)).isInstanceOfSatisfying(InvalidWorkoutException.class,
                e -> assertThat(e.faults()).extracting(Fault::field).containsExactly(field));
    }

    /** Guidelines §2, warn column. */
    static Stream<Arguments> warnings() {
        return Stream.of(
                Arguments.of(workout(60, 35, null, 0.5, null, null, null, null), "bodyMass"),
                Arguments.of(workout(60, 160, null, 1.0, null, null, null, null), "bodyMass"),
                Arguments.of(workout(800, 70, null, 1.0, null, null, null, null), "durationMin"),
                Arguments.of(workout(60, 70, null, 0.2, null, null, null, null), "sweatRate"),
                Arguments.of(workout(60, 70, null, 3.5, null, null, null, null), "sweatRate"),
                Arguments.of(workout(60, 50, null, 2.5, null, null, null, null), "sweatRate"),
                Arguments.of(workout(60, 70, null, 1.0, 200.0, null, null, null), "sweatSodium"),
                Arguments.of(workout(60, 70, null, 1.0, 2100.0, null, null, null), "sweatSodium"),
                Arguments.of(workout(60, 70, null, 1.0, null, 30.0, null, null), "temperature"),
                Arguments.of(workout(60, 70, null, 1.0, null, 10.0, null, null), "temperature"),
                Arguments.of(workout(60, 70, null, 1.0, null, null, 100.0, null), "carbTolerance"),
                Arguments.of(workout(60, 70, null, 1.0, null, null, null, 4.0), "caffeine"),
                Arguments.of(workout(60, 70, null, 1.0, null, null, null, 3.0 * 70 / 60 + 2.5), "caffeine"),
                Arguments.of(new Workout(60, 70, null, null, new WeighIn(70, 67.5, 0.5, 0, 60), null, null, null, null, null),
                        "weighIn.after"),
                Arguments.of(new Workout(60, 70, null, null, new WeighIn(70, 69.8, 0.1, 0, 20), null, null, null, null, null),
                        "weighIn.durationMin"));
    }

    @ParameterizedTest
    @MethodSource("warnings")
    void suspicious_inputs_are_answered_with_a_warning(Workout workout, String field) {
        assertThat(SessionNeeds.of(workout).warnings()).extracting(Fault::field).contains(field);
    }

    @Test
    void properties_hold_over_random_workouts() {
        var random = new Random(18);
        for (int i = 0; i < 2000; i++) {
            double duration = 1 + random.nextInt(720);
            double mass = 21 + random.nextDouble() * 279;
            double rate = 0.01 + random.nextDouble() * 5.99;
            Double tolerance = random.nextBoolean() ? null : random.nextDouble() * 150;
            var intensity = Intensity.values()[random.nextInt(3)];
            var w = workout(duration, mass, intensity, rate, 500.0, 20.0, tolerance, null);
            var needs = SessionNeeds.of(w);
            double loss = rate * duration / 60 * 1000;
            for (var range : needs.plannable()) {
                assertThat(range.min()).as("min <= max " + w).isLessThanOrEqualTo(range.max());
            }
            assertThat(needs.target("fluid").max()).as("never more fluid than sweat loss " + w).isLessThanOrEqualTo(loss + 1e-9);
            assertThat(needs.safety().fluidPerHourMl()).isLessThanOrEqualTo(Math.min(rate * 1000, 1000) + 1e-9);
            var longer = workout(duration + 1 + random.nextInt(60), mass, intensity, rate, 500.0, 20.0, tolerance, null);
            var more = SessionNeeds.of(longer).target("carbohydrate");
            assertThat(more.min()).as("longer never lowers CHO min " + w).isGreaterThanOrEqualTo(needs.target("carbohydrate").min());
            assertThat(more.max()).as("longer never lowers CHO max " + w).isGreaterThanOrEqualTo(needs.target("carbohydrate").max());
            for (var range : needs.targets()) {
                assertThat(needs.rationale()).as("a source for " + range.nutrient())
                        .anyMatch(r -> r.target().equals(range.nutrient()) && !r.sources().isEmpty());
            }
        }
    }
}

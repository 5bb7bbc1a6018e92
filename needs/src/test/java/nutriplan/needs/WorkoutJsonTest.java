package nutriplan.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import nutriplan.catalog.json.Finding;
import nutriplan.catalog.json.Findings;

class WorkoutJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Needs needs(String json) throws Exception {
        var findings = Findings.create();
        var workout = WorkoutJson.read(MAPPER.readTree(json), "", findings);
        assertThat(findings.all()).filteredOn(Finding::isError).isEmpty();
        return SessionNeeds.of(workout);
    }

    private static Findings faults(String json) throws Exception {
        var findings = Findings.create();
        assertThat(WorkoutJson.read(MAPPER.readTree(json), "workout.", findings)).isNull();
        return findings;
    }

    @Test
    void an_unknown_field_fails_the_workout_as_a_wrong_value_does() throws Exception {
        var findings = faults("""
                {"durationMin": 240, "bodyMass": "75 kg", "sweatrate": "1.5 L/h"}""");

        assertThat(findings.all()).extracting(Finding::field).containsExactly("workout.sweatrate");
    }

    @Test
    void unit_variants_give_identical_targets() throws Exception {
        var metric = needs("""
                {"durationMin": 150, "bodyMass": "70 kg", "sweatRate": "0.59147 L/h", "sweatSodium": "919.6 mg/L",
                 "temperature": "30 °C", "carbTolerance": "90 g/h", "caffeine": "3 mg/kg"}""");
        var imperial = needs("""
                {"durationMin": 150, "bodyMass": "154.3236 lb", "sweatRate": "20 fl oz/h", "sweatSodium": "40 mmol/L",
                 "temperature": "86 °F", "carbTolerance": "1.5 g/min", "caffeine": "1.3608 mg/lb"}""");
        for (var range : metric.targets()) {
            var other = imperial.target(range.nutrient());
            assertThat(other.min()).as(range.nutrient()).isCloseTo(range.min(), within(0.5));
            assertThat(other.max()).as(range.nutrient()).isCloseTo(range.max(), within(0.5));
        }
    }

    @Test
    void the_api_sample_reads() throws Exception {
        var needs = needs("""
                {"durationMin": 150, "intensity": "moderate", "bodyMass": "70 kg", "sweatRate": "1.2 L/h",
                 "sweatSodium": "950 mg/L", "temperature": "28 °C", "carbTolerance": "90 g/h", "caffeine": "3 mg/kg"}""");
        assertThat(needs.target("sodium").min()).isCloseTo(640, within(0.01));
    }

    @Test
    void a_weigh_in_reads_with_its_units() throws Exception {
        var needs = needs("""
                {"durationMin": 120, "bodyMass": "70.4 kg",
                 "weighIn": {"before": "70.4 kg", "after": "69.1 kg", "drank": "500 mL", "durationMin": 60}}""");
        assertThat(needs.target("fluid").max()).isCloseTo(2000, within(1e-6));
    }

    @Test
    void bad_input_names_the_field_under_its_path() throws Exception {
        var findings = faults("""
                {"durationMin": 0, "bodyMass": "3 kg", "sweatRate": "20 L/h", "sweatSodium": "900 mmol/L",
                 "intensity": "brutal", "temperature": "hot", "shoeSize": 42}""");
        assertThat(findings.all()).extracting(Finding::field).contains("workout.durationMin", "workout.bodyMass",
                "workout.sweatRate", "workout.sweatSodium", "workout.intensity", "workout.temperature", "workout.shoeSize");
        assertThat(faults("{\"bodyMass\": \"70 kg\"}").all()).extracting(Finding::field).contains("workout.durationMin");
        assertThat(faults("""
                {"durationMin": 60, "bodyMass": "70 kg",
                 "weighIn": {"before": "70.4 kg", "after": "71.5 kg", "drank": "500 mL", "durationMin": 60}}""").all())
                .extracting(Finding::field).contains("workout.weighIn.after");
        assertThat(faults("{\"durationMin\": 60, \"bodyMass\": \"70 L\"}").all()).extracting(Finding::field)
                .contains("workout.bodyMass");
    }
}

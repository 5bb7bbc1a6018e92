package nutriplan.api.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nutriplan.api.errors.ErrorJson;
import nutriplan.api.json.JsonBody;
import nutriplan.api.plans.PlanRequestJson;
import nutriplan.api.service.TestService;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;
import nutriplan.needs.SessionNeeds;
import nutriplan.needs.Workout;
import nutriplan.needs.WorkoutJson;

/**
 * Coverage-guided fuzzing of the workout, from its bytes to the answer of {@code POST /api/v1/targets}: parsing with
 * the units of the catalog's parser ({@link WorkoutJson}), the rules ({@link SessionNeeds}) and the JSON
 * ({@link NeedsJson}). Allowed outcomes: a 400 of the error table naming its fields, or targets that are themselves a
 * valid plan request, whose fluid never exceeds the safe fluid per hour × hours, written as strict JSON. Seeds:
 * {@code WorkoutFuzzTestInputs/}, the worked examples of guidelines §14 among them.
 */
class WorkoutFuzzTest {

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"\"durationMin\"", "\"bodyMass\"", "\"intensity\"", "\"low\"", "\"moderate\"", "\"high\"",
            "\"sweatRate\"", "\"weighIn\"", "\"before\"", "\"after\"", "\"drank\"", "\"urine\"", "\"sweatSodium\"",
            "\"temperature\"", "\"carbTolerance\"", "\"caffeine\"", "\"recovery\"", "\"70 kg\"", "\"154 lb\"", "\"1.2 L/h\"",
            "\"20 fl oz/h\"", "\"950 mg/L\"", "\"40 mmol/L\"", "\"28 °C\"", "\"86 °F\"", "\"300 K\"", "\"90 g/h\"",
            "\"3 mg/kg\"", "\"500 mL\"", "null", "1e308", "-0", "0.5", "1440"})
    void any_workout_gives_plannable_targets_or_a_typed_error(byte[] body) throws IOException {
        var findings = Findings.create();
        var workout = read(body, findings);
        if (workout == null) {
            return;
        }
        var needs = SessionNeeds.of(workout);
        var answer = NeedsJson.write(needs);
        var json = Json.MAPPER.writeValueAsString(answer);
        assertThat(Json.MAPPER.readTree(json).isObject()).as("strict JSON, no NaN or Infinity: %s", json).isTrue();

        var plan = PlanRequestJson.read(("{\"targets\": " + answer.get("targets") + "}").getBytes(), TestService.CATALOGS);
        plan.targets().forEach(target -> assertThat(target.min()).as(target.nutrient().jsonName()).isLessThanOrEqualTo(target.max()));
        needs.plannable().stream().filter(range -> range.nutrient().equals("fluid")).forEach(fluid -> assertThat(fluid.max())
                .isLessThanOrEqualTo(needs.safety().fluidPerHourMl() * workout.hours() * (1 + 1e-9)));
    }

    /** The workout, or null after checking that its 400 names each fault's field and says what was expected. */
    private static Workout read(byte[] body, Findings findings) {
        try {
            var workout = WorkoutJson.read(JsonBody.parse(body), "", findings);
            if (workout == null) {
                throw InvalidInputException.of(findings, "the workout");
            }
            return workout;
        } catch (InvalidInputException e) {
            var response = ErrorJson.of(e);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().path("message").asText()).isNotBlank();
            response.body().path("details").forEach(detail -> assertThat(detail.path("message").asText()).isNotBlank());
            return null;
        }
    }
}

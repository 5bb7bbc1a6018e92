package nutriplan.api.targets;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.docs.DocsRoutes;
import nutriplan.api.service.TestService;

/** The roster variant, {@code POST /api/v1/targets:batch}, over real HTTP: each workout answered as a single call. */
class TargetBatchHttpTest {

    @RegisterExtension
    static final TestService SERVICE = TestService.start();

    private static final List<String> ROSTER = List.of(
            TargetRoutes.EXAMPLE,
            "{\"durationMin\": 60, \"bodyMass\": \"500 kg\"}",
            "{\"durationMin\": 90, \"intensity\": \"high\", \"bodyMass\": \"58 kg\", \"sweatRate\": \"0.8 L/h\"}",
            "42",
            "{\"durationMin\": 240, \"bodyMass\": \"82 kg\", \"temperature\": \"31 °C\", \"sweatSodium\": \"1400 mg/L\"}");

    private static String roster(List<String> workouts) {
        return "{\"workouts\": [" + String.join(", ", workouts) + "]}";
    }

    @Test
    void each_workout_gets_in_its_place_the_status_and_body_a_single_call_gets() {
        var response = SERVICE.postJson(TargetRoutes.TARGETS_BATCH, roster(ROSTER));
        var results = new ArrayList<JsonNode>();
        json(response).path("results").forEach(results::add);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(results).hasSize(ROSTER.size());
        for (int i = 0; i < ROSTER.size(); i++) {
            var single = SERVICE.postJson(TargetRoutes.TARGETS, ROSTER.get(i));
            assertThat(results.get(i).path("status").asInt()).as("status of workouts[%d]", i).isEqualTo(single.statusCode());
            assertThat(results.get(i).path("body")).as("body of workouts[%d]", i).isEqualTo(json(single));
        }
        assertThat(results.stream().map(result -> result.path("status").asInt()).toList()).containsExactly(200, 400, 200, 400, 200);
        assertThat(results.get(1).at("/body/details/0/field").asText()).isEqualTo("bodyMass");
    }

    @Test
    void a_workout_with_an_unknown_field_is_a_400_in_its_place_and_spoils_no_other() {
        var response = SERVICE.postJson(TargetRoutes.TARGETS_BATCH, roster(List.of(TargetRoutes.EXAMPLE,
                "{\"durationMin\": 240, \"bodyMass\": \"75 kg\", \"sweatrate\": \"1.5 L/h\"}")));

        var results = json(response).path("results");
        assertThat(results.at("/0/status").asInt()).isEqualTo(200);
        assertThat(results.at("/1/status").asInt()).isEqualTo(400);
        assertThat(results.at("/1/body/details/0/field").asText()).isEqualTo("sweatrate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "{\"workouts\": {}}", "{\"workouts\": []}", "{\"workouts\": [{}], \"roster\": 1}", "{"})
    void a_malformed_envelope_is_one_400(String body) {
        var response = SERVICE.postJson(TargetRoutes.TARGETS_BATCH, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void the_documented_errors_are_the_answers_to_their_faults() {
        var responses = json(SERVICE.get(DocsRoutes.OPENAPI)).path("paths").path(TargetRoutes.TARGETS_BATCH).path("post")
                .path("responses");

        var invalid = SERVICE.postJson(TargetRoutes.TARGETS_BATCH, "{\"workouts\": {}}");
        var tooLarge = SERVICE.postJson(TargetRoutes.TARGETS_BATCH, roster(Collections.nCopies(101, TargetRoutes.EXAMPLE)));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid)).isEqualTo(responses.at("/400/content/application~1json/example"));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge)).isEqualTo(responses.at("/413/content/application~1json/example"));
    }
}

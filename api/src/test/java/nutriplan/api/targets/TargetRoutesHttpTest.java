package nutriplan.api.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nutriplan.api.service.TestService;

class TargetRoutesHttpTest {

    @RegisterExtension
    static final TestService SERVICE = TestService.start();

    @Test
    void the_api_sample_gives_targets_a_plan_request_accepts_and_their_reasons() {
        var response = SERVICE.postJson(TargetRoutes.TARGETS, TargetRoutes.EXAMPLE);
        assertThat(response.statusCode()).isEqualTo(200);
        var json = TestService.json(response);
        assertThat(json.at("/targets/sodium/min").toString()).isEqualTo("{\"amount\":640.0,\"unit\":\"mg\"}");
        assertThat(json.at("/targets/fluid/max").toString()).isEqualTo("{\"amount\":2500.0,\"unit\":\"mL\"}");
        assertThat(json.at("/safety/fluidPerHour/amount").asDouble()).isEqualTo(1000);
        assertThat(json.at("/safety/caffeineTotal/amount").asDouble()).isEqualTo(210);
        assertThat(json.path("rationale").size()).isGreaterThanOrEqualTo(4);
        assertThat(json.path("warnings").toString()).contains("2 doses");

        var plan = SERVICE.postJson("/api/v1/plans", "{\"targets\": " + json.path("targets") + "}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    }

    @Test
    void an_out_of_range_workout_is_a_400_naming_the_field() {
        var response = SERVICE.postJson(TargetRoutes.TARGETS, "{\"durationMin\": 60, \"bodyMass\": \"500 kg\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("bodyMass");
    }

    @Test
    void an_unknown_field_is_a_400_naming_it_never_a_default_used_silently() {
        var response = SERVICE.postJson(TargetRoutes.TARGETS,
                "{\"durationMin\": 240, \"bodyMass\": \"75 kg\", \"sweatrate\": \"1.5 L/h\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        var json = TestService.json(response);
        assertThat(json.at("/details/0/field").asText()).isEqualTo("sweatrate");
        assertThat(json.at("/details/0/message").asText()).contains("unknown field");
    }
}

package nutriplan.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nutriplan.api.plans.PlanRoutes;
import nutriplan.api.plans.PlanService;

/** Graceful shutdown over real HTTP: stop accepting, finish the plans in flight, then stop. */
class ShutdownHttpTest {

    @Test
    void a_plan_in_flight_when_stop_is_called_completes_and_new_connections_are_refused() throws Exception {
        var planner = new BlockingPlanner(1);
        var service = TestService.start(TestService.settings(), new PlanService(planner));
        var inFlight = service.postJsonAsync(PlanRoutes.PLANS, "{\"targets\": {\"sodium\": {\"min\": \"500 mg\"}}}");
        planner.awaitStarted();
        var health = service.request("/health").build();

        var stopping = CompletableFuture.runAsync(service::close);
        Thread.sleep(300);

        assertThat(stopping).as("stop waits for the plan in flight").isNotDone();
        assertThatThrownBy(() -> service.send(health)).as("a new connection is refused").isInstanceOf(UncheckedIOException.class);
        planner.release();
        var response = inFlight.get(30, TimeUnit.SECONDS);
        stopping.get(30, TimeUnit.SECONDS);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TestService.json(response).path("status").asText()).isEqualTo("OPTIMAL");
    }
}

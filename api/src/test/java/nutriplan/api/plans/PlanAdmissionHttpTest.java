package nutriplan.api.plans;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nutriplan.api.service.BlockingPlanner;
import nutriplan.api.service.TestService;

/** Admission control over real HTTP: concurrent requests against a pool filled with slow solves. */
class PlanAdmissionHttpTest {

    private static final String REQUEST = "{\"targets\": {\"sodium\": {\"min\": \"500 mg\", \"max\": \"1000 mg\"}}}";

    private static void assertBusy(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(response).path("error").asText()).isEqualTo("busy");
    }

    /** A request answered while one slow solve holds the only solver, and how long the answer took. */
    private record Answer(HttpResponse<String> response, long ms) {
    }

    /** Fills a pool of one solver (with this queue) with a slow solve, sends one more request, then lets the slow one finish. */
    private static Answer besideASlowSolve(int queueSize, long queueTimeoutMs) throws Exception {
        var planner = new BlockingPlanner(1);
        var settings = TestService.settings().withSolverPool(1, queueSize, queueTimeoutMs);
        try (var service = TestService.start(settings, new PlanService(planner))) {
            var inFlight = service.postJsonAsync(PlanRoutes.PLANS, REQUEST);
            planner.awaitStarted();

            long start = System.nanoTime();
            var response = service.postJson(PlanRoutes.PLANS, REQUEST);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            planner.release();
            assertThat(inFlight.get(30, TimeUnit.SECONDS).statusCode()).as("the slow solve").isEqualTo(200);
            return new Answer(response, ms);
        }
    }

    @Test
    void a_request_beyond_the_pool_and_its_queue_gets_503_with_retry_after_at_once() throws Exception {
        var answer = besideASlowSolve(0, 1000);

        assertBusy(answer.response());
        assertThat(answer.ms()).as("turned away at once, not after waiting").isLessThan(500);
        assertThat(json(answer.response()).path("message").asText()).contains("all 1 solvers are busy and 0 requests are waiting");
    }

    @Test
    void a_queued_request_gets_503_when_no_solver_frees_up_within_the_queue_timeout() throws Exception {
        var answer = besideASlowSolve(1, 300);

        assertBusy(answer.response());
        assertThat(answer.ms()).isBetween(250L, 5000L);
        assertThat(json(answer.response()).path("message").asText()).contains("no solver became free within 300 ms");
    }

    @Test
    void a_queued_request_is_solved_when_a_solver_frees_up_in_time() throws Exception {
        var planner = new BlockingPlanner(1);
        try (var service = TestService.start(TestService.settings().withSolverPool(1, 1, 10_000), new PlanService(planner))) {
            var first = service.postJsonAsync(PlanRoutes.PLANS, REQUEST);
            planner.awaitStarted();
            var second = service.postJsonAsync(PlanRoutes.PLANS, REQUEST);
            awaitQueued(service);

            var metrics = service.get("/metrics").body();
            planner.release();

            assertThat(metrics).contains("nutriplan_solver_pool_in_use 1.0", "nutriplan_solver_pool_queued 1.0");
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(second.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_solve_gets_no_more_time_than_is_left_of_the_request_time_bound() throws Exception {
        var planner = new BlockingPlanner(1);
        planner.release();
        var settings = TestService.settings().withTimeouts(500, 5000);
        try (var service = TestService.start(settings, new PlanService(planner))) {
            var response = service.postJson(PlanRoutes.PLANS, REQUEST.replace("}}}", "}}, \"timeLimitMs\": 20000}"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(planner.lastTimeLimitMs()).isBetween(1L, 500L);
        }
    }

    private static void awaitQueued(TestService service) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (service.get("/metrics").body().contains("nutriplan_solver_pool_queued 1.0")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the second request never queued");
    }
}

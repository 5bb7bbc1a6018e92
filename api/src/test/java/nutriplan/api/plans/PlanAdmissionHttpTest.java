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

    /**
     * Real solves that take all their time (Timefold stops at its limit, or half of it without a better plan) and
     * a crowd of requests asking for the longest time allowed: the pool stays at its size, everyone else is turned
     * away at once with Retry-After, no request waits long, threads and heap stay bounded.
     */
    @Test
    void solves_at_their_time_limit_and_a_crowd_asking_for_the_maximum_time_keep_everything_bounded() throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        var slow = "{\"targets\": {\"carbohydrate\": {\"min\": \"90 g\"}, \"sodium\": {\"min\": \"700 mg\", \"max\": \"900 mg\"},"
                + " \"fluid\": {\"min\": \"1 L\", \"max\": \"1.5 L\"}}, \"solver\": \"timefold\", \"timeLimitMs\": 3000, \"alternatives\": 2}";
        var greedy = REQUEST.replace("}}}", "}}, \"timeLimitMs\": 30000, \"solver\": \"timefold\"}");
        try (var service = TestService.start(TestService.settings().withSolverPool(1, 1, 300))) {
            service.postJson(PlanRoutes.PLANS, REQUEST); // warm
            System.gc();
            int threadsBefore = threads.getThreadCount();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();

            var inFlight = service.postJsonAsync(PlanRoutes.PLANS, slow);
            Thread.sleep(300);
            var crowd = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
            long start = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                crowd.add(service.postJsonAsync(PlanRoutes.PLANS, greedy));
            }
            var statuses = new java.util.TreeMap<Integer, Integer>();
            for (var pending : crowd) {
                var response = pending.get(60, TimeUnit.SECONDS);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 503) {
                    assertBusy(response);
                }
            }
            long crowdMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int threadsPeak = threads.getPeakThreadCount();
            var first = inFlight.get(60, TimeUnit.SECONDS);
            System.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("solves at their limit: crowd of 40 answered %s in %d ms; threads %d before, peak %d; heap %d -> %d MiB%n",
                    statuses, crowdMs, threadsBefore, threadsPeak, heapBefore >> 20, heapAfter >> 20);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(json(first).path("timeMs").asLong()).as("the slow solve took its time").isGreaterThan(1000);
            assertThat(statuses.keySet()).isSubsetOf(200, 503).contains(503);
            assertThat(crowdMs).as("the crowd was turned away, not queued behind 30 s solves").isLessThan(10_000);
            assertThat(threadsPeak - threadsBefore).as("threads stay bounded").isLessThan(100);
            assertThat(heapAfter - heapBefore).as("heap stays bounded").isLessThan(200L << 20);
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

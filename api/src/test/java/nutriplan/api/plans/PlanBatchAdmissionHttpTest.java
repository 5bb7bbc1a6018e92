package nutriplan.api.plans;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.service.BlockingPlanner;
import nutriplan.api.service.TestService;

/**
 * Batches against the solver pool over real HTTP, with slow solves on demand: one snapshot of each catalog per batch,
 * admission of a batch whole or not at all, and batches at the limit (issue 20): the pool stays bounded, others get
 * 503 with Retry-After at once, nothing waits past the request timeout.
 */
class PlanBatchAdmissionHttpTest {

    private static final String REQUEST = "{\"targets\": {\"sodium\": {\"min\": \"500 mg\", \"max\": \"1000 mg\"}}}";

    private static String batchOf(int count, String request) {
        return PlanBatchHttpTest.batch(Collections.nCopies(count, request));
    }

    private static void assertBusy(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(response).path("error").asText()).isEqualTo("busy");
        assertThat(json(response).path("results").isMissingNode()).as("never half an answer").isTrue();
    }

    private static ArrayList<JsonNode> results(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var results = new ArrayList<JsonNode>();
        json(response).path("results").forEach(results::add);
        return results;
    }

    /**
     * A batch of 3 on one solver: the first solve is held while the default catalog changes, then released. Every
     * request of the batch is read after the change but must still plan from the version the batch first read.
     */
    @Test
    void a_catalog_changed_while_a_batch_runs_gives_one_version_within_the_batch() throws Exception {
        var planner = new BlockingPlanner(1);
        try (var service = TestService.start(TestService.settings().withSolverPool(1, 4, 10_000), new PlanService(planner))) {
            var batch = service.postJsonAsync(PlanBatchRoutes.PLANS_BATCH, batchOf(3, REQUEST));
            planner.awaitStarted();

            var put = service.send(service.request("/api/v1/catalogs/default/products/batch-test-gel")
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                            {"id": "batch-test-gel", "name": "Batch test gel", "kind": "gel", "serving": "40 g",
                             "nutrients": {"carbohydrate": "25 g", "sodium": "50 mg"}, "source": "label: test"}""",
                            StandardCharsets.UTF_8)).build());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            var catalogs = service.get("/api/v1/catalogs").body();
            planner.release();
            var answered = results(batch.get(30, TimeUnit.SECONDS));
            var after = service.postJson(PlanRoutes.PLANS, REQUEST);

            assertThat(catalogs).as("the change is made while the batch runs").contains("\"version\":2");
            assertThat(planner.calls()).isGreaterThanOrEqualTo(3);
            assertThat(answered).hasSize(3).allSatisfy(result -> {
                assertThat(result.path("status").asInt()).isEqualTo(200);
                assertThat(result.at("/body/catalog/version").asLong()).as("the version the batch began with").isEqualTo(1);
            });
            assertThat(json(after).at("/catalog/version").asLong()).as("a request after the batch").isEqualTo(2);
        }
    }

    /**
     * Two solvers, no queue. A batch of 6 takes both (its own and the idle one) and runs no more than two solves at
     * once; meanwhile another batch and a single request are turned away at once, before any of their requests ran;
     * then every request of the first batch is answered.
     */
    @Test
    void a_batch_is_admitted_whole_or_turned_away_whole_and_the_pool_stays_at_its_size() throws Exception {
        var planner = new BlockingPlanner(2);
        try (var service = TestService.start(TestService.settings().withSolverPool(2, 0, 1000), new PlanService(planner))) {
            var batch = service.postJsonAsync(PlanBatchRoutes.PLANS_BATCH, batchOf(6, REQUEST));
            planner.awaitStarted();
            Thread.sleep(200); // a third solve, were the pool not bounded, would start now

            long start = System.nanoTime();
            var second = service.postJson(PlanBatchRoutes.PLANS_BATCH, batchOf(2, REQUEST));
            var single = service.postJson(PlanRoutes.PLANS, REQUEST);
            long turnedAwayMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int solvesWhileFull = planner.calls();
            var metrics = service.get("/metrics").body();
            planner.release();
            var answered = results(batch.get(30, TimeUnit.SECONDS));

            assertBusy(second);
            assertBusy(single);
            assertThat(turnedAwayMs).as("turned away at once").isLessThan(2000);
            assertThat(solvesWhileFull).as("solves running at once: the pool's size").isEqualTo(2);
            assertThat(metrics).contains("nutriplan_solver_pool_in_use 2.0", "nutriplan_solver_pool_queued 0.0");
            assertThat(answered).hasSize(6).allSatisfy(result -> assertThat(result.path("status").asInt()).isEqualTo(200));
            assertThat(planner.calls()).as("the batches turned away planned nothing").isEqualTo(6);
        }
    }

    /** A batch that waits in the queue for a solver that does not free up in time is turned away whole, having run nothing. */
    @Test
    void a_batch_that_gets_no_solver_within_the_queue_timeout_gets_503_and_ran_nothing() throws Exception {
        var planner = new BlockingPlanner(1);
        try (var service = TestService.start(TestService.settings().withSolverPool(1, 1, 300), new PlanService(planner))) {
            var single = service.postJsonAsync(PlanRoutes.PLANS, REQUEST);
            planner.awaitStarted();

            var batch = service.postJson(PlanBatchRoutes.PLANS_BATCH, batchOf(5, REQUEST));
            planner.release();

            assertBusy(batch);
            assertThat(json(batch).path("message").asText()).contains("no solver became free within 300 ms");
            assertThat(single.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(planner.calls()).isEqualTo(1);
        }
    }

    /**
     * Batches at the limit (issue 20): real solves asking for the longest time allowed, 100 to a batch, against one
     * solver and a request timeout of 1.5 s. The batch admitted answers every request by the timeout (those whose
     * turn came after it 503 busy in their place); a crowd of batches and single requests meanwhile is turned away at
     * once with Retry-After; threads and heap stay bounded.
     */
    @Test
    void batches_at_the_limit_keep_the_pool_bounded_and_nothing_waits_past_the_request_timeout() throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        var memory = ManagementFactory.getMemoryMXBean();
        var greedy = REQUEST.replace("}}}", "}}, \"timeLimitMs\": 30000, \"solver\": \"timefold\"}");
        var settings = TestService.settings().withSolverPool(1, 1, 300).withTimeouts(1500, 5000);
        try (var service = TestService.start(settings)) {
            service.postJson(PlanBatchRoutes.PLANS_BATCH, batchOf(2, REQUEST)); // warm
            System.gc();
            int threadsBefore = threads.getThreadCount();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();

            long start = System.nanoTime();
            var admitted = service.postJsonAsync(PlanBatchRoutes.PLANS_BATCH, batchOf(100, greedy));
            Thread.sleep(300);
            var crowd = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 20; i++) {
                crowd.add(service.postJsonAsync(PlanBatchRoutes.PLANS_BATCH, batchOf(100, greedy)));
                crowd.add(service.postJsonAsync(PlanRoutes.PLANS, greedy));
            }
            var statuses = new TreeMap<Integer, Integer>();
            for (var pending : crowd) {
                var response = pending.get(60, TimeUnit.SECONDS);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                assertBusy(response);
            }
            long crowdMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            var answered = results(admitted.get(60, TimeUnit.SECONDS));
            long batchMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int threadsPeak = threads.getPeakThreadCount();
            System.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            var byStatus = new TreeMap<Integer, Integer>();
            answered.forEach(result -> byStatus.merge(result.path("status").asInt(), 1, Integer::sum));
            System.out.printf("batches at the limit: the batch of 100 answered %s in %d ms; crowd of 40 answered %s in %d ms;"
                    + " threads %d before, peak %d; heap %d -> %d MiB%n", byStatus, batchMs, statuses, crowdMs,
                    threadsBefore, threadsPeak, heapBefore >> 20, heapAfter >> 20);

            assertThat(answered).hasSize(100);
            assertThat(byStatus.keySet()).isSubsetOf(200, 503);
            assertThat(answered.get(0).path("status").asInt()).as("the first request was solved").isEqualTo(200);
            answered.stream().filter(result -> result.path("status").asInt() == 503).forEach(result ->
                    assertThat(result.at("/body/message").asText()).contains("time ran out while it waited for a solver"));
            assertThat(batchMs).as("the batch answered by its request timeout, and a solve's overrun").isLessThan(5000);
            assertThat(crowdMs).as("the crowd was turned away, not queued behind the batch").isLessThan(5000);
            assertThat(threadsPeak - threadsBefore).as("threads stay bounded").isLessThan(100);
            assertThat(heapAfter - heapBefore).as("heap stays bounded").isLessThan(200L << 20);
        }
    }
}

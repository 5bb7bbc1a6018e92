package nutriplan.api.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.errors.ErrorJson;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.errors.TooLargeException;
import nutriplan.api.plans.PlanRequestJson;
import nutriplan.api.plans.PlanResponseJson;
import nutriplan.api.plans.PlanService;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;
import nutriplan.planner.schedule.UnschedulableException;

/**
 * Plans a few representative requests in the background when the service starts, before {@code /ready} says ready,
 * so that the first request a load balancer sends gets the plan and status a warm service gives. A cold JVM loads
 * and compiles the solvers on its first plans (Choco, ojAlgo, Timefold): in issue 27 the first 4-hour workout with a
 * schedule took its whole 2 s and came back {@code FEASIBLE} from Timefold, where the next came back {@code OPTIMAL}
 * from Choco in under a second.
 *
 * <p>The requests cover the engines' paths: a workout with a schedule (the needs rules, Choco's search with the
 * relaxation at its nodes, the Timefold scheduler), targets with alternatives (small supports, the tie-break's
 * ranking), a meal of one serving per food (dominance, {@code BinarySubsets}), an infeasible request (its
 * explanation) and one for the Timefold engine itself; each is read and written as JSON, as over HTTP. They plan on
 * the {@code default} catalog (or the first stored one), through the service's own {@link PlanService} but not its
 * solver pool or metrics, in {@code rounds} rounds shared by one thread per solver. A request that fails is logged
 * and skipped: warming up never stops the service from becoming ready.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    /** The representative requests, without their catalog. */
    static final List<String> REQUESTS = List.of(
            // The request of issue 27: a 4-hour workout in the heat, with its intake schedule.
            """
            {"workout": {"durationMin": 240, "bodyMass": "75 kg", "sweatRate": "1.5 L/h", "temperature": "32 °C",
                         "carbTolerance": "90 g/h"},
             "schedule": {}}
            """,
            // Targets with limits and alternatives, as the web form's presets send.
            """
            {"targets": {"protein": {"min": "20 g", "max": "24 g"}, "carbohydrate": {"min": "80 g", "max": "96 g"},
                         "fluid": {"min": "1200 mL", "max": "1500 mL"}, "sodium": {"min": "480 mg", "max": "1650 mg"}},
             "limits": {"maxServingsPerProduct": 3, "maxProducts": 4, "maxServings": 8}, "alternatives": 2}
            """,
            // A meal as from a food table: one serving of each food at most.
            """
            {"targets": {"energy": {"min": "500 kcal", "max": "750 kcal"}, "protein": {"min": "20 g", "max": "45 g"},
                         "carbohydrate": {"min": "60 g", "max": "110 g"}, "fat": {"max": "25 g"},
                         "sodium": {"min": "300 mg", "max": "900 mg"}},
             "limits": {"maxServingsPerProduct": 1, "maxProducts": 5}, "objective": "mass"}
            """,
            // Infeasible: much sodium in little fluid, in few servings; answered with its explanation, whose work
            // follows the time limit (the least there is: 0.2 s worth; at 2 s, twice as long for the same paths).
            """
            {"targets": {"sodium": {"min": "3000 mg"}, "fluid": {"max": "600 mL"},
                         "carbohydrate": {"min": "60 g", "max": "90 g"}},
             "exclude": {"tags": ["caffeine"]}, "limits": {"maxServings": 4}, "timeLimitMs": 400}
            """,
            // The Timefold engine, which auto continues with when the exact engine's work runs out.
            """
            {"targets": {"carbohydrate": {"min": "120 g", "max": "150 g"}, "fluid": {"min": "1500 mL", "max": "2000 mL"},
                         "sodium": {"min": "800 mg", "max": "1500 mg"}},
             "solver": "timefold", "timeLimitMs": 300}
            """);

    private final PlanService planService;
    private final Catalogs catalogs;
    private final int rounds;
    private final ExecutorService threads;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger running;
    private volatile boolean finished;
    private volatile long tookMs = -1;

    private WarmUp(PlanService planService, Catalogs catalogs, int rounds, int threadCount) {
        this.planService = Objects.requireNonNull(planService, "planService");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.rounds = rounds;
        this.running = new AtomicInteger(threadCount);
        this.threads = Executors.newFixedThreadPool(threadCount, Thread.ofPlatform().daemon().name("nutriplan-warm-up-", 1)
                .factory());
    }

    /**
     * Starts warming up on {@code threadCount} background threads; with no rounds it is finished at once.
     *
     * @param rounds      how many times each request is planned in all
     * @param threadCount the threads that share the plans (one per solver)
     */
    static WarmUp start(PlanService planService, Catalogs catalogs, int rounds, int threadCount) {
        var warmUp = new WarmUp(planService, catalogs, rounds, Math.max(1, threadCount));
        if (rounds == 0) {
            warmUp.finished = true;
            warmUp.tookMs = 0;
            warmUp.threads.shutdown();
            return warmUp;
        }
        var bodies = warmUp.bodies();
        var next = new AtomicInteger();
        int total = rounds * bodies.size();
        long start = System.nanoTime();
        for (int t = 0; t < warmUp.running.get(); t++) {
            warmUp.threads.execute(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < total && !warmUp.threads.isShutdown(); i = next.getAndIncrement()) {
                        warmUp.plan(bodies.get(i % bodies.size()));
                        warmUp.done.incrementAndGet();
                    }
                } finally {
                    if (warmUp.running.decrementAndGet() == 0) {
                        warmUp.tookMs = (System.nanoTime() - start) / 1_000_000;
                        LOG.info("warmed up in {} ms: {} plans of {} requests; ready", warmUp.tookMs, warmUp.done.get(),
                                bodies.size());
                        warmUp.finished = true;
                        warmUp.threads.shutdown();
                    }
                }
            });
        }
        return warmUp;
    }

    /** Whether every warm-up plan is done (or there were none). */
    boolean finished() {
        return finished;
    }

    /** How long warming up took, in milliseconds; -1 while it runs. */
    long tookMs() {
        return tookMs;
    }

    /** Where it stands, for {@code /ready}: "warming up the engines: 4 of 15 sample plans done". */
    String progress() {
        return "warming up the engines: " + done.get() + " of " + rounds * REQUESTS.size() + " sample plans done";
    }

    /** Stops after the plans in progress (the service is stopping). */
    void stop() {
        threads.shutdown();
    }

    /** The requests on the default catalog, or the first stored one; none when the store holds no catalog. */
    private List<byte[]> bodies() {
        var catalog = catalogs.find(PlanRequestJson.DEFAULT_CATALOG);
        if (catalog == null && catalogs.all().isEmpty()) {
            LOG.warn("no catalog to warm up on: the first plans will be cold");
            return List.of();
        }
        var name = catalog != null ? catalog.name() : catalogs.all().get(0).name();
        var bodies = new ArrayList<byte[]>();
        for (var request : REQUESTS) {
            try {
                var json = (ObjectNode) Json.MAPPER.readTree(request);
                bodies.add(Json.MAPPER.writeValueAsBytes(json.put("catalog", name)));
            } catch (IOException e) {
                throw new UncheckedIOException("a warm-up request is not JSON: " + request, e);
            }
        }
        return bodies;
    }

    /** One request, read, planned and written as over HTTP; a fault is logged, not thrown. */
    private void plan(byte[] body) {
        try {
            var asked = PlanRequestJson.readScheduled(body, catalogs, PlanRequestJson.DEFAULT_MAX_INLINE_PRODUCTS);
            Json.MAPPER.writeValueAsBytes(PlanResponseJson.write(planService.plan(asked,
                    ServiceSettings.DEFAULT_REQUEST_TIMEOUT_MS)));
        } catch (UnschedulableException e) {
            ErrorJson.of(e); // an answer like any other: the 422 body
        } catch (InvalidInputException | NotFoundException | TooLargeException e) {
            LOG.warn("a warm-up request does not fit the catalog, skipped: {}", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("writing a JSON tree cannot fail", e);
        } catch (RuntimeException e) {
            // A fault of the service, which the request itself would answer with a 500: the warm-up goes on.
            LOG.error("a warm-up plan failed", e);
        }
    }
}

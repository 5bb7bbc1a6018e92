package nutriplan.planner.choco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nutriplan.planner.Planner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.problem.DefaultCatalog;
import nutriplan.planner.reference.CpSatPlanner;
import nutriplan.planner.reference.FoodTables;
import nutriplan.planner.reference.ProbeInstances;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.reference.RandomInstances.Instance;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;

/**
 * The Choco planner against OR-Tools CP-SAT (one worker) on seeded generated instances of 20–300
 * products: 8 per size, objectives {@code servings} and {@code products} mostly, one {@code mass} and
 * one {@code cost} per size, every third with {@code maxProducts}; and on the tight and infeasible families of
 * {@link ProbeInstances}: dietitian probes on the default catalog and meals on the IFCT 2017 table.
 *
 * <p>Per instance it asserts: Choco's plans never break a bound or limit; where both prove an optimum,
 * the values are equal (mass and cost within 1e-6 relative); where one proves an optimum, the other's
 * plan is no better, its bound no higher and it does not say infeasible; where both settle feasibility
 * (a plan, or INFEASIBLE), the same verdict. Timeouts (FEASIBLE, UNKNOWN) are counted, not failures:
 * speed is the benchmark's business.
 *
 * <p>The two solvers of an instance run side by side on two threads, so the whole test takes at most
 * about instances × time limit. Properties: {@code nutriplan.crosscheck.seed} (default 20260401),
 * {@code nutriplan.crosscheck.perSize} (default 8), {@code nutriplan.crosscheck.timeLimitMs} (default 5000).
 * To run it alone: {@code ./mvnw -B -q -pl planner -am test -Dtest=CpSatCrossCheckTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CpSatCrossCheckTest {

    private static final long SEED = Long.getLong("nutriplan.crosscheck.seed", 20_260_401L);
    private static final int PER_SIZE = Integer.getInteger("nutriplan.crosscheck.perSize", 8);
    private static final long TIME_LIMIT_MS = Long.getLong("nutriplan.crosscheck.timeLimitMs", 5000);
    private static final int[] SIZES = {20, 50, 100, 200, 300};
    private static final Objective[] OBJECTIVES = {Objective.SERVINGS, Objective.PRODUCTS, Objective.SERVINGS,
            Objective.PRODUCTS, Objective.MASS, Objective.COST};
    /** Mass and cost are sums of doubles: equal up to this relative difference. */
    private static final double RELATIVE_TOLERANCE = 1e-6;

    private static final Planner CHOCO = new ChocoPlanner();
    private static final Planner CP_SAT = new CpSatPlanner();

    private static final AtomicInteger instances = new AtomicInteger();
    private static final AtomicInteger bothOptimal = new AtomicInteger();
    private static final AtomicInteger equalOptima = new AtomicInteger();
    private static final AtomicInteger violations = new AtomicInteger();
    private static final AtomicInteger chocoOptimal = new AtomicInteger();
    private static final AtomicInteger cpSatOptimal = new AtomicInteger();
    private static final AtomicInteger bothInfeasible = new AtomicInteger();
    private static final AtomicInteger chocoUndecided = new AtomicInteger();
    private static final AtomicInteger cpSatUndecided = new AtomicInteger();
    private static final AtomicLong chocoMs = new AtomicLong();
    private static final AtomicLong cpSatMs = new AtomicLong();

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void summarise() {
        pool.shutdownNow();
        System.out.printf(Locale.ROOT, "CP-SAT cross-check: %d instances of %d-%d products, %d ms limit: both optimal"
                        + " %d (equal %d), both infeasible %d, Choco optimal %d / undecided %d, CP-SAT optimal %d /"
                        + " undecided %d, Choco plans breaking the request %d; solve time Choco %.1f s, CP-SAT %.1f s%n",
                instances.get(), SIZES[0], SIZES[SIZES.length - 1], TIME_LIMIT_MS, bothOptimal.get(),
                equalOptima.get(), bothInfeasible.get(), chocoOptimal.get(), chocoUndecided.get(), cpSatOptimal.get(),
                cpSatUndecided.get(), violations.get(), chocoMs.get() / 1000.0, cpSatMs.get() / 1000.0);
    }

    static Stream<Instance> instances() {
        var all = new ArrayList<Instance>();
        for (int size : SIZES) {
            all.addAll(RandomInstances.suite(SEED, size, PER_SIZE, OBJECTIVES));
        }
        all.addAll(ProbeInstances.probes(SEED, DefaultCatalog.get().products(), 2 * PER_SIZE));
        all.addAll(ProbeInstances.meals(SEED, FoodTables.ifct(), PER_SIZE / 2));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void choco_agrees_with_cp_sat(Instance instance) throws InterruptedException {
        var request = instance.request().withTimeLimitMs(TIME_LIMIT_MS);
        var chocoRun = pool.submit(() -> CHOCO.plan(request));
        var cpSatRun = pool.submit(() -> CP_SAT.plan(request));
        PlanResult choco = result(chocoRun, "Choco", instance);
        PlanResult cpSat = result(cpSatRun, "CP-SAT", instance);
        record(request, choco, cpSat);
        var context = instance + "\n  choco:  " + describe(choco) + "\n  cp-sat: " + describe(cpSat);

        if (choco.hasPlan()) {
            assertThat(choco.plan().violations(request)).as("Choco's plan breaks the request; " + context).isEmpty();
            assertThat(choco.value()).as("Choco's value is its plan's value; " + context)
                    .isEqualTo(choco.plan().value(request.objective()));
        }
        for (var alternative : choco.alternatives()) {
            assertThat(alternative.violations(request)).as("a Choco alternative breaks the request; " + context).isEmpty();
        }
        if (settlesFeasibility(choco) && settlesFeasibility(cpSat)) {
            assertThat(choco.hasPlan()).as("feasibility verdicts differ; " + context).isEqualTo(cpSat.hasPlan());
        }
        if (choco.status() == PlanStatus.OPTIMAL && cpSat.status() == PlanStatus.OPTIMAL) {
            assertThat(equal(choco.value(), cpSat.value())).as("proven optima differ; " + context).isTrue();
        }
        if (cpSat.status() == PlanStatus.OPTIMAL) {
            assertNotBetterThanOptimum(choco, cpSat.value(), "CP-SAT's", context);
        }
        if (choco.status() == PlanStatus.OPTIMAL) {
            assertNotBetterThanOptimum(cpSat, choco.value(), "Choco's", context);
        }
    }

    private static PlanResult result(Future<PlanResult> run, String solver, Instance instance) throws InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw new AssertionError(solver + " failed on " + instance + ": " + e.getCause(), e.getCause());
        }
    }

    /** A plan better than a proven optimum, or a bound above it, means one of the two solvers is wrong. */
    private static void assertNotBetterThanOptimum(PlanResult other, double optimum, String whose, String context) {
        if (other.hasPlan()) {
            assertThat(other.value() >= optimum - tolerance(optimum))
                    .as("a plan beats " + whose + " proven optimum " + optimum + "; " + context).isTrue();
        }
        if (other.hasPlan() && Double.isFinite(other.bound())) {
            assertThat(other.bound() <= optimum + tolerance(optimum))
                    .as("a bound exceeds " + whose + " proven optimum " + optimum + "; " + context).isTrue();
        }
        assertThat(other.status()).as(whose + " optimum exists, yet the other says infeasible; " + context)
                .isNotEqualTo(PlanStatus.INFEASIBLE);
    }

    private static void record(PlanRequest request, PlanResult choco, PlanResult cpSat) {
        instances.incrementAndGet();
        if (choco.hasPlan() && !choco.plan().violations(request).isEmpty()) {
            violations.incrementAndGet();
        }
        chocoMs.addAndGet(choco.timeMs());
        cpSatMs.addAndGet(cpSat.timeMs());
        boolean chocoProven = choco.status() == PlanStatus.OPTIMAL;
        boolean cpSatProven = cpSat.status() == PlanStatus.OPTIMAL;
        if (chocoProven) {
            chocoOptimal.incrementAndGet();
        } else if (!proven(choco)) {
            chocoUndecided.incrementAndGet();
        }
        if (cpSatProven) {
            cpSatOptimal.incrementAndGet();
        } else if (!proven(cpSat)) {
            cpSatUndecided.incrementAndGet();
        }
        if (chocoProven && cpSatProven) {
            bothOptimal.incrementAndGet();
            if (equal(choco.value(), cpSat.value())) {
                equalOptima.incrementAndGet();
            }
        }
        if (choco.status() == PlanStatus.INFEASIBLE && cpSat.status() == PlanStatus.INFEASIBLE) {
            bothInfeasible.incrementAndGet();
        }
    }

    /** OPTIMAL or INFEASIBLE: nothing left to prove. */
    private static boolean proven(PlanResult result) {
        return result.status() == PlanStatus.OPTIMAL || result.status() == PlanStatus.INFEASIBLE;
    }

    /** A plan (OPTIMAL, FEASIBLE) and INFEASIBLE both settle feasibility; UNKNOWN does not. */
    private static boolean settlesFeasibility(PlanResult result) {
        return result.hasPlan() || result.status() == PlanStatus.INFEASIBLE;
    }

    private static boolean equal(double a, double b) {
        return Math.abs(a - b) <= tolerance(Math.max(Math.abs(a), Math.abs(b)));
    }

    private static double tolerance(double magnitude) {
        return RELATIVE_TOLERANCE * Math.max(1, Math.abs(magnitude));
    }

    private static String describe(PlanResult result) {
        var text = result.status() + " value " + result.value() + " bound " + result.bound() + " in " + result.timeMs() + " ms";
        if (result.hasPlan()) {
            List<String> items = result.plan().items().stream()
                    .map(item -> item.product().id() + "×" + item.servings()).toList();
            text += " " + items;
        }
        return text;
    }
}

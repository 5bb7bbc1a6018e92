package nutriplan.planner.choco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
import nutriplan.planner.reference.ProbeInstances;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.reference.RandomInstances.Instance;
import nutriplan.planner.reference.WorkoutRequests;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.Objective;

/**
 * Choco against OR-Tools CP-SAT (one worker) with a concentration limit, on instances too large to enumerate: the
 * generated families of 20–300 products at 50–120 g/L, dietitian probes on the default catalog, and the workouts of
 * {@link WorkoutRequests} at 60 and 100 g/L. CP-SAT models the row on its own, in decimal
 * ({@link CpSatPlanner}). Per instance: Choco's plans keep the request, the row included; where both settle
 * feasibility they agree; where both prove an optimum the values are equal, and neither beats the other's. Choco
 * without the row is solved too, to count the instances where the row changes the optimum (which must exist).
 */
class CpSatConcentrationCrossCheckTest {

    private static final long SEED = 20_261_207L;
    private static final long TIME_LIMIT_MS = Long.getLong("nutriplan.crosscheck.timeLimitMs", 3000);
    private static final int[] SIZES = {20, 50, 100, 200, 300};
    private static final double[] LIMITS = {50, 70, 90, 120};
    private static final double RELATIVE_TOLERANCE = 1e-6;

    private static final Planner CHOCO = new ChocoPlanner();
    private static final Planner CP_SAT = new CpSatPlanner();

    private static final AtomicInteger instances = new AtomicInteger();
    private static final AtomicInteger bothOptimal = new AtomicInteger();
    private static final AtomicInteger bothInfeasible = new AtomicInteger();
    private static final AtomicInteger rowBinds = new AtomicInteger();

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void summarise() {
        pool.shutdownNow();
        System.out.printf(Locale.ROOT, "CP-SAT concentration cross-check: %d instances, both optimal %d, both infeasible"
                        + " %d, the row changes Choco's optimum on %d%n", instances.get(), bothOptimal.get(),
                bothInfeasible.get(), rowBinds.get());
        assertThat(rowBinds.get()).as("instances whose optimum the row changes").isPositive();
    }

    static Stream<Instance> instances() {
        var all = new ArrayList<Instance>();
        int k = 0;
        for (int size : SIZES) {
            for (var instance : RandomInstances.suite(SEED, size, 4, Objective.SERVINGS, Objective.PRODUCTS,
                    Objective.MASS, Objective.COST)) {
                all.add(withLimit(instance, LIMITS[k++ % LIMITS.length]));
            }
        }
        for (var instance : ProbeInstances.probes(SEED, DefaultCatalog.get().products(), 8)) {
            all.add(withLimit(instance, LIMITS[k++ % LIMITS.length]));
        }
        all.addAll(WorkoutRequests.at(60));
        all.addAll(WorkoutRequests.at(100));
        return all.stream();
    }

    private static Instance withLimit(Instance instance, double gramsPerLitre) {
        return new Instance(instance.name() + " concentration=" + gramsPerLitre,
                instance.request().withConcentration(new Concentration(gramsPerLitre)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void choco_agrees_with_cp_sat_under_a_concentration_limit(Instance instance) throws Exception {
        var request = instance.request().withTimeLimitMs(TIME_LIMIT_MS);
        var chocoRun = pool.submit(() -> CHOCO.plan(request));
        var cpSatRun = pool.submit(() -> CP_SAT.plan(request));
        var choco = get(chocoRun);
        var cpSat = get(cpSatRun);
        var context = instance + "\n  choco:  " + describe(choco) + "\n  cp-sat: " + describe(cpSat);
        instances.incrementAndGet();

        if (choco.hasPlan()) {
            assertThat(choco.plan().violations(request)).as("Choco's plan breaks the request; " + context).isEmpty();
            assertThat(choco.plan().keepsConcentration(request)).as(context).isTrue();
        }
        for (var alternative : choco.alternatives()) {
            assertThat(alternative.violations(request)).as("a Choco alternative breaks the request; " + context).isEmpty();
        }
        if (settles(choco) && settles(cpSat)) {
            assertThat(choco.hasPlan()).as("feasibility verdicts differ; " + context).isEqualTo(cpSat.hasPlan());
        }
        if (choco.status() == PlanStatus.INFEASIBLE && cpSat.status() == PlanStatus.INFEASIBLE) {
            bothInfeasible.incrementAndGet();
        }
        if (choco.status() == PlanStatus.OPTIMAL && cpSat.status() == PlanStatus.OPTIMAL) {
            bothOptimal.incrementAndGet();
            assertThat(equal(choco.value(), cpSat.value())).as("proven optima differ; " + context).isTrue();
        }
        if (cpSat.status() == PlanStatus.OPTIMAL && choco.hasPlan()) {
            assertThat(choco.value() >= cpSat.value() - tolerance(cpSat.value())).as("beats CP-SAT's optimum; " + context)
                    .isTrue();
        }
        if (choco.status() == PlanStatus.OPTIMAL && cpSat.hasPlan()) {
            assertThat(cpSat.value() >= choco.value() - tolerance(choco.value())).as("beats Choco's optimum; " + context)
                    .isTrue();
        }
        if (choco.status() == PlanStatus.OPTIMAL) {
            var without = CHOCO.plan(request.withConcentration(null));
            if (without.status() == PlanStatus.OPTIMAL && !equal(without.value(), choco.value())) {
                rowBinds.incrementAndGet();
            }
        }
    }

    private static PlanResult get(java.util.concurrent.Future<PlanResult> run) throws InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private static boolean settles(PlanResult result) {
        return result.hasPlan() || result.status() == PlanStatus.INFEASIBLE;
    }

    private static boolean equal(double a, double b) {
        return Math.abs(a - b) <= tolerance(Math.max(Math.abs(a), Math.abs(b)));
    }

    private static double tolerance(double magnitude) {
        return RELATIVE_TOLERANCE * Math.max(1, Math.abs(magnitude));
    }

    private static String describe(PlanResult result) {
        List<String> items = result.hasPlan() ? result.plan().items().stream()
                .map(item -> item.product().id() + "×" + item.servings()).toList() : List.of();
        return result.status() + " value " + result.value() + " bound " + result.bound() + " in " + result.timeMs()
                + " ms " + items + (result.hasPlan() ? String.format(Locale.ROOT, " (%.1f g/L)",
                result.plan().concentration()) : "");
    }
}

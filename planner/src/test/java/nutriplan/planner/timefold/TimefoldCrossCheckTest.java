package nutriplan.planner.timefold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.reference.RandomInstances.Instance;
import nutriplan.planner.request.Objective;

/**
 * Timefold against Choco's proven optima on 200 seeded random instances of 10, 20 and 30 products, all four
 * objectives, every third with maxProducts: with 2 s each, Timefold finds the proven optimum in at least 95 %
 * of them, never returns a plan that breaks its request, never beats a proven optimum, never claims a bound
 * above it, and never has a plan where Choco proved there is none.
 *
 * <p>Kept fast the quickstarts' way: the test (and only the test) stops Timefold as soon as its plan reaches
 * Choco's optimum; the 2 s limit (and the engine's own stop after half of it without improvement) applies
 * when it does not. All instances run in a loop in this JVM. Properties: {@code nutriplan.timefold.seed}
 * (default 20260501), {@code nutriplan.timefold.instances} (default 200).
 */
class TimefoldCrossCheckTest {

    private static final long SEED = Long.getLong("nutriplan.timefold.seed", 20_260_501L);
    private static final int INSTANCES = Integer.getInteger("nutriplan.timefold.instances", 200);
    private static final long TIME_LIMIT_MS = 2000;
    private static final int[] SIZES = {10, 20, 30};
    private static final double REQUIRED_SHARE = 0.95;

    @Test
    void timefold_finds_chocos_proven_optimum_in_at_least_95_percent_and_never_breaks_a_request() {
        var choco = new ChocoPlanner();
        var timefold = new TimefoldPlanner();
        var instances = instances();
        var misses = new ArrayList<String>();
        var faults = new ArrayList<String>();
        int compared = 0;
        int found = 0;
        long start = System.nanoTime();

        for (var instance : instances) {
            var request = instance.request().withTimeLimitMs(TIME_LIMIT_MS);
            var exact = choco.plan(request);
            var options = exact.status() == PlanStatus.OPTIMAL
                    ? TimefoldPlanner.Options.NONE.withStopAt(exact.value()) : TimefoldPlanner.Options.NONE;
            var result = timefold.plan(request, options);
            var context = instance + ": choco " + describe(exact) + ", timefold " + describe(result);

            if (result.hasPlan() && !result.plan().violations(request).isEmpty()) {
                faults.add("breaks its request " + result.plan().violations(request) + "; " + context);
            }
            if (result.status() == PlanStatus.INFEASIBLE && exact.status() != PlanStatus.INFEASIBLE) {
                faults.add("Timefold says infeasible (from the exact relaxation), Choco does not; " + context);
            }
            if (exact.status() == PlanStatus.INFEASIBLE && result.hasPlan()) {
                faults.add("a plan where Choco proved none; " + context);
            }
            if (exact.status() == PlanStatus.OPTIMAL) {
                compared++;
                if (result.hasPlan() && result.value() < exact.value() - tolerance(exact.value())) {
                    faults.add("beats the proven optimum; " + context);
                }
                if (result.hasPlan() && result.bound() > exact.value() + tolerance(exact.value())) {
                    faults.add("a bound above the proven optimum; " + context);
                }
                if (result.hasPlan() && Math.abs(result.value() - exact.value()) <= tolerance(exact.value())) {
                    found++;
                } else {
                    misses.add(context);
                }
            }
        }

        System.out.printf(Locale.ROOT, "Timefold cross-check: %d instances of %d-%d products, %d proven optimal by"
                        + " Choco, Timefold found %d (%.1f %%) in %.1f s%n", instances.size(), SIZES[0],
                SIZES[SIZES.length - 1], compared, found, 100.0 * found / Math.max(1, compared),
                (System.nanoTime() - start) / 1e9);
        misses.forEach(miss -> System.out.println("  missed: " + miss));
        assertThat(faults).isEmpty();
        assertThat(compared).as("instances with a proven optimum").isGreaterThanOrEqualTo(INSTANCES * 9 / 10);
        assertThat((double) found).as("optima found of %d; missed: %s", compared, misses)
                .isGreaterThanOrEqualTo(REQUIRED_SHARE * compared);
    }

    private static List<Instance> instances() {
        var all = new ArrayList<Instance>();
        for (int k = 0; k < SIZES.length; k++) {
            int count = INSTANCES / SIZES.length + (k < INSTANCES % SIZES.length ? 1 : 0);
            all.addAll(RandomInstances.suite(SEED, SIZES[k], count, Objective.SERVINGS, Objective.PRODUCTS,
                    Objective.MASS, Objective.COST));
        }
        return all;
    }

    private static double tolerance(double value) {
        return 1e-6 * Math.max(1, Math.abs(value));
    }

    private static String describe(PlanResult result) {
        return String.format(Locale.ROOT, "%s %s (bound %s, %d ms)", result.status(), result.value(), result.bound(),
                result.timeMs());
    }
}

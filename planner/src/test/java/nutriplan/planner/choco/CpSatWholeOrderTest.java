package nutriplan.planner.choco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.reference.CpSatPlanner;
import nutriplan.planner.request.Objective;

/**
 * The benchmark's CP-SAT on API.md's whole order ({@link CpSatPlanner#withTieBreaks}) against enumeration: where it
 * says OPTIMAL, its plan has the brute-force best's objective, product count and overshoot, so that the benchmark's
 * times for the whole order are times to the right answer.
 */
class CpSatWholeOrderTest {

    /** Instances per objective, each objective's seeds as {@link BruteForcePropertyTest#instance} reads them. */
    private static final int PER_OBJECTIVE = 100;
    private static final long SEEDS_PER_OBJECTIVE = 1_000_000;
    /** The overshoot is minimised in whole parts per million of each minimum: rounding may tie plans this close. */
    private static final double OVERSHOOT_TOLERANCE = 1e-4;

    @Test
    void the_whole_order_proven_by_cp_sat_is_brute_forces_best() {
        var planner = CpSatPlanner.withTieBreaks(1);
        var wrong = new ArrayList<String>();
        int proven = 0;
        for (long seed : seeds()) {
            var request = BruteForcePropertyTest.instance(seed).withAlternatives(0);
            var solution = BruteForce.solve(request);
            var result = planner.plan(request);
            if (!solution.isFeasible() || result.status() != PlanStatus.OPTIMAL) {
                continue;
            }
            proven++;
            var best = solution.best();
            var plan = result.plan();
            if (BruteForce.exactValue(request.objective(), plan) != best.value()
                    || plan.productCount() != best.productCount()
                    || Math.abs(BruteForce.overshoot(request, plan) - best.overshoot()) > OVERSHOOT_TOLERANCE) {
                wrong.add("seed " + seed + ": " + plan + " against " + solution.describe(best.servings()));
            }
        }

        assertThat(proven).isGreaterThan(PER_OBJECTIVE);
        assertThat(wrong).isEmpty();
    }

    private static List<Long> seeds() {
        var seeds = new ArrayList<Long>();
        for (var objective : Objective.values()) {
            for (int i = 0; i < PER_OBJECTIVE; i++) {
                seeds.add((objective.ordinal() + 1) * SEEDS_PER_OBJECTIVE + i);
            }
        }
        return seeds;
    }
}

package nutriplan.planner.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import nutriplan.planner.choco.BruteForce;
import nutriplan.planner.choco.BruteForcePropertyTest;
import nutriplan.planner.request.Objective;

/**
 * The greedy start of both engines, against brute force on random tiny requests: a plan it returns meets every
 * target and limit (checked in the oracle's exact arithmetic) and is never better than the optimum; it gives up only
 * by returning null; the seeded restarts never do worse than the plain run and find a plan at least as often.
 */
class GreedyTest {

    private static final int PER_OBJECTIVE = 150;

    @Test
    void a_greedy_plan_is_feasible_and_never_beats_the_optimum() {
        var problems = new ArrayList<String>();
        int feasible = 0;
        int plain = 0;
        int seeded = 0;
        for (var objective : Objective.values()) {
            for (int i = 0; i < PER_OBJECTIVE; i++) {
                long seed = (objective.ordinal() + 1) * 1_000_000L + i;
                var request = BruteForcePropertyTest.instance(seed);
                var truth = BruteForce.solve(request);
                var problem = ProblemBuilder.build(request);

                var plainPlan = Greedy.solve(problem);
                var seededPlan = Greedy.solveSeeded(problem, 8);

                for (var plan : new int[][] {plainPlan, seededPlan}) {
                    if (plan == null) {
                        continue;
                    }
                    var found = problem.plan(plan);
                    if (!truth.isFeasible()) {
                        problems.add(seed + ": a plan where brute force finds none: " + found);
                        continue;
                    }
                    BruteForce.violations(request, found).forEach(violation -> problems.add(seed + ": " + violation));
                    if (BruteForce.exactValue(request.objective(), found) < truth.best().value()) {
                        problems.add(seed + ": " + found + " beats the optimum " + truth.best().value());
                    }
                }
                if (plainPlan != null && (seededPlan == null || problem.value(seededPlan) > problem.value(plainPlan) + 1e-9)) {
                    problems.add(seed + ": the seeded restarts did worse than the plain greedy plan");
                }
                feasible += truth.isFeasible() ? 1 : 0;
                plain += plainPlan != null ? 1 : 0;
                seeded += seededPlan != null ? 1 : 0;
            }
        }

        assertThat(problems).isEmpty();
        // Greedy proves nothing, but a start that is rarely there would make both engines search blind.
        assertThat(seeded).as("seeded plans (%d plain) of %d feasible", plain, feasible).isGreaterThanOrEqualTo(plain)
                .isGreaterThan(feasible / 2);
    }
}

package nutriplan.planner.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.problem.LagrangianBound.Stop;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.request.Objective;

/** The ascent's stopping rules: a stopped ascent is a valid bound, reached what was asked, and stopped early. */
class LagrangianBoundTest {

    private static final int INSTANCES = 40;
    private static final double NOISE = 1e-9;

    @Test
    void an_ascent_stops_once_its_bound_is_enough_and_stays_a_valid_bound() {
        int stoppedEarly = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            var request = RandomInstances.instance(seed, 30, 4, seed % 2 == 0 ? Objective.SERVINGS : Objective.MASS,
                    false);
            var problem = ProblemBuilder.build(request);
            var full = bound(problem, Stop.at(Long.MAX_VALUE));
            double enough = full.rootBound() / 2;
            var stopped = bound(problem, Stop.at(Long.MAX_VALUE).once(enough));

            assertThat(stopped.rootBound()).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(enough - NOISE)
                    .isLessThanOrEqualTo(full.rootBound() + NOISE);
            stoppedEarly += stopped.rootBound() < full.rootBound() - NOISE ? 1 : 0;
            var optimum = new ChocoPlanner().plan(request);
            if (optimum.status() == PlanStatus.OPTIMAL) {
                assertThat(full.rootBound()).as("seed %d: weak duality", seed).isLessThanOrEqualTo(optimum.value() + 1e-6);
            }
        }
        assertThat(stoppedEarly).as("ascents that stopped before the full ascent's bound").isGreaterThan(INSTANCES / 2);
    }

    @Test
    void fewer_steps_never_give_a_stronger_bound() {
        for (long seed = 1; seed <= INSTANCES; seed++) {
            var problem = ProblemBuilder.build(RandomInstances.instance(seed, 30, 4, Objective.SERVINGS, false));
            var full = bound(problem, Stop.at(Long.MAX_VALUE));
            var cut = bound(problem, Stop.at(Long.MAX_VALUE).within(3));

            assertThat(cut.rootBound()).as("seed %d", seed).isLessThanOrEqualTo(full.rootBound() + NOISE);
        }
    }

    private static LagrangianBound bound(Problem problem, Stop stop) {
        return LagrangianBound.compute(problem, problem.costs(), problem.fixedCosts(), Double.POSITIVE_INFINITY,
                List.of(), stop);
    }
}

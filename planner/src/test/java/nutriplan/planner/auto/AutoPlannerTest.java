package nutriplan.planner.auto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nutriplan.planner.Planner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.timefold.TimefoldPlanner;

/** {@code auto} picks what its rule says: the exact engine first, Timefold when that settles nothing in its share. */
class AutoPlannerTest {

    private static final TimefoldPlanner TIMEFOLD = new TimefoldPlanner();

    /** The exact engine, recording the time limit it was given; or a stand-in that stops short of a proof. */
    private static final class Recording implements Planner {
        private final Planner planner;
        private final boolean forgetProof;
        private final List<Long> limits = new ArrayList<>();

        Recording(Planner planner, boolean forgetProof) {
            this.planner = planner;
            this.forgetProof = forgetProof;
        }

        @Override
        public PlanResult plan(PlanRequest request) {
            limits.add(request.timeLimitMs());
            var result = planner.plan(request);
            if (!forgetProof || result.status() != PlanStatus.OPTIMAL) {
                return result;
            }
            // As if time ran out first: the same plan, unproven, with a weak bound.
            return new PlanResult(PlanStatus.FEASIBLE, result.solver(), result.objective(), result.value(), 0,
                    result.plan(), result.alternatives(), result.warnings(), result.timeMs(), null);
        }
    }

    private static PlanRequest small() {
        return RandomInstances.instance(3, 30, 4, Objective.SERVINGS, false).withTimeLimitMs(1000);
    }

    @Test
    void a_small_catalog_is_settled_by_the_exact_engine_within_its_share() {
        var exact = new Recording(new ChocoPlanner(), false);
        var auto = new AutoPlanner(exact, TIMEFOLD, AutoPlanner.Rule.MEASURED);

        var result = auto.plan(small());

        assertThat(auto.firstEngine(small())).isEqualTo("choco");
        assertThat(result.solver()).isEqualTo("choco");
        assertThat(result.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(exact.limits).containsExactly((long) (1000 * AutoPlanner.Rule.MEASURED.exactShare()));
    }

    @Test
    void without_a_proof_in_its_share_timefold_continues_from_the_exact_plan_and_keeps_its_bound() {
        var exact = new Recording(new ChocoPlanner(), true);
        var auto = new AutoPlanner(exact, TIMEFOLD, AutoPlanner.Rule.MEASURED);
        var request = small();
        var reported = new ArrayList<Double>();

        var result = auto.plan(request, TimefoldPlanner.Options.NONE.withProgress((nanos, value) -> reported.add(value)));
        var optimum = new ChocoPlanner().plan(request).value();

        assertThat(result.solver()).isEqualTo("timefold");
        assertThat(reported.getFirst()).isEqualTo(optimum); // Timefold started from the exact engine's plan
        assertThat(result.value()).isEqualTo(optimum);
        assertThat(result.plan().violations(request)).isEmpty();
        assertThat(result.timeMs()).isLessThanOrEqualTo(request.timeLimitMs() + 200);
    }

    @Test
    void a_catalog_above_the_rules_size_goes_to_timefold_directly() {
        var exact = new Recording(new ChocoPlanner(), false);
        var auto = new AutoPlanner(exact, TIMEFOLD, new AutoPlanner.Rule(0.5, 1000));
        var large = RandomInstances.instance(4, 2000, 4, Objective.SERVINGS, false).withTimeLimitMs(500);

        var result = auto.plan(large);

        assertThat(auto.firstEngine(large)).isEqualTo("timefold");
        assertThat(auto.firstEngine(small())).isEqualTo("choco");
        assertThat(result.solver()).isEqualTo("timefold");
        assertThat(exact.limits).isEmpty();
        assertThat(result.plan().violations(large)).isEmpty();
    }

    @Test
    void an_infeasible_request_is_proven_so_by_the_exact_engine() {
        var request = small().withLimits(nutriplan.planner.request.Limits.UNLIMITED.withMaxServings(1));
        var auto = new AutoPlanner(new ChocoPlanner(), TIMEFOLD, AutoPlanner.Rule.MEASURED);

        var result = auto.plan(request);

        assertThat(result.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(result.infeasibility()).isNotNull();
    }
}

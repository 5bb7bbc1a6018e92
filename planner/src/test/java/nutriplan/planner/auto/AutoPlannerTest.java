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

/**
 * {@code auto} picks what its rule says: the exact engine first, Timefold when that settles nothing in its share of
 * work; the time limit only a safety net.
 */
class AutoPlannerTest {

    private static final TimefoldPlanner TIMEFOLD = new TimefoldPlanner();

    /** The exact engine, recording the time limit and work it was given; or a stand-in that stops short of a proof. */
    private static final class Recording implements Planner {
        private final Planner planner;
        private final boolean forgetProof;
        private final List<Long> limits = new ArrayList<>();
        private final List<Long> works = new ArrayList<>();

        Recording(Planner planner, boolean forgetProof) {
            this.planner = planner;
            this.forgetProof = forgetProof;
        }

        @Override
        public PlanResult plan(PlanRequest request) {
            return plan(request, request.timeLimitMs(), Long.MAX_VALUE);
        }

        @Override
        public PlanResult plan(PlanRequest request, long searchMs, long work) {
            limits.add(searchMs);
            works.add(work);
            var result = planner.plan(request, searchMs, work);
            if (!forgetProof || result.status() != PlanStatus.OPTIMAL) {
                return result;
            }
            // As if its work ran out first: the same plan, unproven, with a weak bound.
            return new PlanResult(PlanStatus.FEASIBLE, result.solver(), result.objective(), result.value(), 0,
                    result.plan(), result.alternatives(), result.warnings(), result.timeMs(), null);
        }
    }

    private static PlanRequest small() {
        return RandomInstances.instance(3, 30, 4, Objective.SERVINGS, false).withTimeLimitMs(1000);
    }

    @Test
    void a_small_catalog_is_settled_by_the_exact_engine_within_its_share_of_work() {
        var exact = new Recording(new ChocoPlanner(), false);
        var auto = new AutoPlanner(exact, TIMEFOLD, AutoPlanner.Rule.MEASURED);

        var result = auto.plan(small());

        assertThat(auto.firstEngine(small())).isEqualTo("choco");
        assertThat(result.solver()).isEqualTo("choco");
        assertThat(result.status()).isEqualTo(PlanStatus.OPTIMAL);
        // Half the limit's worth of work; the whole limit is only the safety net.
        assertThat(exact.works).containsExactly((long) (1000 * AutoPlanner.Rule.MEASURED.exactShare()
                * ChocoPlanner.WORK_PER_MS));
        assertThat(exact.limits).containsExactly(1000L);
    }

    /**
     * The exact engine stops on its work, not on the clock: with too little work for its proof, it answers the same
     * unproven plan under a short time limit and a long one, as it would on a fast machine and a slow one (issue 27:
     * a cold JVM answered Timefold's FEASIBLE plan where a warm one answered OPTIMAL); with {@code auto}'s work, the
     * proof.
     */
    @Test
    void the_exact_engine_stops_at_the_same_point_whatever_its_time_limit() {
        var request = RandomInstances.instance(10, 131, 4, Objective.SERVINGS, false).withTimeLimitMs(2000);
        var choco = new ChocoPlanner();
        long little = ChocoPlanner.WORK_PER_MS; // a millisecond's worth: the greedy plan, not the proof

        var shortLimit = choco.plan(request, 1000, little);
        var longLimit = choco.plan(request, 30_000, little);
        var autoWork = choco.plan(request, 30_000, new AutoPlanner().exactWork(request));

        assertThat(shortLimit.status()).isEqualTo(PlanStatus.FEASIBLE);
        assertThat(longLimit.status()).isEqualTo(PlanStatus.FEASIBLE);
        assertThat(longLimit.plan()).isEqualTo(shortLimit.plan());
        assertThat(autoWork.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(autoWork.value()).isLessThan(shortLimit.value());
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

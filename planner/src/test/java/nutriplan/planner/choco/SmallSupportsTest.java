package nutriplan.planner.choco;

import static nutriplan.catalog.nutrient.Nutrient.CAFFEINE;
import static nutriplan.catalog.nutrient.Nutrient.CARBOHYDRATE;
import static nutriplan.catalog.nutrient.Nutrient.FLUID;
import static nutriplan.catalog.nutrient.Nutrient.POTASSIUM;
import static nutriplan.catalog.nutrient.Nutrient.SODIUM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nutriplan.planner.choco.SmallSupports.Depth;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanItem;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.problem.DefaultCatalog;
import nutriplan.planner.problem.Problem;
import nutriplan.planner.problem.ProblemBuilder;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/**
 * {@link SmallSupports} past {@link SmallSupports#MAX_SUPPORT} products ({@link Depth#WIDE}), on the request of
 * {@code data/requests/ultra-caffeine-late.json}: no greedy plan, a relaxation bound of 7.8 servings against an optimum
 * of 9, and plans of 4–5 products, which Choco decided with a simplex at each of about 100 nodes. Without a deadline
 * the enumeration stops only at its node budget, so what it decides does not depend on the machine.
 */
class SmallSupportsTest {

    /** The example file's request, in the catalog's units. */
    private static final PlanRequest ULTRA = PlanRequest.of(List.of(
                    Target.between(CARBOHYDRATE, 360, 540),
                    Target.between(FLUID, 3400, 4800),
                    Target.between(SODIUM, 1360, 3961.4),
                    Target.between(POTASSIUM, 265.9, 938.4),
                    Target.between(CAFFEINE, 140, 210)), DefaultCatalog.get().products())
            .withLimits(new Limits(6, 5, 24))
            .withTimeLimitMs(10_000)
            .withAlternatives(1);
    private static final Map<String, Integer> BEST = Map.of("gatorade-thirst-quencher-28oz", 3,
            "bagel-plain-medium", 2, "coffee-black-8oz", 1, "cola-12oz", 3);
    private static final Map<String, Integer> SECOND = Map.of("gatorade-thirst-quencher-32oz", 3,
            "bagel-plain-medium", 2, "coffee-black-8oz", 1, "cola-12oz", 3);

    private final Problem problem = ProblemBuilder.withUsefulCaps(ProblemBuilder.build(ULTRA));

    @Test
    void wide_supports_prove_the_least_objective_within_their_node_budget() {
        var answer = SmallSupports.leastObjective(problem, ExactSearch.NO_PLAN_YET, problem.maxProducts(), List.of(),
                Depth.WIDE, Long.MAX_VALUE);

        assertThat(answer.decided()).isTrue();
        assertThat(IntStream.of(answer.plan()).sum()).isEqualTo(9);
    }

    @Test
    void no_plan_of_eight_servings_exists_among_wide_supports() {
        var answer = SmallSupports.leastObjective(problem, 8, problem.maxProducts(), List.of(), Depth.WIDE,
                Long.MAX_VALUE);

        assertThat(answer.decided()).isTrue();
        assertThat(answer.plan()).isNull();
    }

    @Test
    void wide_supports_rank_the_tie_break_at_four_products() {
        var ranking = SmallSupports.tieBreaks(problem, 9, List.of(), 5, 2, Depth.WIDE, Long.MAX_VALUE);

        assertThat(ranking.decided()).isTrue();
        assertThat(ranking.plans()).map(servings -> byId(problem.plan(servings))).containsExactly(BEST, SECOND);
    }

    @Test
    void narrow_supports_cannot_rank_it() {
        var ranking = SmallSupports.tieBreaks(problem, 9, List.of(), 5, 2, Depth.NARROW, Long.MAX_VALUE);

        assertThat(ranking.decided()).isFalse();
    }

    @Test
    void the_planner_answers_the_ranked_plans_as_optimal() {
        var result = new ChocoPlanner().plan(ULTRA);

        assertThat(result.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(result.value()).isEqualTo(9);
        assertThat(byId(result.plan())).isEqualTo(BEST);
        assertThat(result.alternatives()).map(SmallSupportsTest::byId).containsExactly(SECOND);
    }

    private static Map<String, Integer> byId(Plan plan) {
        return plan.items().stream().collect(Collectors.toMap(item -> item.product().id(), PlanItem::servings));
    }
}

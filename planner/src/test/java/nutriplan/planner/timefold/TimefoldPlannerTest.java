package nutriplan.planner.timefold;

import static nutriplan.catalog.nutrient.Nutrient.CARBOHYDRATE;
import static nutriplan.catalog.nutrient.Nutrient.FLUID;
import static nutriplan.catalog.nutrient.Nutrient.SODIUM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;
import nutriplan.planner.Planner;
import nutriplan.planner.PlannerContractTest;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanItem;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.reference.FoodTables;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

class TimefoldPlannerTest extends PlannerContractTest {

    private static final TimefoldPlanner PLANNER = new TimefoldPlanner();

    @Override
    protected Planner planner() {
        return PLANNER;
    }

    @Test
    void answers_as_timefold() {
        assertThat(PLANNER.plan(request(Target.atLeast(CARBOHYDRATE, 60))).solver()).isEqualTo("timefold");
    }

    @Test
    void required_products_appear_and_limits_hold() {
        var request = request(Target.atLeast(CARBOHYDRATE, 60), Target.atLeast(SODIUM, 500))
                .withRequired(Set.of("water"))
                .withLimits(Limits.UNLIMITED.withMaxProducts(2).withMaxServingsPerProduct(2));

        var result = PLANNER.plan(request);

        assertThat(result.plan().violations(request)).isEmpty();
        assertThat(result.plan().servingsOf("water")).isPositive();
        assertThat(result.plan().productCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void the_products_objective_finds_the_one_product_plan() {
        var request = request(Target.atLeast(CARBOHYDRATE, 60), Target.atLeast(SODIUM, 300))
                .withObjective(Objective.PRODUCTS);

        var result = PLANNER.plan(request);

        assertThat(result.value()).isEqualTo(1);
        assertThat(result.status()).isEqualTo(PlanStatus.OPTIMAL);
    }

    @Test
    void no_plan_found_is_unknown_and_says_what_the_best_attempt_misses() {
        // 61-79 g of carbohydrate from a 40 g and a 45 g gel, one serving of each at most (two of either pass 79 g):
        // the relaxation's 1 + 0.5 servings would do, whole ones give 40, 45 or 85 g. The relaxation proves nothing
        // and Timefold proves nothing, so: UNKNOWN, with what its best attempt misses.
        var request = PlanRequest.of(List.of(Target.between(CARBOHYDRATE, 61, 79)), List.of(gel("gel-40", 40), gel("gel-45", 45)))
                .withTimeLimitMs(300);

        var result = PLANNER.plan(request);

        assertThat(result.status()).isEqualTo(PlanStatus.UNKNOWN);
        assertThat(result.hasPlan()).isFalse();
        assertThat(result.warnings()).anyMatch(warning -> (warning.message().startsWith("Below a minimum: carbohydrate total")
                || warning.message().startsWith("Above a maximum: carbohydrate total"))
                && warning.nutrient() == CARBOHYDRATE && warning.total() != null && warning.bound() != null);
    }

    private static Product gel(String id, double carbohydrate) {
        return new Product(id, id, "test", Kind.GEL, Amount.grams(60), Map.of(CARBOHYDRATE, carbohydrate), List.of(),
                null, null, "test");
    }

    @Test
    void an_infeasibility_the_relaxation_proves_is_infeasible_with_the_exact_engines_explanation() {
        // 1000 g of carbohydrate in at most 3 servings: the linear relaxation alone cannot hold.
        var request = request(Target.atLeast(CARBOHYDRATE, 1000)).withLimits(Limits.UNLIMITED.withMaxServings(3))
                .withTimeLimitMs(300);

        var result = PLANNER.plan(request);

        assertThat(result.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(result.solver()).isEqualTo(TimefoldPlanner.NAME);
        assertThat(result.infeasibility()).isEqualTo(new ChocoPlanner().plan(request).infeasibility());
    }

    @Test
    void a_required_product_that_cannot_appear_is_infeasible_with_the_reason() {
        var request = request(Target.atLeast(CARBOHYDRATE, 60)).withRequired(Set.of("no-such-product"));

        var result = PLANNER.plan(request);

        assertThat(result.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(result.infeasibility().conflict()).anyMatch(member -> member.constraint().contains("no-such-product"));
    }

    @Test
    void alternatives_each_use_another_set_of_products() {
        var request = request(Target.atLeast(CARBOHYDRATE, 60), Target.atLeast(SODIUM, 300)).withAlternatives(2);

        var result = PLANNER.plan(request);

        var sets = new ArrayList<Set<String>>();
        sets.add(result.plan().productIds());
        for (var alternative : result.alternatives()) {
            assertThat(alternative.violations(request)).isEmpty();
            assertThat(sets).doesNotContain(alternative.productIds());
            sets.add(alternative.productIds());
        }
        assertThat(result.alternatives()).hasSize(2);
    }

    @Test
    void starts_from_a_given_plan() {
        var request = request(Target.atLeast(CARBOHYDRATE, 60), Target.atLeast(FLUID, 1000));
        var start = new Plan(List.of(new PlanItem(DRINK, 1), new PlanItem(WATER, 1), new PlanItem(GEL, 2)));
        var reported = new ArrayList<Double>();

        var result = PLANNER.plan(request, TimefoldPlanner.Options.NONE.withStart(start, Double.NaN)
                .withProgress((nanos, value) -> reported.add(value)));

        assertThat(reported.getFirst()).isEqualTo(4);
        assertThat(result.value()).isEqualTo(2);
    }

    @Test
    void every_move_keeps_the_incremental_score_right() {
        // FULL_ASSERT recounts the score from scratch after every move and fails on any difference.
        var asserting = new TimefoldPlanner(EnvironmentMode.FULL_ASSERT);
        int planned = 0;
        for (var instance : RandomInstances.suite(11, 40, 4, Objective.SERVINGS, Objective.PRODUCTS, Objective.MASS,
                Objective.COST)) {
            var request = instance.request().withTimeLimitMs(300);

            var result = asserting.plan(request);

            if (result.hasPlan()) {
                assertThat(result.plan().violations(request)).as(instance.name()).isEmpty();
                planned++;
            }
        }
        // Moves run (and are checked) only from a plan: without one, the test would have checked nothing.
        assertThat(planned).as("instances with a plan").isPositive();
    }

    @Test
    void plans_on_generated_catalogs_of_thousands_within_its_limit_from_a_quick_first_plan() {
        for (int size : new int[] {1000, 5000, 10_000}) {
            var request = RandomInstances.instance(size, size, 5, Objective.SERVINGS, false).withTimeLimitMs(500);
            var firstPlanNanos = new ArrayList<Long>();

            var result = PLANNER.plan(request,
                    TimefoldPlanner.Options.NONE.withProgress((nanos, value) -> firstPlanNanos.add(nanos)));

            assertThat(result.hasPlan()).as("%d products", size).isTrue();
            assertThat(result.plan().violations(request)).as("%d products", size).isEmpty();
            // Lenient on a shared machine: the benchmark measures; here, no runaway.
            assertThat(result.timeMs()).as("%d products", size).isLessThan(3 * request.timeLimitMs());
            assertThat(firstPlanNanos.getFirst() / 1_000_000).as("first plan, %d products", size)
                    .isLessThan(request.timeLimitMs());
        }
    }

    @Test
    void plans_on_the_real_food_table_never_break_the_request_nor_beat_a_proven_optimum() {
        var choco = new ChocoPlanner();
        for (var instance : RandomInstances.suite(5, "ifct2017", FoodTables.ifct(), 8, Objective.SERVINGS,
                Objective.PRODUCTS, Objective.MASS)) {
            var request = instance.request().withTimeLimitMs(500);

            var timefold = PLANNER.plan(request);
            var exact = choco.plan(request);

            assertThat(timefold.status()).as(instance.name()).isNotEqualTo(PlanStatus.INFEASIBLE);
            if (timefold.hasPlan()) {
                assertThat(timefold.plan().violations(request)).as(instance.name()).isEmpty();
            }
            if (timefold.hasPlan() && exact.status() == PlanStatus.OPTIMAL) {
                assertThat(timefold.value()).as(instance.name()).isGreaterThanOrEqualTo(exact.value() - 1e-6);
                assertThat(timefold.bound()).as(instance.name()).isLessThanOrEqualTo(exact.value() + 1e-6);
            }
        }
    }
}

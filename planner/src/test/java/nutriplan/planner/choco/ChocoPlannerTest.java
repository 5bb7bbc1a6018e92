package nutriplan.planner.choco;

import static nutriplan.catalog.nutrient.Nutrient.CARBOHYDRATE;
import static nutriplan.catalog.nutrient.Nutrient.FLUID;
import static nutriplan.catalog.nutrient.Nutrient.SODIUM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.product.Product;
import nutriplan.planner.Planner;
import nutriplan.planner.PlannerContractTest;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.plan.Relaxation;
import nutriplan.planner.reference.FoodTables;
import nutriplan.planner.reference.ProbeInstances;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.Target;

class ChocoPlannerTest extends PlannerContractTest {

    private final ChocoPlanner planner = new ChocoPlanner();

    @Override
    protected Planner planner() {
        return planner;
    }

    @Test
    void required_products_appear() {
        var result = planner.plan(request(Target.atLeast(CARBOHYDRATE, 50)).withRequired(Set.of("salt")));

        assertThat(result.plan().servingsOf("salt")).isEqualTo(1);
        assertThat(result.status()).isEqualTo(PlanStatus.OPTIMAL);
    }

    @Test
    void limits_hold() {
        var request = request(Target.atLeast(CARBOHYDRATE, 100), Target.atLeast(FLUID, 1000))
                .withLimits(new Limits(2, 2, 5));

        var plan = planner.plan(request).plan();

        assertThat(plan.productCount()).isLessThanOrEqualTo(2);
        assertThat(plan.servings()).isLessThanOrEqualTo(5);
        assertThat(plan.items()).allSatisfy(item -> assertThat(item.servings()).isLessThanOrEqualTo(2));
        assertThat(plan.violations(request)).isEmpty();
    }

    @Test
    void each_objective_is_minimised() {
        var base = request(Target.atLeast(CARBOHYDRATE, 50), Target.atLeast(SODIUM, 400));

        assertThat(planner.plan(base.withObjective(Objective.SERVINGS)).value()).isEqualTo(2);
        assertThat(planner.plan(base.withObjective(Objective.PRODUCTS)).value()).isEqualTo(1);
        assertThat(planner.plan(base.withObjective(Objective.MASS)).value()).isEqualTo(81); // 2 gels + 1 salt
        assertThat(planner.plan(base.withObjective(Objective.COST)).value()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9)); // 2 drinks
    }

    @Test
    void ties_go_to_fewer_products_then_smaller_overshoot() {
        // Two servings either way: two drinks (one product) beat a drink and a gel (two products).
        var fewerProducts = planner.plan(request(Target.atLeast(CARBOHYDRATE, 55)));
        assertThat(fewerProducts.plan().productIds()).hasSize(1);

        // Gel and caffeinated gel give equal carbohydrate: among one-serving plans, the smaller sodium overshoot wins.
        var lessOvershoot = planner.plan(request(Target.atLeast(CARBOHYDRATE, 25), Target.atLeast(SODIUM, 40)));
        assertThat(lessOvershoot.plan().servings()).isEqualTo(1);
        assertThat(lessOvershoot.plan().productIds()).containsAnyOf("gel", "caf-gel");
        assertThat(lessOvershoot.plan().total(SODIUM)).isEqualTo(50);
    }

    @Test
    void alternatives_use_different_product_sets_best_first() {
        var result = planner.plan(request(Target.atLeast(CARBOHYDRATE, 50)).withAlternatives(3));

        var sets = new ArrayList<Set<String>>();
        sets.add(result.plan().productIds());
        result.alternatives().forEach(plan -> sets.add(plan.productIds()));
        assertThat(sets).doesNotHaveDuplicates();
        assertThat(result.alternatives()).hasSize(3);
        var values = new ArrayList<Double>();
        values.add(result.value());
        result.alternatives().forEach(plan -> values.add(plan.value(Objective.SERVINGS)));
        assertThat(values).isSorted();
    }

    @Test
    void a_binding_max_servings_is_named_with_its_relaxation() {
        var result = planner.plan(request(Target.atLeast(CARBOHYDRATE, 100)).withLimits(Limits.UNLIMITED.withMaxServings(3)));

        assertThat(result.status()).isEqualTo(PlanStatus.INFEASIBLE);
        var explanation = result.infeasibility();
        assertThat(explanation.nutrients()).singleElement().satisfies(reach -> {
            assertThat(reach.reachable()).isEqualTo(90);
            assertThat(reach.binding()).contains("maxServings 3");
        });
        assertThat(explanation.conflict()).extracting(Relaxation::field).containsExactly("targets.carbohydrate.min", "limits.maxServings");
        assertThat(explanation.conflict()).extracting(Relaxation::suggestion)
                .containsExactly("lower carbohydrate min to 90 g", "allow 1 more serving in total");
        assertThat(explanation.complete()).isTrue();
    }

    @Test
    void an_infeasible_request_with_alternatives_is_still_proven_infeasible() {
        // Every sodium source excluded: the relaxation proves it at once, whatever share of the time the best plan
        // gets when alternatives are asked for.
        var request = request(Target.atLeast(SODIUM, 100))
                .withSelection(new Selection(Set.of(), Set.of(), Set.of("drink", "gel", "caf-gel"), Set.of("salty")))
                .withAlternatives(2);

        var result = planner.plan(request);

        assertThat(result.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(result.infeasibility().complete()).isTrue();
    }

    @Test
    void an_exclusion_that_removes_all_sodium_is_named() {
        var request = request(Target.atLeast(SODIUM, 100))
                .withSelection(new Selection(Set.of(), Set.of(), Set.of("drink", "gel", "caf-gel"), Set.of("salty")));

        var result = planner.plan(request);

        assertThat(result.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(result.infeasibility().nutrients()).singleElement().satisfies(reach -> {
            assertThat(reach.reachable()).isZero();
            assertThat(reach.binding()).contains("the exclusion of tag salty");
        });
        assertThat(result.infeasibility().conflict()).extracting(Relaxation::field)
                .containsExactly("targets.sodium.min", "exclude.tags", "exclude.products", "exclude.products", "exclude.products");
        assertThat(result.infeasibility().conflict()).extracting(Relaxation::suggestion)
                .contains("allow products tagged salty", "allow drink");
    }

    @Test
    void a_fluid_max_against_a_sodium_min_is_the_smallest_conflict() {
        var request = PlanRequest.of(List.of(Target.atLeast(SODIUM, 600), Target.atMost(FLUID, 1000),
                Target.atLeast(CARBOHYDRATE, 10)), List.of(DRINK, WATER));

        var result = planner.plan(request);

        assertThat(result.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(result.infeasibility().conflict()).extracting(Relaxation::field)
                .containsExactly("targets.sodium.min", "targets.fluid.max");
        assertThat(result.infeasibility().conflict()).extracting(Relaxation::suggestion)
                .containsExactly("lower sodium min to 500 mg", "raise fluid max to 1500 mL");
        assertThat(result.infeasibility().summary()).contains("sodium at least 600 mg, fluid at most 1000 mL cannot hold together");
    }

    @Test
    void a_tiny_time_limit_gives_a_feasible_plan_with_a_bound_or_unknown_never_infeasible() {
        var products = new ArrayList<Product>();
        var random = new Random(7);
        for (int i = 0; i < 300; i++) {
            products.add(product("p" + i, 50, Map.of(CARBOHYDRATE, 5 + random.nextInt(40) + 0.1 * random.nextInt(10),
                    SODIUM, (double) random.nextInt(300), FLUID, (double) random.nextInt(600)), List.of(), 1));
        }
        var request = PlanRequest.of(List.of(Target.between(CARBOHYDRATE, 997.3, 1003), Target.between(SODIUM, 4001, 4100),
                Target.between(FLUID, 7003, 7100)), products).withTimeLimitMs(20);

        planner.plan(request); // warm up: the limit is on the solve, not on loading Choco's classes
        // The fastest of three runs: on a shared 2-core machine another process can stall any one run, which says
        // nothing about the planner.
        PlanResult result = null;
        long elapsedMs = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            result = planner.plan(request);
            elapsedMs = Math.min(elapsedMs, (System.nanoTime() - start) / 1_000_000);
        }

        assertThat(result.status()).isIn(PlanStatus.FEASIBLE, PlanStatus.OPTIMAL, PlanStatus.UNKNOWN);
        assertThat(elapsedMs).isLessThanOrEqualTo(20 + 50);
        if (result.status() == PlanStatus.FEASIBLE) {
            assertThat(result.bound()).isLessThanOrEqualTo(result.value());
            assertThat(result.plan().violations(request)).isEmpty();
        }
    }

    @Test
    void the_same_request_gives_the_same_answer() {
        var request = request(Target.between(CARBOHYDRATE, 60, 90), Target.between(SODIUM, 300, 700)).withAlternatives(2);

        var first = planner.plan(request);
        var second = planner.plan(request);

        assertThat(second.plan()).isEqualTo(first.plan());
        assertThat(second.alternatives()).isEqualTo(first.alternatives());
    }

    /**
     * A meal whose tie-break (least overshoot among plans of four foods) no search settles in seconds: it is searched
     * with a fixed number of nodes, so a longer time limit neither changes the plan nor is used up waiting for it.
     */
    @Test
    void an_unsettled_tie_break_gets_the_same_plan_whatever_the_time_limit() {
        var meal = ProbeInstances.meals(1, FoodTables.ifct(), 3).get(2).request();

        var moderate = planner.plan(meal.withTimeLimitMs(3_000));
        long start = System.nanoTime();
        var generous = planner.plan(meal.withTimeLimitMs(20_000));
        long generousMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(moderate.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(moderate.plan().productCount()).isEqualTo(4);
        assertThat(generous.plan()).isEqualTo(moderate.plan());
        assertThat(generousMs).isLessThan(10_000);
    }
}

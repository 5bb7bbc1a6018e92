package nutriplan.planner.problem;

import static nutriplan.catalog.nutrient.Nutrient.CAFFEINE;
import static nutriplan.catalog.nutrient.Nutrient.ENERGY;
import static nutriplan.catalog.nutrient.Nutrient.FLUID;
import static nutriplan.catalog.nutrient.Nutrient.PROTEIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Product;
import nutriplan.planner.problem.LinearRelaxation.Kind;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/** The relaxation's verdicts on cases small enough to check by hand, and on the default catalog's probes. */
class LinearRelaxationTest {

    @Test
    void protein_per_kcal_out_of_reach_is_proven_infeasible_at_once() {
        // Only Greek yogurt and black coffee (at most 2 servings each) have more than 0.09 g protein per kcal; the
        // rest of 66 g protein then costs more than the 448 kcal allowed.
        var request = defaultCatalog(Target.between(PROTEIN, 66, 156), Target.between(ENERGY, 192, 448));
        var program = IntegerProgram.of(ProblemBuilder.build(request));

        long start = System.nanoTime();
        var verdict = LinearRelaxation.decide(program);
        long micros = (System.nanoTime() - start) / 1000;

        assertThat(verdict.kind()).isEqualTo(Kind.INFEASIBLE);
        assertThat(verdict.fields(program)).contains("targets.protein.min", "targets.energy.max");
        System.out.println("protein/energy probe decided in " + micros + " µs");
    }

    @Test
    void a_bound_is_the_lp_optimum_rounded_up() {
        // Two drinks: A gives 300 mL for 1 serving, B 500 mL; ≥ 1000 mL: the LP takes 2 servings of B (LP value 2),
        // so the bound is 2, met by 2 × B.
        var request = PlanRequest.of(List.of(Target.atLeast(FLUID, 1000)),
                List.of(product("a", Map.of(FLUID, 300.0)), product("b", Map.of(FLUID, 500.0))));
        var verdict = LinearRelaxation.decide(IntegerProgram.of(ProblemBuilder.build(request)));

        assertThat(verdict.kind()).isEqualTo(Kind.BOUNDED);
        assertThat(verdict.bound()).isEqualTo(2);
    }

    @Test
    void a_fractional_optimum_is_rounded_up_soundly() {
        // 1100 mL from 500 mL servings: the LP needs 2.2 servings, so at least 3.
        var request = PlanRequest.of(List.of(Target.atLeast(FLUID, 1100)), List.of(product("b", Map.of(FLUID, 500.0))));
        var verdict = LinearRelaxation.decide(IntegerProgram.of(ProblemBuilder.build(request)));

        assertThat(verdict.kind()).isEqualTo(Kind.BOUNDED);
        assertThat(verdict.bound()).isEqualTo(3);
    }

    @Test
    void a_cap_that_leaves_a_minimum_out_of_reach_is_infeasible_from_integers_alone() {
        var request = PlanRequest.of(List.of(Target.atLeast(FLUID, 1100)), List.of(product("b", Map.of(FLUID, 500.0))))
                .withLimits(Limits.UNLIMITED.withMaxServingsPerProduct(2));
        var verdict = LinearRelaxation.decide(IntegerProgram.of(ProblemBuilder.build(request)));

        assertThat(verdict.kind()).isEqualTo(Kind.INFEASIBLE);
    }

    @Test
    void near_degenerate_rows_and_wide_magnitudes_give_no_wrong_verdict() {
        // Amounts that differ in the 9th digit, caffeine in mg beside fluid in mL: exactly 2 servings of "c" give
        // 1000.000001 mL, which misses a 1000.000002 mL minimum; "d" gets there but its caffeine breaks the max.
        var products = List.of(
                product("c", Map.of(FLUID, 500.0000005, CAFFEINE, 0.0)),
                product("d", Map.of(FLUID, 500.0000015, CAFFEINE, 200.0)));
        var feasible = PlanRequest.of(List.of(Target.atLeast(FLUID, 1000.000001), Target.atMost(CAFFEINE, 400)), products)
                .withLimits(Limits.UNLIMITED.withMaxServings(2));
        var infeasible = feasible.withTargets(List.of(Target.atLeast(FLUID, 1000.000002), Target.atMost(CAFFEINE, 199)));

        var yes = LinearRelaxation.decide(IntegerProgram.of(ProblemBuilder.build(feasible)));
        var no = LinearRelaxation.decide(IntegerProgram.of(ProblemBuilder.build(infeasible)));

        assertThat(yes.kind()).isNotEqualTo(Kind.INFEASIBLE);
        assertThat(yes.bounded() ? yes.bound() : 2).isLessThanOrEqualTo(2);
        assertThat(no.kind()).isIn(Kind.INFEASIBLE, Kind.UNDECIDED);
    }

    static PlanRequest defaultCatalog(Target... targets) {
        return PlanRequest.of(List.of(targets), DefaultCatalog.get().products());
    }

    static Product product(String id, Map<Nutrient, Double> amounts) {
        var nutrients = new java.util.EnumMap<Nutrient, Double>(Nutrient.class);
        nutrients.putAll(amounts);
        return new Product(id, id, "test", nutriplan.catalog.product.Kind.DRINK, Amount.millilitres(250), nutrients,
                List.of(), null, null, "test");
    }
}

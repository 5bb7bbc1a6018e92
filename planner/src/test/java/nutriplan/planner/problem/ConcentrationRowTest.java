package nutriplan.planner.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanItem;
import nutriplan.planner.plan.Warnings;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;
import nutriplan.planner.request.UnknownUnderMax;

/**
 * The concentration row in the problem layer: its integer coefficients and their rounding, where it enters the
 * integer program, and each shortcut there that assumed amounts are never negative — the useful caps, the greedy
 * start, the Lagrangian bound, the relaxation's implied bounds — and the unknown-value rule.
 */
class ConcentrationRowTest {

    static final Product GEL = product("gel", Kind.GEL, 25, 0);
    static final Product WATER = product("water", Kind.DRINK, 0, 500);
    /** 30 g in 500 mL: 60 g/L. */
    static final Product DRINK = product("drink", Kind.DRINK, 30, 500);

    static Product product(String id, Kind kind, double carbohydrate, double fluid) {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        nutrients.put(Nutrient.CARBOHYDRATE, carbohydrate);
        nutrients.put(Nutrient.FLUID, fluid);
        return new Product(id, id, null, kind, Amount.grams(40), nutrients, List.of(), null, null, "test");
    }

    /** Carbohydrate at least 50 g from gels and water, at most {@code gramsPerLitre}. */
    static PlanRequest gelsAndWater(double gramsPerLitre) {
        return PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 50)), List.of(GEL, WATER))
                .withConcentration(new Concentration(gramsPerLitre));
    }

    @Test
    void each_coefficient_is_the_carbohydrate_less_what_the_fluid_allows_rounded_up_once() {
        // In 0.001 g: a gel adds 25 g, water at 60 g/L takes 30 g off, a drink at exactly 60 g/L is 0.
        assertThat(Scaling.concentrationCoefficient(25, 0, 60, Scaling.AMOUNT)).isEqualTo(25_000);
        assertThat(Scaling.concentrationCoefficient(0, 500, 60, Scaling.AMOUNT)).isEqualTo(-30_000);
        assertThat(Scaling.concentrationCoefficient(30, 500, 60, Scaling.AMOUNT)).isZero();
        // Float noise in the last bits does not make a drink at the limit count against it…
        assertThat(Scaling.concentrationCoefficient(0.1 + 0.2, 5, 60, Scaling.AMOUNT)).isZero();
        assertThat(Scaling.concentrationCoefficient(29.999999999999996, 500, 60, Scaling.AMOUNT)).isZero();
        // …but any real excess, however small, rounds up to a whole unit: never a plan over the limit.
        assertThat(Scaling.concentrationCoefficient(30.0001, 500, 60, Scaling.AMOUNT)).isEqualTo(1);
        assertThat(Scaling.concentrationCoefficient(29.9999, 500, 60, Scaling.AMOUNT)).isZero();
        assertThat(Scaling.concentrationCoefficient(29.9989, 500, 60, Scaling.AMOUNT)).isEqualTo(-1);
    }

    @Test
    void the_integer_program_has_one_signed_row_at_most_0_only_with_a_limit() {
        var problem = ProblemBuilder.build(gelsAndWater(50).withConcentration(new Concentration(50)));
        var row = IntegerProgram.of(problem).rows().stream()
                .filter(each -> IntegerRows.CONCENTRATION_FIELD.equals(each.field())).findFirst().orElseThrow();
        assertThat(row.atLeast()).isFalse();
        assertThat(row.right()).isZero();
        assertThat(row.perServing()).containsExactly(25_000, -25_000);

        var without = ProblemBuilder.build(gelsAndWater(50).withConcentration(null));
        assertThat(IntegerProgram.of(without).rows()).noneMatch(each -> IntegerRows.CONCENTRATION_FIELD.equals(each.field()));
        assertThat(IntegerRows.of(without).hasConcentration()).isFalse();
    }

    @Test
    void a_product_more_dilute_than_the_limit_keeps_its_cap_where_the_minimums_would_cut_it() {
        var request = gelsAndWater(50).withLimits(new nutriplan.planner.request.Limits(6, Integer.MAX_VALUE,
                Integer.MAX_VALUE));
        var useful = ProblemBuilder.withUsefulCaps(ProblemBuilder.build(request));
        // The gel covers the minimum with 2; the water helps no minimum but dilutes, so it keeps all 6.
        assertThat(useful.upper()).containsExactly(2, 6);
        var withoutLimit = ProblemBuilder.withUsefulCaps(ProblemBuilder.build(request.withConcentration(null)));
        assertThat(withoutLimit.upper()).containsExactly(2, 1);
    }

    @Test
    void the_greedy_plan_dilutes_what_it_takes_and_keeps_the_limit() {
        var problem = ProblemBuilder.build(gelsAndWater(50));
        var plan = Greedy.solve(problem);
        assertThat(plan).containsExactly(2, 2); // 50 g in 1 L: exactly 50 g/L
        assertThat(problem.plan(plan).violations(problem.request())).isEmpty();
        // With no water to dilute, no gel can be taken at all: the greedy plan gives up rather than break the row.
        var noWater = ProblemBuilder.build(PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 50)),
                List.of(GEL)).withConcentration(new Concentration(50)));
        assertThat(Greedy.solve(noWater)).isNull();
    }

    @Test
    void the_lagrangian_bound_counts_the_row() {
        // min x_gel + x_water with 25·x_gel ≥ 50 and 25·x_gel ≤ 25·x_water: the relaxation's optimum is 4.
        var with = ProblemBuilder.build(gelsAndWater(50));
        var without = ProblemBuilder.build(gelsAndWater(50).withConcentration(null));
        assertThat(LagrangianBound.requestBound(with, Long.MAX_VALUE)).isEqualTo(4);
        assertThat(LagrangianBound.requestBound(without, Long.MAX_VALUE)).isEqualTo(2);
    }

    /** −3·x ≤ −7 bounds x from below (x ≥ 3); read as an upper bound (x ≤ 2) it would make [3, 5] look empty. */
    @Test
    void a_single_candidate_row_with_a_negative_coefficient_bounds_it_from_below() {
        var program = new IntegerProgram(new long[] {1}, 0,
                List.of(new IntegerProgram.Row(new long[] {-3}, 0, false, -7, "concentration.max")),
                new int[] {0}, new int[] {5});
        var verdict = LinearRelaxation.decide(program);
        assertThat(verdict.bounded()).isTrue();
        assertThat(verdict.bound()).isEqualTo(3);
        assertThat(LinearRelaxation.decide(program, new int[] {3}, new int[] {5}).infeasible()).isFalse();
        assertThat(LinearRelaxation.decide(program, new int[] {0}, new int[] {2}).infeasible()).isTrue();
    }

    @Test
    void a_plan_exactly_at_the_limit_keeps_it_and_one_a_milligram_over_does_not() {
        var request = gelsAndWater(50);
        var atLimit = new Plan(List.of(new PlanItem(GEL, 2), new PlanItem(WATER, 2)));
        assertThat(atLimit.keepsConcentration(request)).isTrue();
        assertThat(atLimit.violations(request)).isEmpty();
        assertThat(atLimit.concentration()).isEqualTo(50);
        var over = new Plan(List.of(new PlanItem(product("gel+", Kind.GEL, 25.0005, 0), 2), new PlanItem(WATER, 2)));
        assertThat(over.keepsConcentration(request)).isFalse();
        assertThat(over.violations(request)).anyMatch(violation -> violation.contains("g per litre"));
        assertThat(new Plan(List.of(new PlanItem(GEL, 1))).concentration()).isInfinite();
    }

    @Test
    void a_carbohydrate_that_is_not_known_is_under_a_maximum_and_a_fluid_that_is_not_known_counts_0() {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        nutrients.put(Nutrient.CARBOHYDRATE, null);
        nutrients.put(Nutrient.FLUID, 500.0);
        var mystery = new Product("mystery", "mystery", null, Kind.DRINK, Amount.millilitres(500), nutrients, List.of(),
                null, null, "test");
        var unknownFluid = new Product("gel-unknown-water", "gel", null, Kind.GEL, Amount.grams(40),
                nullFluid(), List.of(), null, null, "test");
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 50)),
                List.of(GEL, WATER, mystery, unknownFluid)).withConcentration(new Concentration(50));

        var leftOut = UnknownValues.leftOut(request);
        assertThat(leftOut).hasSize(1);
        assertThat(leftOut.get(0).product()).isEqualTo(mystery);
        assertThat(leftOut.get(0).nutrients()).containsExactly(Nutrient.CARBOHYDRATE);
        assertThat(ProblemBuilder.build(request).products()).containsExactly(GEL, WATER, unknownFluid);
        assertThat(UnknownValues.leftOut(request.withConcentration(null))).isEmpty();

        var allowed = request.withUnknownUnderMax(UnknownUnderMax.ALLOW);
        var plan = new Plan(List.of(new PlanItem(mystery, 1)));
        assertThat(UnknownValues.leftOut(allowed)).isEmpty();
        assertThat(UnknownValues.lowerBoundTotals(allowed, plan)).containsExactly(Nutrient.CARBOHYDRATE);
        assertThat(Warnings.of(allowed, plan, List.of())).anyMatch(warning -> warning.product().equals("mystery")
                && warning.nutrient() == Nutrient.CARBOHYDRATE && warning.message().contains("not proven to keep"));
        // A gel whose water is not known counts 0 mL: the plan can only be more dilute than it says.
        assertThat(ProblemBuilder.build(request).concentration()[2]).isEqualTo(25);
    }

    private static Map<Nutrient, Double> nullFluid() {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        nutrients.put(Nutrient.CARBOHYDRATE, 25.0);
        nutrients.put(Nutrient.FLUID, null);
        return nutrients;
    }
}

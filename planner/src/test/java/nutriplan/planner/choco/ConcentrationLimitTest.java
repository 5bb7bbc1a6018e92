package nutriplan.planner.choco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;
import nutriplan.planner.Planner;
import nutriplan.planner.auto.AutoPlanner;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.problem.ProblemBuilder;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;
import nutriplan.planner.timefold.TimefoldPlanner;

/**
 * The concentration limit at its edge, through every engine: gels of 25 g without fluid and water in 500 mL, at least
 * 50 g of carbohydrate in at most 1 L. Two gels in two waters are exactly 50 g/L: at a limit of 50 g/L every engine
 * finds that plan; a tenth below it there is none, Choco and auto prove it, Timefold finds nothing either, and the
 * explanation names the limit with the least one that admits a plan. Then the small-support search, the one
 * enumeration that had to learn that a row once broken can be mended.
 */
class ConcentrationLimitTest {

    private static final Product GEL = product("gel", Kind.GEL, 25, 0);
    /** A gel a milligram richer per two servings: two of them in a litre are over 50 g/L by 1 mg. */
    private static final Product RICHER_GEL = product("gel-richer", Kind.GEL, 25.0005, 0);
    private static final Product WATER = product("water", Kind.DRINK, 0, 500);
    private static final List<Planner> ENGINES = List.of(new ChocoPlanner(), new TimefoldPlanner(), new AutoPlanner());

    private static Product product(String id, Kind kind, double carbohydrate, double fluid) {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        nutrients.put(Nutrient.CARBOHYDRATE, carbohydrate);
        nutrients.put(Nutrient.FLUID, fluid);
        return new Product(id, id, null, kind, Amount.grams(40), nutrients, List.of(), null, null, "test");
    }

    private static PlanRequest request(Product gel, double gramsPerLitre) {
        return PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 50), Target.atMost(Nutrient.FLUID, 1000)),
                List.of(gel, WATER)).withTimeLimitMs(1000).withConcentration(new Concentration(gramsPerLitre));
    }

    @Test
    void a_plan_exactly_at_the_limit_is_what_every_engine_finds() {
        var request = request(GEL, 50);
        for (var engine : ENGINES) {
            var result = engine.plan(request);
            assertThat(result.hasPlan()).as(result.solver()).isTrue();
            assertThat(result.plan().servingsOf("gel")).as(result.solver()).isEqualTo(2);
            assertThat(result.plan().servingsOf("water")).as(result.solver()).isEqualTo(2);
            assertThat(result.plan().concentration()).isEqualTo(50);
            assertThat(result.plan().violations(request)).isEmpty();
        }
    }

    @Test
    void a_tenth_below_the_limit_no_engine_finds_a_plan_and_the_explanation_raises_the_limit_to_it() {
        var request = request(GEL, 49.9);
        for (var engine : ENGINES) {
            var result = engine.plan(request);
            assertThat(result.hasPlan()).as(result.solver()).isFalse();
            assertThat(result.status()).as(result.solver()).isEqualTo(PlanStatus.INFEASIBLE);
            var member = result.infeasibility().conflict().stream()
                    .filter(relaxation -> relaxation.field().equals("concentration.max")).findFirst().orElseThrow();
            assertThat(member.constraint()).isEqualTo("carbohydrate at most 49.9 g per litre of fluid");
            assertThat(member.suggestion()).isEqualTo("raise the concentration limit to 50 g/L");
            assertThat(member.value()).isEqualTo(50.0);
            assertThat(result.infeasibility().conflict()).extracting(relaxation -> relaxation.field())
                    .containsExactly("targets.carbohydrate.min", "targets.fluid.max", "concentration.max");
        }
        assertThat(new ChocoPlanner().plan(request(GEL, 50.0)).status()).isEqualTo(PlanStatus.OPTIMAL);
    }

    /** Scaled soundly: a milligram over the limit is over it, in the integer row as in the real one. */
    @Test
    void a_plan_a_milligram_over_the_limit_is_never_returned() {
        var request = request(RICHER_GEL, 50);
        for (var engine : ENGINES) {
            var result = engine.plan(request);
            assertThat(result.hasPlan()).as(result.solver()).isFalse();
        }
        assertThat(new ChocoPlanner().plan(request).status()).isEqualTo(PlanStatus.INFEASIBLE);
    }

    /**
     * With at most 2 products every plan is a support of two: the last product picked is water, whose servings no
     * minimum asks for. Counting only the minimums, one water would do (and break the limit); two is the least.
     */
    @Test
    void small_supports_give_the_last_product_the_servings_the_limit_needs() {
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 50)), List.of(GEL, WATER))
                .withLimits(new Limits(6, 2, Limits.NONE)).withConcentration(new Concentration(50));
        var problem = ProblemBuilder.withUsefulCaps(ProblemBuilder.build(request));

        var answer = SmallSupports.leastObjective(problem, ExactSearch.NO_PLAN_YET, 2, List.of(),
                SmallSupports.Depth.NARROW, Long.MAX_VALUE);

        assertThat(answer.decided()).isTrue();
        assertThat(answer.plan()).containsExactly(2, 2);
        var withWaterFirst = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 50)), List.of(WATER, GEL))
                .withLimits(new Limits(6, 2, Limits.NONE)).withConcentration(new Concentration(50));
        var reversed = SmallSupports.leastObjective(ProblemBuilder.withUsefulCaps(ProblemBuilder.build(withWaterFirst)),
                ExactSearch.NO_PLAN_YET, 2, List.of(), SmallSupports.Depth.NARROW, Long.MAX_VALUE);
        assertThat(reversed.plan()).containsExactly(2, 2); // the gel last: its 2 servings must not break the row
    }
}

package nutriplan.planner.timefold.solver;

import static nutriplan.catalog.nutrient.Nutrient.CAFFEINE;
import static nutriplan.catalog.nutrient.Nutrient.CARBOHYDRATE;
import static nutriplan.catalog.nutrient.Nutrient.SODIUM;

import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;
import nutriplan.planner.request.Limits;
import nutriplan.planner.timefold.domain.ConcentrationRow;
import nutriplan.planner.timefold.domain.EarlierPlan;
import nutriplan.planner.timefold.domain.NutrientRow;
import nutriplan.planner.timefold.domain.PlanLimits;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;
import nutriplan.planner.timefold.solver.justifications.BoundMissed;
import nutriplan.planner.timefold.solver.justifications.ConcentrationExceeded;
import nutriplan.planner.timefold.solver.justifications.LimitExceeded;
import nutriplan.planner.timefold.solver.justifications.Overshoot;
import nutriplan.planner.timefold.solver.justifications.ProductShare;
import nutriplan.planner.timefold.solver.justifications.SameProducts;

/**
 * One test per rule of {@link ServingsConstraintProvider}, named like its method: a plan that breaks it (or
 * scores on it) next to one that does not, with the exact penalty and its justification. Amounts are in the
 * score's integer units: 0.001 g and 0.001 mg.
 */
class ServingsConstraintProviderTest {

    // Targets: carbohydrate 60–90 g, sodium at least 500 mg, caffeine at most 100 mg.
    static final NutrientRow CARBS = new NutrientRow(0, CARBOHYDRATE, true, 60_000, true, 90_000, 1000);
    static final NutrientRow SALT = new NutrientRow(1, SODIUM, true, 500_000, false, 0, 1000);
    static final NutrientRow CAFFEINE_CAP = new NutrientRow(2, CAFFEINE, false, 0, true, 100_000, 1000);
    static final PlanLimits NO_LIMITS = new PlanLimits(Limits.NONE, Limits.NONE);

    private final ConstraintVerifier<ServingsConstraintProvider, ServingsPlan> verifier =
            ConstraintVerifier.build(new ServingsConstraintProvider(), ServingsPlan.class, ProductServings.class);

    /** A gel: 25 g carbohydrate, 50 mg sodium, 40 mg caffeine; a drink: 30 g carbohydrate, 250 mg sodium. */
    static ProductServings gel(int index, int servings) {
        return entity(index, "gel-" + index, new long[] {25_000, 50_000, 0}, new long[] {25_000, 0, 40_000}, servings);
    }

    static ProductServings drink(int index, int servings) {
        return entity(index, "drink-" + index, new long[] {30_000, 250_000, 0}, new long[] {30_000, 0, 0}, servings);
    }

    static ProductServings entity(int index, String id, long[] minAmounts, long[] maxAmounts, int servings) {
        var product = new Product(id, id, null, Kind.GEL, Amount.grams(40), Map.of(), List.of(), null, null, "test");
        return new ProductServings(index, product, 0, 10, minAmounts, maxAmounts, 1, 0, servings);
    }

    @Test
    void belowMinimum() {
        // 2 gels: 50 g of 60 g carbohydrate (1/6 short), 100 mg of 500 mg sodium (4/5 short).
        verifier.verifyThat(ServingsConstraintProvider::belowMinimum)
                .given(CARBS, SALT, CAFFEINE_CAP, gel(0, 2), drink(1, 0))
                .penalizesBy(166_667 + 800_000);
        verifier.verifyThat(ServingsConstraintProvider::belowMinimum)
                .given(CARBS, SALT, CAFFEINE_CAP, gel(0, 2), drink(1, 0))
                .justifiesWith(new BoundMissed(CARBOHYDRATE, "min", 60, 50), new BoundMissed(SODIUM, "min", 500, 100));
        // No product in the plan supplies sodium at all: missed by the whole minimum.
        verifier.verifyThat(ServingsConstraintProvider::belowMinimum)
                .given(SALT, entity(0, "plain", new long[] {0, 0, 0}, new long[] {0, 0, 0}, 3))
                .penalizesBy(1_000_000);
        // 2 drinks: 60 g carbohydrate and 500 mg sodium, both exactly met.
        verifier.verifyThat(ServingsConstraintProvider::belowMinimum)
                .given(CARBS, SALT, CAFFEINE_CAP, gel(0, 0), drink(1, 2))
                .hasNoImpact();
    }

    @Test
    void aboveMaximum() {
        // 3 gels: 75 g carbohydrate (within 90 g), 120 mg caffeine: 20 mg over 100 mg.
        verifier.verifyThat(ServingsConstraintProvider::aboveMaximum)
                .given(CARBS, SALT, CAFFEINE_CAP, gel(0, 3), drink(1, 0))
                .penalizesBy(200_000);
        verifier.verifyThat(ServingsConstraintProvider::aboveMaximum)
                .given(CARBS, SALT, CAFFEINE_CAP, gel(0, 3), drink(1, 0))
                .justifiesWith(new BoundMissed(CAFFEINE, "max", 100, 120));
        // 2 gels: 50 g carbohydrate, 80 mg caffeine.
        verifier.verifyThat(ServingsConstraintProvider::aboveMaximum)
                .given(CARBS, SALT, CAFFEINE_CAP, gel(0, 2), drink(1, 0))
                .hasNoImpact();
    }

    @Test
    void tooConcentrated() {
        // At 50 g/L with a carbohydrate minimum of 60 g: a gel adds 25 g, water takes 25 g off, a 60 g/L drink 5 g on.
        var limit = new ConcentrationRow(50, 60_000, 1000);
        var gel = concentrated(0, "gel", 25_000, 3);
        var water = concentrated(1, "water", -25_000, 2);
        var drink = concentrated(2, "drink", 5_000, 1);
        // 3 gels, 2 waters, 1 drink: 30 g over what the litre allows, half the 60 g reference.
        verifier.verifyThat(ServingsConstraintProvider::tooConcentrated)
                .given(limit, gel, water, drink)
                .penalizesBy(500_000);
        verifier.verifyThat(ServingsConstraintProvider::tooConcentrated)
                .given(limit, gel, water, drink)
                .justifiesWith(new ConcentrationExceeded(50, 30));
        // 2 gels, 2 waters: exactly at the limit. And no limit at all: nothing to break.
        verifier.verifyThat(ServingsConstraintProvider::tooConcentrated)
                .given(limit, concentrated(0, "gel", 25_000, 2), concentrated(1, "water", -25_000, 2))
                .hasNoImpact();
        verifier.verifyThat(ServingsConstraintProvider::tooConcentrated)
                .given(gel, water, drink)
                .hasNoImpact();
    }

    static ProductServings concentrated(int index, String id, long coefficient, int servings) {
        var product = new Product(id, id, null, Kind.GEL, Amount.grams(40), Map.of(), List.of(), null, null, "test");
        return new ProductServings(index, product, 0, 10, new long[0], new long[0], coefficient, 1, 0, servings);
    }

    @Test
    void tooManyServings() {
        var atMostFour = new PlanLimits(4, Limits.NONE);
        verifier.verifyThat(ServingsConstraintProvider::tooManyServings)
                .given(atMostFour, gel(0, 3), drink(1, 2))
                .penalizesBy(250_000); // 5 servings: 1 over 4
        verifier.verifyThat(ServingsConstraintProvider::tooManyServings)
                .given(atMostFour, gel(0, 3), drink(1, 2))
                .justifiesWith(new LimitExceeded("maxServings", 5, 4));
        verifier.verifyThat(ServingsConstraintProvider::tooManyServings)
                .given(atMostFour, gel(0, 2), drink(1, 2))
                .hasNoImpact();
    }

    @Test
    void tooManyProducts() {
        var atMostOne = new PlanLimits(Limits.NONE, 1);
        verifier.verifyThat(ServingsConstraintProvider::tooManyProducts)
                .given(atMostOne, gel(0, 1), drink(1, 1))
                .penalizesBy(1_000_000); // 2 products: 1 over 1
        verifier.verifyThat(ServingsConstraintProvider::tooManyProducts)
                .given(atMostOne, gel(0, 1), drink(1, 1))
                .justifiesWith(new LimitExceeded("maxProducts", 2, 1));
        verifier.verifyThat(ServingsConstraintProvider::tooManyProducts)
                .given(atMostOne, gel(0, 4), drink(1, 0))
                .hasNoImpact();
    }

    @Test
    void sameProductsAsEarlierPlan() {
        var best = new EarlierPlan(0, Set.of(0, 1));
        verifier.verifyThat(ServingsConstraintProvider::sameProductsAsEarlierPlan)
                .given(best, gel(0, 1), drink(1, 3))
                .penalizesBy(1_000_000);
        verifier.verifyThat(ServingsConstraintProvider::sameProductsAsEarlierPlan)
                .given(best, gel(0, 1), drink(1, 3))
                .justifiesWith(new SameProducts(0));
        // Other servings do not make it another plan; another set of products does.
        verifier.verifyThat(ServingsConstraintProvider::sameProductsAsEarlierPlan)
                .given(best, gel(0, 0), drink(1, 3))
                .hasNoImpact();
    }

    @Test
    void objective() {
        var heavy = new ProductServings(2, gel(2, 0).product(), 0, 10, new long[3], new long[3], 450, 0, 2);
        verifier.verifyThat(ServingsConstraintProvider::objective)
                .given(gel(0, 3), drink(1, 0), heavy)
                .penalizesBy(3 + 900);
        verifier.verifyThat(ServingsConstraintProvider::objective)
                .given(gel(0, 3), drink(1, 0), heavy)
                .justifiesWith(new ProductShare("gel-0", 3, 3), new ProductShare("gel-2", 2, 900));
        verifier.verifyThat(ServingsConstraintProvider::objective)
                .given(gel(0, 0), drink(1, 0))
                .hasNoImpact();
    }

    @Test
    void productCount() {
        verifier.verifyThat(ServingsConstraintProvider::productCount)
                .given(gel(0, 3), drink(1, 1), gel(2, 0))
                .penalizesBy(2);
        verifier.verifyThat(ServingsConstraintProvider::productCount)
                .given(gel(0, 0), drink(1, 0))
                .hasNoImpact();
    }

    @Test
    void overshoot() {
        // 3 drinks: 90 g carbohydrate, 30 g (1/2) over 60 g; 750 mg sodium, 250 mg (1/2) over 500 mg.
        verifier.verifyThat(ServingsConstraintProvider::overshoot)
                .given(CARBS, SALT, CAFFEINE_CAP, drink(1, 3))
                .penalizesBy(500_000 + 500_000);
        verifier.verifyThat(ServingsConstraintProvider::overshoot)
                .given(CARBS, SALT, CAFFEINE_CAP, drink(1, 3))
                .justifiesWith(new Overshoot(CARBOHYDRATE, 60, 90), new Overshoot(SODIUM, 500, 750));
        verifier.verifyThat(ServingsConstraintProvider::overshoot)
                .given(CARBS, SALT, CAFFEINE_CAP, drink(1, 2))
                .hasNoImpact();
    }
}

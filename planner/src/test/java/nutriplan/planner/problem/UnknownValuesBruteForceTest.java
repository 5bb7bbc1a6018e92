package nutriplan.planner.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Preparation;
import nutriplan.catalog.product.Product;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.SolverChoice;
import nutriplan.planner.request.Target;
import nutriplan.planner.request.UnknownUnderMax;

/**
 * The unknown-value policy and prepared fluid against brute force: on small random catalogs in which some
 * products do not state their sodium and some powders are mixed into water, the exact planner's proven optimum
 * equals the best of every servings vector, where the enumeration decides on its own which products a request
 * may use (leaving out an unknown under a maximum unless allowed), counts an unknown as 0, and adds the
 * preparation's water to the listed fluid.
 */
class UnknownValuesBruteForceTest {

    private static final int INSTANCES = 150;
    private static final int PRODUCTS = 5;
    private static final int CAP = 3;
    private static final ChocoPlanner PLANNER = new ChocoPlanner();

    @Test
    void by_default_a_product_with_an_unknown_under_a_maximum_is_left_out_and_the_optimum_is_the_best_of_the_rest() {
        for (long seed = 1; seed <= INSTANCES; seed++) {
            var request = instance(seed, UnknownUnderMax.EXCLUDE);
            var result = PLANNER.plan(request);

            assertAgreesWithBruteForce(seed, request, result, bruteForce(request, false));
            var leftOut = UnknownValues.leftOut(request).stream().map(each -> each.product().id()).toList();
            assertThat(leftOut).as("seed %d", seed).containsExactlyElementsOf(expectedLeftOut(request));
            if (result.hasPlan()) {
                assertThat(result.plan().productIds()).as("seed %d", seed).noneMatch(leftOut::contains);
                assertThat(UnknownValues.lowerBoundTotals(request, result.plan())).as("seed %d", seed).isEmpty();
            }
        }
    }

    @Test
    void when_allowed_an_unknown_counts_as_0_and_the_totals_it_enters_under_a_maximum_are_lower_bounds() {
        int lowerBounds = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            var request = instance(seed, UnknownUnderMax.ALLOW);
            var result = PLANNER.plan(request);

            assertAgreesWithBruteForce(seed, request, result, bruteForce(request, true));
            assertThat(UnknownValues.leftOut(request)).isEmpty();
            if (result.hasPlan()) {
                boolean usesUnknownSodium = result.plan().items().stream()
                        .anyMatch(item -> item.product().isUnknown(Nutrient.SODIUM));
                assertThat(UnknownValues.lowerBoundTotals(request, result.plan()))
                        .as("seed %d", seed).isEqualTo(usesUnknownSodium ? List.of(Nutrient.SODIUM) : List.of());
                if (usesUnknownSodium) {
                    assertThat(result.warnings()).as("seed %d", seed)
                            .anyMatch(warning -> warning.message().contains("the sodium total is a lower bound")
                                    && warning.nutrient() == Nutrient.SODIUM && "max".equals(warning.side()));
                }
                lowerBounds += usesUnknownSodium ? 1 : 0;
            }
        }
        assertThat(lowerBounds).as("instances whose best plan relies on an unknown sodium").isPositive();
    }

    /** The instances: 5 products, sodium max always, sodium min and a fluid bound sometimes; unknowns and powders mixed in. */
    static PlanRequest instance(long seed, UnknownUnderMax policy) {
        var random = new Random(seed);
        var products = new ArrayList<Product>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(product(random, i));
        }
        var targets = new ArrayList<Target>();
        targets.add(Target.atLeast(Nutrient.CARBOHYDRATE, 10 * (2 + random.nextInt(10))));
        double sodiumMax = 100 * (3 + random.nextInt(10));
        targets.add(random.nextBoolean() ? Target.between(Nutrient.SODIUM, sodiumMax / 3, sodiumMax) : Target.atMost(Nutrient.SODIUM, sodiumMax));
        if (random.nextBoolean()) {
            double fluid = 250 * (1 + random.nextInt(6));
            targets.add(random.nextBoolean() ? Target.atMost(Nutrient.FLUID, fluid) : Target.atLeast(Nutrient.FLUID, fluid));
        }
        return new PlanRequest(targets, new Catalog("inline", products), Selection.ALL, Set.of(),
                new Limits(CAP, Limits.NONE, Limits.NONE), Objective.SERVINGS, SolverChoice.CHOCO, 5000, 0, policy);
    }

    private static Product product(Random random, int index) {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        nutrients.put(Nutrient.CARBOHYDRATE, 5.0 * (1 + random.nextInt(8)));
        nutrients.put(Nutrient.SODIUM, random.nextInt(4) == 0 ? null : 50.0 * random.nextInt(6));
        boolean powder = random.nextInt(3) == 0;
        nutrients.put(Nutrient.FLUID, powder ? 0.0 : 50.0 * random.nextInt(8));
        var preparation = powder ? Preparation.mixedInto(100.0 * (2 + random.nextInt(4)), "scoop") : null;
        return new Product("p" + index, "Product " + index, "Test", powder ? Kind.POWDER : Kind.DRINK,
                powder ? Amount.grams(30) : Amount.millilitres(500), nutrients, List.of(), null, null, "test", preparation, null);
    }

    /** The products a max-bounded unknown keeps out, re-derived from the request's fields. */
    private static List<String> expectedLeftOut(PlanRequest request) {
        boolean sodiumMax = request.targets().stream().anyMatch(t -> t.nutrient() == Nutrient.SODIUM && t.hasMax());
        return request.catalog().products().stream()
                .filter(product -> sodiumMax && product.nutrients().get(Nutrient.SODIUM) == null)
                .map(Product::id).toList();
    }

    /** The fewest servings over every vector of allowed products, or -1 when none meets the targets. */
    static int bruteForce(PlanRequest request, boolean allowUnknown) {
        var products = request.catalog().products();
        var leftOut = allowUnknown ? List.<String>of() : expectedLeftOut(request);
        int best = -1;
        var servings = new int[products.size()];
        long vectors = Math.round(Math.pow(CAP + 1, products.size()));
        for (long code = 0; code < vectors; code++) {
            long rest = code;
            int count = 0;
            boolean allowed = true;
            for (int i = 0; i < servings.length; i++) {
                servings[i] = (int) (rest % (CAP + 1));
                rest /= CAP + 1;
                count += servings[i];
                allowed &= servings[i] == 0 || !leftOut.contains(products.get(i).id());
            }
            if (allowed && (best < 0 || count < best) && meets(request, products, servings)) {
                best = count;
            }
        }
        return best;
    }

    private static boolean meets(PlanRequest request, List<Product> products, int[] servings) {
        for (var target : request.targets()) {
            double total = 0;
            for (int i = 0; i < servings.length; i++) {
                total += servings[i] * asTaken(products.get(i), target.nutrient());
            }
            if (total < target.min() - 1e-9 || total > target.max() + 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** The listed value (unknown: 0), and for fluid the preparation's water, computed here apart from Product. */
    private static double asTaken(Product product, Nutrient nutrient) {
        Map<Nutrient, Double> listed = product.nutrients();
        double value = listed.get(nutrient) == null ? 0 : listed.get(nutrient);
        if (nutrient == Nutrient.FLUID && product.preparation() != null) {
            value += product.preparation().water();
        }
        return value;
    }

    private static void assertAgreesWithBruteForce(long seed, PlanRequest request, PlanResult result, int best) {
        if (best < 0) {
            assertThat(result.status()).as("seed %d: brute force finds no plan", seed).isEqualTo(PlanStatus.INFEASIBLE);
            return;
        }
        assertThat(result.status()).as("seed %d", seed).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(result.plan().servings()).as("seed %d", seed).isEqualTo(best);
        assertThat(result.plan().violations(request)).as("seed %d", seed).isEmpty();
    }
}

package nutriplan.planner.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.CarbohydrateType;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;
import nutriplan.planner.auto.AutoPlanner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.SolverChoice;
import nutriplan.planner.request.Target;
import nutriplan.planner.timefold.TimefoldPlanner;

/**
 * The cap on single-source carbohydrate (guidelines §5: above 60 g/h the rest must be glucose/maltodextrin +
 * fructose) against brute force: on small random catalogs of multiple-transportable, single-source and
 * not-stated products, the proven optimum equals the best servings vector whose carbohydrate from products not
 * stated to be multiple transportable stays under the cap, computed here from the catalog fields.
 */
class SingleSourceCarbohydrateBruteForceTest {

    private static final int INSTANCES = 200;
    private static final int PRODUCTS = 5;
    private static final int CAP = 4;
    private static final ChocoPlanner CHOCO = new ChocoPlanner();
    private static final AutoPlanner AUTO = new AutoPlanner(CHOCO, new TimefoldPlanner(), AutoPlanner.Rule.MEASURED);

    @Test
    void the_optimum_keeps_single_source_carbohydrate_under_its_cap() {
        int capBinds = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            var request = instance(seed);
            int best = bruteForce(request);
            var result = CHOCO.plan(request);

            if (best < 0) {
                assertThat(result.status()).as("seed %d: brute force finds no plan", seed).isEqualTo(PlanStatus.INFEASIBLE);
            } else {
                assertThat(result.status()).as("seed %d", seed).isEqualTo(PlanStatus.OPTIMAL);
                assertThat(result.plan().servings()).as("seed %d", seed).isEqualTo(best);
                assertThat(result.plan().items().stream()
                        .mapToDouble(item -> item.servings() * singleSource(item.product())).sum())
                        .as("seed %d", seed).isLessThanOrEqualTo(cap(request) + 1e-9);
                capBinds += bruteForceWithoutCap(request) < best ? 1 : 0;
            }
            assertThat(AUTO.plan(request).status()).as("seed %d: auto's verdict", seed).isEqualTo(result.status());
        }
        assertThat(capBinds).as("instances where the cap costs servings").isPositive();
    }

    @Test
    void a_product_stated_multiple_transportable_carries_no_single_source_carbohydrate() {
        var mixed = product(0, 40, CarbohydrateType.MULTIPLE_TRANSPORTABLE);
        var glucose = product(1, 40, CarbohydrateType.SINGLE);
        var notStated = product(2, 40, null);

        assertThat(mixed.amount(Nutrient.SINGLE_SOURCE_CARBOHYDRATE)).isZero();
        assertThat(glucose.amount(Nutrient.SINGLE_SOURCE_CARBOHYDRATE)).isEqualTo(40);
        assertThat(notStated.amount(Nutrient.SINGLE_SOURCE_CARBOHYDRATE)).isEqualTo(40);
    }

    static PlanRequest instance(long seed) {
        var random = new Random(seed);
        var types = new CarbohydrateType[] {CarbohydrateType.MULTIPLE_TRANSPORTABLE, CarbohydrateType.SINGLE, null};
        var products = new ArrayList<Product>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(product(i, 10.0 * (1 + random.nextInt(6)), types[random.nextInt(types.length)]));
        }
        double carbMin = 20.0 * (2 + random.nextInt(8));
        var targets = List.of(Target.atLeast(Nutrient.CARBOHYDRATE, carbMin),
                Target.atMost(Nutrient.SINGLE_SOURCE_CARBOHYDRATE, 10.0 * random.nextInt(12)));
        return new PlanRequest(targets, new Catalog("inline", products), Selection.ALL, Set.of(),
                new Limits(CAP, Limits.NONE, Limits.NONE), Objective.SERVINGS, SolverChoice.CHOCO, 5000, 0);
    }

    private static Product product(int index, double carbohydrate, CarbohydrateType type) {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        nutrients.put(Nutrient.CARBOHYDRATE, carbohydrate);
        return new Product("p" + index, "Product " + index, "Test", Kind.GEL, Amount.grams(40), nutrients, List.of(),
                null, null, "test", null, type);
    }

    private static double cap(PlanRequest request) {
        return request.targets().get(1).max();
    }

    /** Computed from the fields, apart from Product.amount: carbohydrate unless stated multiple transportable. */
    private static double singleSource(Product product) {
        return product.carbohydrateType() == CarbohydrateType.MULTIPLE_TRANSPORTABLE ? 0
                : product.nutrients().get(Nutrient.CARBOHYDRATE);
    }

    private static int bruteForce(PlanRequest request) {
        return bruteForce(request, cap(request));
    }

    private static int bruteForceWithoutCap(PlanRequest request) {
        return bruteForce(request, Double.POSITIVE_INFINITY);
    }

    /** The fewest servings meeting the carbohydrate minimum with single-source carbohydrate ≤ cap; -1 for none. */
    private static int bruteForce(PlanRequest request, double cap) {
        var products = request.catalog().products();
        double carbMin = request.targets().get(0).min();
        int best = -1;
        var servings = new int[products.size()];
        long vectors = Math.round(Math.pow(CAP + 1, products.size()));
        for (long code = 0; code < vectors; code++) {
            long rest = code;
            int count = 0;
            double carbohydrate = 0;
            double single = 0;
            for (int i = 0; i < servings.length; i++) {
                servings[i] = (int) (rest % (CAP + 1));
                rest /= CAP + 1;
                count += servings[i];
                carbohydrate += servings[i] * products.get(i).nutrients().get(Nutrient.CARBOHYDRATE);
                single += servings[i] * singleSource(products.get(i));
            }
            if (carbohydrate >= carbMin - 1e-9 && single <= cap + 1e-9 && (best < 0 || count < best)) {
                best = count;
            }
        }
        return best;
    }
}

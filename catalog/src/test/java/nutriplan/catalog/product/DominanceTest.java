package nutriplan.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;

/**
 * The dominance rule against brute force: in random small catalogs, for every dominated product B and many random
 * requests with minimums only, the best plan of each objective without B is exactly as good as with it; and the
 * cap rule is needed: a capped A does not make B useless.
 */
class DominanceTest {

    private static final List<Nutrient> TARGETED = List.of(Nutrient.CARBOHYDRATE, Nutrient.SODIUM, Nutrient.FLUID);
    private static final int CATALOGS = 300;
    private static final int REQUESTS = 12;
    private static final int NO_PLAN = Integer.MAX_VALUE;

    enum Objective { SERVINGS, PRODUCTS, MASS, COST }

    /** Minimums per targeted nutrient and the most servings in total. */
    record Request(Map<Nutrient, Double> minimums, int maxServings, Objective objective) {
    }

    @Test
    void a_dominated_product_is_never_needed_for_an_optimum_of_any_objective_under_minimums() {
        int pairs = 0;
        for (long seed = 1; seed <= CATALOGS; seed++) {
            var random = new Random(seed);
            var products = catalog(random);
            for (var dominated : Dominance.of(products)) {
                pairs++;
                var without = new ArrayList<>(products);
                without.remove(dominated.product());
                assertThat(Dominance.dominates(dominated.by(), dominated.product())).isTrue();
                for (int r = 0; r < REQUESTS; r++) {
                    var request = request(random);
                    assertThat(best(without, request)).as("seed %d, %s dominated by %s, %s", seed,
                            dominated.product().id(), dominated.by().id(), request).isEqualTo(best(products, request));
                }
            }
        }
        assertThat(pairs).as("dominated products found in the random catalogs").isGreaterThan(100);
    }

    @Test
    void equal_products_keep_the_earlier_and_an_undominated_product_is_never_listed() {
        var a = product("a", 30, 20, 100, 0, null, null);
        var twin = product("twin", 30, 20, 100, 0, null, null);
        var rich = product("rich", 30, 25, 120, 0, null, null);

        var dominated = Dominance.of(List.of(a, twin, rich));

        assertThat(dominated).extracting(each -> each.product().id() + "<" + each.by().id())
                .containsExactly("a<rich", "twin<rich");
        assertThat(Dominance.of(List.of(a, twin))).extracting(each -> each.product().id()).containsExactly("twin");
    }

    @Test
    void a_capped_product_does_not_dominate_because_its_cap_can_leave_the_other_needed() {
        var capped = product("capped", 30, 30, 200, 0, null, 2);
        var weaker = product("weaker", 30, 20, 100, 0, null, null);
        var needsThree = new Request(Map.of(Nutrient.CARBOHYDRATE, 80.0), 5, Objective.SERVINGS);

        assertThat(Dominance.dominates(capped, weaker)).isFalse();
        assertThat(best(List.of(capped, weaker), needsThree)).isEqualTo(3);
        assertThat(best(List.of(capped), needsThree)).isEqualTo(NO_PLAN);
    }

    @Test
    void the_preparation_water_counts_as_fluid_and_a_price_is_compared_in_one_currency() {
        var powder = new Product("powder", "Powder", "Test", Kind.POWDER, Amount.grams(24),
                Map.of(Nutrient.CARBOHYDRATE, 22.0, Nutrient.FLUID, 0.0), List.of(), null, null, "test",
                Preparation.mixedInto(355, "scoop"), null);
        var drink = product("drink", 355, 21, 0, 355, null, null);
        var euro = product("euro", 20, 30, 300, 0, new Price(1, "EUR"), null);
        var dollar = product("dollar", 20, 20, 200, 0, new Price(2, "USD"), null);

        assertThat(Dominance.dominates(powder, drink)).isTrue();
        assertThat(Dominance.dominates(euro, dollar)).isFalse();
    }

    /** Five products; some are weakened copies of another, so that dominance occurs often. */
    private static List<Product> catalog(Random random) {
        var products = new ArrayList<Product>();
        for (int i = 0; i < 5; i++) {
            if (i > 0 && random.nextInt(3) == 0) {
                products.add(weakened(random, products.get(random.nextInt(i)), i));
                continue;
            }
            var price = random.nextInt(4) == 0 ? null : new Price(1 + random.nextInt(3), "USD");
            Integer maxServings = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : null;
            products.add(product("p" + i, 10 * (2 + random.nextInt(4)), 5 * random.nextInt(8),
                    50 * random.nextInt(6), 100 * random.nextInt(4), price, maxServings));
        }
        return products;
    }

    private static Product weakened(Random random, Product of, int index) {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        for (var nutrient : TARGETED) {
            nutrients.put(nutrient, Math.max(0, of.amount(nutrient) - 5 * random.nextInt(2)));
        }
        var price = of.price() == null ? null : new Price(of.price().amount() + random.nextInt(2), "USD");
        Integer maxServings = random.nextBoolean() ? null : 1 + random.nextInt(3);
        return new Product("p" + index, "Product " + index, "Test", Kind.GEL, Amount.grams(of.serving().value() + 10 * random.nextInt(2)),
                nutrients, List.of(), maxServings, price, "test");
    }

    private static Product product(String id, double grams, double carbohydrate, double sodium, double fluid, Price price,
                                   Integer maxServings) {
        return new Product(id, id, "Test", Kind.GEL, Amount.grams(grams), Map.of(Nutrient.CARBOHYDRATE, carbohydrate,
                Nutrient.SODIUM, sodium, Nutrient.FLUID, fluid), List.of(), maxServings, price, "test");
    }

    private static Request request(Random random) {
        var minimums = new EnumMap<Nutrient, Double>(Nutrient.class);
        for (var nutrient : TARGETED) {
            if (random.nextBoolean()) {
                minimums.put(nutrient, (double) (nutrient == Nutrient.CARBOHYDRATE ? 10 * (1 + random.nextInt(10))
                        : nutrient == Nutrient.SODIUM ? 100 * (1 + random.nextInt(8)) : 100 * (1 + random.nextInt(8))));
            }
        }
        return new Request(minimums, 2 + random.nextInt(4), Objective.values()[random.nextInt(4)]);
    }

    /** The best objective value (cost and mass in whole units here) over every servings vector, or NO_PLAN. */
    static int best(List<Product> products, Request request) {
        int n = products.size();
        var caps = new int[n];
        for (int i = 0; i < n; i++) {
            var product = products.get(i);
            boolean eligible = request.objective() != Objective.COST || product.price() != null;
            caps[i] = !eligible ? 0 : product.maxServings() == null ? request.maxServings()
                    : Math.min(product.maxServings(), request.maxServings());
        }
        int best = NO_PLAN;
        var servings = new int[n];
        while (true) {
            if (meets(products, servings, request)) {
                best = Math.min(best, value(products, servings, request.objective()));
            }
            int i = 0;
            while (i < n && servings[i] == caps[i]) {
                servings[i++] = 0;
            }
            if (i == n) {
                return best;
            }
            servings[i]++;
        }
    }

    private static boolean meets(List<Product> products, int[] servings, Request request) {
        int total = 0;
        for (int count : servings) {
            total += count;
        }
        if (total > request.maxServings()) {
            return false;
        }
        for (var minimum : request.minimums().entrySet()) {
            double sum = 0;
            for (int i = 0; i < servings.length; i++) {
                sum += servings[i] * products.get(i).amount(minimum.getKey());
            }
            if (sum < minimum.getValue() - 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static int value(List<Product> products, int[] servings, Objective objective) {
        int value = 0;
        for (int i = 0; i < servings.length; i++) {
            var product = products.get(i);
            value += switch (objective) {
                case SERVINGS -> servings[i];
                case PRODUCTS -> servings[i] > 0 ? 1 : 0;
                case MASS -> (int) Math.round(servings[i] * product.serving().value());
                case COST -> servings[i] == 0 ? 0 : (int) Math.round(servings[i] * product.price().amount());
            };
        }
        return value;
    }
}

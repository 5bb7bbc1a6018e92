package nutriplan.planner;

import static nutriplan.catalog.nutrient.Nutrient.CAFFEINE;
import static nutriplan.catalog.nutrient.Nutrient.CARBOHYDRATE;
import static nutriplan.catalog.nutrient.Nutrient.FLUID;
import static nutriplan.catalog.nutrient.Nutrient.SODIUM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Price;
import nutriplan.catalog.product.Product;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.Target;

/**
 * What every engine answers alike on a small catalog with known answers; each engine's test extends this and
 * adds its own.
 */
public abstract class PlannerContractTest {

    // A small catalog with known answers.
    protected static final Product DRINK = product("drink", 500, Map.of(CARBOHYDRATE, 30.0, FLUID, 500.0, SODIUM, 250.0), List.of("caffeine-free"), 1.5);
    protected static final Product GEL = product("gel", 40, Map.of(CARBOHYDRATE, 25.0, SODIUM, 50.0), List.of("caffeine-free"), 2.0);
    protected static final Product CAF_GEL = product("caf-gel", 40, Map.of(CARBOHYDRATE, 25.0, SODIUM, 50.0, CAFFEINE, 100.0), List.of("caffeine"), 2.5);
    protected static final Product WATER = product("water", 500, Map.of(FLUID, 500.0), List.of("caffeine-free"), 0.5);
    protected static final Product SALT = product("salt", 1, Map.of(SODIUM, 388.0), List.of("salty"), 0.05);
    protected static final List<Product> CATALOG = List.of(DRINK, GEL, CAF_GEL, WATER, SALT);

    /** The engine under test. */
    protected abstract Planner planner();

    protected static Product product(String id, double grams, Map<Nutrient, Double> nutrients, List<String> tags, double price) {
        return new Product(id, id, null, Kind.FOOD, Amount.grams(grams), nutrients, tags, null, new Price(price, "USD"), "test");
    }

    protected static PlanRequest request(Target... targets) {
        return PlanRequest.of(List.of(targets), CATALOG);
    }

    @Test
    void finds_the_fewest_servings_and_proves_it() {
        var result = planner().plan(request(Target.atLeast(CARBOHYDRATE, 60), Target.atLeast(FLUID, 1000)));

        assertThat(result.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(result.value()).isEqualTo(2);
        assertThat(result.bound()).isEqualTo(2);
        assertThat(result.plan().servingsOf("drink")).isEqualTo(2);
    }

    @Test
    void max_targets_hold() {
        var result = planner().plan(request(Target.atLeast(CARBOHYDRATE, 60), Target.atMost(FLUID, 500)));

        assertThat(result.plan().total(FLUID)).isLessThanOrEqualTo(500);
        assertThat(result.plan().total(CARBOHYDRATE)).isGreaterThanOrEqualTo(60);
        assertThat(result.value()).isEqualTo(3); // one drink + one gel gives 55 g: a third serving is needed
    }

    /**
     * At most 50 g of carbohydrate per litre: two drinks (60 g/L) alone are too concentrated, so a water joins them
     * (60 g in 1.5 L, 40 g/L); without the limit two drinks are the plan.
     */
    @Test
    void the_concentration_limit_holds() {
        var request = request(Target.atLeast(CARBOHYDRATE, 60)).withConcentration(new Concentration(50));

        var result = planner().plan(request);

        assertThat(result.hasPlan()).isTrue();
        assertThat(result.plan().keepsConcentration(request)).isTrue();
        assertThat(result.plan().violations(request)).isEmpty();
        assertThat(result.value()).isEqualTo(3);
        assertThat(planner().plan(request.withConcentration(null)).value()).isEqualTo(2);
    }

    @Test
    void exclusions_and_inclusions_restrict_the_products() {
        var base = request(Target.atLeast(CARBOHYDRATE, 50));
        var noGels = base.withSelection(new Selection(Set.of(), Set.of(), Set.of("gel"), Set.of("caffeine")));
        var onlyGels = base.withSelection(new Selection(Set.of("gel"), Set.of(), Set.of(), Set.of()));

        assertThat(planner().plan(noGels).plan().productIds()).containsExactly("drink");
        assertThat(planner().plan(onlyGels).plan().productIds()).containsExactly("gel");
    }
}

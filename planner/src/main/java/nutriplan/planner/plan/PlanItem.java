package nutriplan.planner.plan;

import java.util.Objects;

import nutriplan.catalog.product.Product;

/** Servings of one product in a plan. */
public record PlanItem(Product product, int servings) {

    public PlanItem {
        Objects.requireNonNull(product, "product");
        if (servings < 1) {
            throw new IllegalArgumentException("a plan item has at least one serving, got " + servings);
        }
    }
}

package nutriplan.catalog.product;

import java.util.ArrayList;
import java.util.List;

import nutriplan.catalog.nutrient.Nutrient;

/**
 * Products another product makes useless, for maintainers ({@code check-catalog --dominated}).
 *
 * <p>A dominates B when, per serving as taken (the preparation's water counted as fluid, an unknown value as 0,
 * as the planner counts it under a minimum):
 * <ol>
 *   <li>A has at least as much of every nutrient as B;</li>
 *   <li>A's serving is no larger (mL counted as g, as the mass objective counts it);</li>
 *   <li>B has no price, or A has one in the same currency that is no higher;</li>
 *   <li>A has no {@code maxServings} of its own.</li>
 * </ol>
 * Then in every request with minimum targets only, no {@code maxServingsPerProduct} below its total
 * {@code maxServings}, A allowed and B not required, any plan using B stays valid and no worse for every objective
 * when B's servings go to A: every total only grows, the servings stay, the distinct products and the mass and the
 * price do not grow. Rule 4 is exact: with A capped at m servings, a request whose minimums need m + 1 servings of
 * A-or-better needs B. Products equal in all four respects dominate each other; the earlier in the catalog is kept.
 */
public final class Dominance {

    private Dominance() {
    }

    /** B, and an A that dominates it (one that nothing dominates, where there is one). */
    public record Dominated(Product product, Product by) {
    }

    /** Every dominated product of the catalog, in catalog order, each with one product dominating it. */
    public static List<Dominated> of(List<Product> products) {
        var dominated = new ArrayList<Dominated>();
        for (int b = 0; b < products.size(); b++) {
            var dominators = new ArrayList<Integer>();
            for (int a = 0; a < products.size(); a++) {
                if (dominates(products, a, b)) {
                    dominators.add(a);
                }
            }
            if (!dominators.isEmpty()) {
                int by = dominators.stream().filter(a -> isUndominated(products, a)).findFirst().orElse(dominators.get(0));
                dominated.add(new Dominated(products.get(b), products.get(by)));
            }
        }
        return dominated;
    }

    private static boolean isUndominated(List<Product> products, int a) {
        for (int other = 0; other < products.size(); other++) {
            if (dominates(products, other, a)) {
                return false;
            }
        }
        return true;
    }

    /** Product a dominates product b (indices in catalog order break the tie between equals). */
    static boolean dominates(List<Product> products, int a, int b) {
        if (a == b || !dominates(products.get(a), products.get(b))) {
            return false;
        }
        // Equals dominate each other: only the earlier one counts, so one of them always stays.
        return a < b || !dominates(products.get(b), products.get(a));
    }

    /** The four rules, without the tie-break. */
    public static boolean dominates(Product a, Product b) {
        if (a.maxServings() != null || a.serving().value() > b.serving().value() || !isNoDearer(a, b)) {
            return false;
        }
        for (var nutrient : Nutrient.stated()) {
            if (a.amount(nutrient) < b.amount(nutrient)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNoDearer(Product a, Product b) {
        if (b.price() == null) {
            return true;
        }
        return a.price() != null && a.price().currency().equals(b.price().currency())
                && a.price().amount() <= b.price().amount();
    }
}

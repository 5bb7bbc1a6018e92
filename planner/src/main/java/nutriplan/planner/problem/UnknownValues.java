package nutriplan.planner.problem;

import java.util.ArrayList;
import java.util.List;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Product;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.UnknownUnderMax;

/**
 * The policy of API.md for a value that is not known ({@code null}). Under a minimum it counts as 0: the plan
 * may only be richer than its totals say, so a met minimum stays met. Under a maximum a product with it cannot
 * be shown to keep the plan below, so by default it is left out of the request; where the request allows it
 * (or requires the product by id), the totals of those nutrients are lower bounds, and the plan is not proven
 * to meet their maximums.
 *
 * <p>A concentration limit bounds the carbohydrate from above too (per litre of the plan's fluid): a product whose
 * carbohydrate is not known cannot be shown to keep it, so it is treated as under a maximum of carbohydrate — left
 * out by default, listed with carbohydrate, and where allowed the concentration is not proven ("carbohydrate" is
 * among {@link #lowerBoundTotals}). A fluid that is not known counts 0, which can only overstate the concentration:
 * sound as it is, so it leaves no product out.
 */
public final class UnknownValues {

    private UnknownValues() {
    }

    /** A product the request does not use, and the bounded nutrients it does not state. */
    public record LeftOut(Product product, List<Nutrient> nutrients) {

        public LeftOut {
            nutrients = List.copyOf(nutrients);
        }
    }

    /** The allowed products this request leaves out for an unknown value under a maximum, in catalog order. */
    public static List<LeftOut> leftOut(PlanRequest request) {
        var leftOut = new ArrayList<LeftOut>();
        for (var product : request.allowedProducts()) {
            var unknown = unknownUnderMax(request, product);
            if (!unknown.isEmpty() && isLeftOut(request, product)) {
                leftOut.add(new LeftOut(product, unknown));
            }
        }
        return leftOut;
    }

    /** True when the request leaves the product out: it does not state a bounded-above nutrient, nothing allows it. */
    public static boolean isLeftOut(PlanRequest request, Product product) {
        return request.unknownUnderMax() == UnknownUnderMax.EXCLUDE && !request.required().contains(product.id())
                && !unknownUnderMax(request, product).isEmpty();
    }

    /**
     * The nutrients bounded from above whose total in this plan is a lower bound, a product used not stating them:
     * targeted nutrients with a maximum, and carbohydrate under a concentration limit (once, in the targets' order).
     */
    public static List<Nutrient> lowerBoundTotals(PlanRequest request, Plan plan) {
        var nutrients = new ArrayList<Nutrient>();
        if (plan == null) {
            return nutrients;
        }
        for (var nutrient : boundedAbove(request)) {
            if (plan.items().stream().anyMatch(item -> item.product().isUnknown(nutrient))) {
                nutrients.add(nutrient);
            }
        }
        return nutrients;
    }

    private static List<Nutrient> unknownUnderMax(PlanRequest request, Product product) {
        return boundedAbove(request).stream().filter(product::isUnknown).toList();
    }

    /** The nutrients the request bounds from above: each target with a max, and carbohydrate under a concentration. */
    private static List<Nutrient> boundedAbove(PlanRequest request) {
        var nutrients = new ArrayList<Nutrient>();
        for (var target : request.targets()) {
            if (target.hasMax() && !nutrients.contains(target.nutrient())) {
                nutrients.add(target.nutrient());
            }
        }
        if (request.concentration() != null && !nutrients.contains(Nutrient.CARBOHYDRATE)) {
            nutrients.add(Nutrient.CARBOHYDRATE);
        }
        return nutrients;
    }
}

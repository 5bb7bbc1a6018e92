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

    /** The targeted nutrients with a maximum whose total in this plan is a lower bound: a product used does not state it. */
    public static List<Nutrient> lowerBoundTotals(PlanRequest request, Plan plan) {
        var nutrients = new ArrayList<Nutrient>();
        if (plan == null) {
            return nutrients;
        }
        for (var target : request.targets()) {
            if (target.hasMax() && plan.items().stream().anyMatch(item -> item.product().isUnknown(target.nutrient()))) {
                nutrients.add(target.nutrient());
            }
        }
        return nutrients;
    }

    private static List<Nutrient> unknownUnderMax(PlanRequest request, Product product) {
        return request.targets().stream().filter(target -> target.hasMax() && product.isUnknown(target.nutrient()))
                .map(target -> target.nutrient()).toList();
    }
}

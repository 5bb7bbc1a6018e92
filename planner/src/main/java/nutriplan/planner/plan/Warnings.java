package nutriplan.planner.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.nutrient.Quantities;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/**
 * What a caller should know about a plan: targeted nutrients that a product used does not state. Under a minimum
 * such a value counted 0; under a maximum (where the request allowed it) the total is only a lower bound.
 */
public final class Warnings {

    private Warnings() {
    }

    public static List<Warning> of(PlanRequest request, Plan plan, List<Plan> alternatives) {
        var warnings = new LinkedHashSet<Warning>();
        var plans = new ArrayList<Plan>();
        if (plan != null) {
            plans.add(plan);
        }
        plans.addAll(alternatives);
        for (var each : plans) {
            for (var item : each.items()) {
                for (var target : request.targets()) {
                    if (item.product().isUnknown(target.nutrient())) {
                        warnings.add(warning(item.product().id(), target));
                    }
                }
                if (request.concentration() != null && item.product().isUnknown(Nutrient.CARBOHYDRATE)) {
                    warnings.add(concentrationWarning(item.product().id(), request.concentration().maxGramsPerLitre()));
                }
            }
        }
        return List.copyOf(warnings);
    }

    /** Under a concentration limit, as under a max: the carbohydrate total is a lower bound, the limit not proven. */
    private static Warning concentrationWarning(String productId, double gramsPerLitre) {
        return new Warning(productId + ": carbohydrate is not known for this product and counts as 0 in the totals;"
                + " the carbohydrate total is a lower bound, so the plan is not proven to keep the concentration limit of "
                + Quantities.format(gramsPerLitre) + " g per litre of fluid", Nutrient.CARBOHYDRATE, null, null, null,
                productId);
    }

    private static Warning warning(String productId, Target target) {
        var nutrient = target.nutrient().jsonName();
        var warning = productId + ": " + nutrient + " is not known for this product and counts as 0 in the totals";
        if (target.hasMax()) {
            return Warning.unknownValue(warning + "; the " + nutrient + " total is a lower bound, so the plan is not proven"
                    + " to stay under the max of " + Quantities.format(target.max()) + " " + target.nutrient().canonicalUnit(),
                    productId, target.nutrient(), "max", target.max());
        }
        return Warning.unknownValue(warning + ", so the plan may hold more " + nutrient + " than it says, never less",
                productId, target.nutrient(), "min", target.min());
    }
}

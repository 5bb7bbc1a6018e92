package nutriplan.planner.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import nutriplan.planner.request.PlanRequest;

/** What a caller should know about a plan: targeted nutrients that a product used does not state. */
public final class Warnings {

    private Warnings() {
    }

    public static List<String> of(PlanRequest request, Plan plan, List<Plan> alternatives) {
        var warnings = new LinkedHashSet<String>();
        var plans = new ArrayList<Plan>();
        if (plan != null) {
            plans.add(plan);
        }
        plans.addAll(alternatives);
        for (var each : plans) {
            for (var item : each.items()) {
                for (var target : request.targets()) {
                    if (item.product().isUnknown(target.nutrient())) {
                        warnings.add(item.product().id() + ": " + target.nutrient().jsonName()
                                + " is not known for this product and counts as 0 in the totals");
                    }
                }
            }
        }
        return List.copyOf(warnings);
    }
}

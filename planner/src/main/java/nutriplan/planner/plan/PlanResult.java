package nutriplan.planner.plan;

import java.util.List;

import nutriplan.planner.request.Objective;

/**
 * What a planner answers.
 *
 * @param plan         the best plan; null for INFEASIBLE and UNKNOWN
 * @param value        the plan's objective value; NaN without a plan
 * @param bound        a proven lower bound on the best possible value (equal to value when OPTIMAL); NaN when none
 * @param alternatives further plans, best first, each using a different set of products from all before it
 * @param warnings     things the caller should know, e.g. a targeted nutrient not known for a product used
 * @param infeasibility the explanation when INFEASIBLE, else null
 */
public record PlanResult(PlanStatus status, String solver, Objective objective, double value, double bound,
                         Plan plan, List<Plan> alternatives, List<String> warnings, long timeMs,
                         Infeasibility infeasibility) {

    public PlanResult {
        alternatives = List.copyOf(alternatives);
        warnings = List.copyOf(warnings);
    }

    public boolean hasPlan() {
        return plan != null;
    }
}

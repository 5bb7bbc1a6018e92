package nutriplan.planner.plan;

import java.util.List;

import nutriplan.planner.request.Objective;

/**
 * What a planner answers. Built by the factories, one per kind of answer: {@link #found}, {@link #infeasible},
 * {@link #unknown}.
 *
 * @param plan         the best plan; null for INFEASIBLE and UNKNOWN
 * @param value        the plan's objective value; NaN without a plan
 * @param bound        a proven lower bound on the best possible value (equal to value when OPTIMAL); NaN when none
 * @param alternatives further plans, best first, each using a different set of products from all before it
 * @param warnings     things the caller should know, e.g. a targeted nutrient not known for a product used
 * @param infeasibility the explanation when INFEASIBLE, else null
 */
public record PlanResult(PlanStatus status, String solver, Objective objective, double value, double bound,
                         Plan plan, List<Plan> alternatives, List<Warning> warnings, long timeMs,
                         Infeasibility infeasibility) {

    public PlanResult {
        alternatives = List.copyOf(alternatives);
        warnings = List.copyOf(warnings);
    }

    /** A plan: OPTIMAL when {@code bound} meets its value, else FEASIBLE; {@code value} is the plan's objective. */
    public static PlanResult found(PlanStatus status, String solver, Objective objective, Plan plan, double value,
                                   double bound, List<Plan> alternatives, List<Warning> warnings, long timeMs) {
        if (status != PlanStatus.OPTIMAL && status != PlanStatus.FEASIBLE) {
            throw new IllegalArgumentException("a plan is OPTIMAL or FEASIBLE, not " + status);
        }
        return new PlanResult(status, solver, objective, value, bound, plan, alternatives, warnings, timeMs, null);
    }

    /** Proven: no plan meets the request, and why. */
    public static PlanResult infeasible(String solver, Objective objective, Infeasibility infeasibility, long timeMs) {
        return new PlanResult(PlanStatus.INFEASIBLE, solver, objective, Double.NaN, Double.NaN, null, List.of(),
                List.of(), timeMs, infeasibility);
    }

    /** Time ran out before a plan or a proof; {@code bound} is what is known of the best value (NaN: nothing). */
    public static PlanResult unknown(String solver, Objective objective, double bound, List<Warning> warnings,
                                     long timeMs) {
        return new PlanResult(PlanStatus.UNKNOWN, solver, objective, Double.NaN, bound, null, List.of(), warnings,
                timeMs, null);
    }

    /** The same answer, timed from another start (a planner that ran others inside it). */
    public PlanResult withTimeMs(long newTimeMs) {
        return new PlanResult(status, solver, objective, value, bound, plan, alternatives, warnings, newTimeMs,
                infeasibility);
    }

    public boolean hasPlan() {
        return plan != null;
    }
}

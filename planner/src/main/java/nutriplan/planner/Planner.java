package nutriplan.planner;

import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.request.PlanRequest;

/** Finds the smallest plan for a request; every engine (Choco, Timefold, auto) answers the same shape. */
public interface Planner {

    /**
     * Plans within the request's time limit. Never returns a plan that breaks a bound or limit.
     *
     * @return OPTIMAL or FEASIBLE with a plan, INFEASIBLE with an explanation, or UNKNOWN when time ran out first
     */
    PlanResult plan(PlanRequest request);
}

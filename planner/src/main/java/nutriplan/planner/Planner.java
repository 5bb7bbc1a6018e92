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

    /**
     * Plans with {@code searchMs} of the request's limit, for a caller (auto) that keeps the rest for itself. By
     * default, the request with that limit; the exact engine keeps the request's own limit for what must not depend
     * on the caller, its explanation's work, so that every engine explains a request alike.
     */
    default PlanResult plan(PlanRequest request, long searchMs) {
        return plan(request.withTimeLimitMs(searchMs));
    }

    /**
     * Plans with at most {@code work} of search, in the exact engine's units ({@code ChocoPlanner.WORK_PER_MS} a
     * millisecond's worth), and {@code searchMs} of the request's limit as a safety net: the search stops at the same
     * point on any machine, cold or warm, unless the safety net stops it first. By default, the time alone: an engine
     * that does not count its work.
     */
    default PlanResult plan(PlanRequest request, long searchMs, long work) {
        return plan(request, searchMs);
    }
}

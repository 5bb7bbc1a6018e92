package nutriplan.planner.plan;

/** What a solve established (API.md). */
public enum PlanStatus {
    /** A plan, proven best for the objective. */
    OPTIMAL,
    /** A plan; time ran out before a proof. The bound says how good the best possible plan can be. */
    FEASIBLE,
    /** Proven: no plan meets the request. */
    INFEASIBLE,
    /** Time ran out before any plan was found; neither a plan nor a proof of infeasibility. */
    UNKNOWN
}

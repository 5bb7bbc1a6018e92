package nutriplan.planner.schedule;

import java.util.List;

/**
 * No plan for the request can be spread over the session within the hard rules of a schedule (the hourly
 * caps, the caffeine per slot): each reason names the rule and by how much it is broken. A 422 at the edge.
 */
public final class UnschedulableException extends RuntimeException {

    private final List<String> reasons;

    public UnschedulableException(List<String> reasons) {
        super("the plan cannot be scheduled over the session within the hourly limits: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** One sentence per broken rule, "Carbohydrate per hour: … by 19 g". */
    public List<String> reasons() {
        return reasons;
    }
}

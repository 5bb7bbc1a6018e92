package nutriplan.planner.timefold.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * A limit on the whole plan that it exceeds.
 *
 * @param limit "maxServings" or "maxProducts"
 */
public record LimitExceeded(String limit, long count, long max) implements ConstraintJustification {

    public String description() {
        String what = limit.equals("maxServings") ? "servings" : "products";
        return count + " " + what + " exceed " + limit + " " + max + " by " + (count - max);
    }

    @Override
    public String toString() {
        return description();
    }
}

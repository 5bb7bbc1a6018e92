package nutriplan.planner.schedule.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * A serving at a time its rule advises against.
 *
 * @param serving 1, 2, … among its product's servings
 * @param reason  the rule in words ("a bar in the second half")
 */
public record Misplaced(String product, int serving, int atMin, String reason) implements ConstraintJustification {

    public String description() {
        return product + " (serving " + serving + ") at " + atMin + " min: " + reason;
    }

    @Override
    public String toString() {
        return description();
    }
}

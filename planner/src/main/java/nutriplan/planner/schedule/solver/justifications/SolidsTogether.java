package nutriplan.planner.schedule.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Two solid servings (bars, foods, chews) in one slot. */
public record SolidsTogether(String first, String second, int atMin) implements ConstraintJustification {

    public String description() {
        return first + " and " + second + " are both solids at " + atMin + " min";
    }

    @Override
    public String toString() {
        return description();
    }
}

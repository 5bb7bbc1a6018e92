package nutriplan.planner.schedule.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * A serving with no slot, or whose sips run past the session's last slot.
 *
 * @param sipsOff how many of its sips have no slot
 */
public record Unplaced(String product, int serving, int sipsOff) implements ConstraintJustification {

    public String description() {
        return product + " (serving " + serving + "): " + sipsOff + (sipsOff == 1 ? " sip has" : " sips have")
                + " no slot in the session";
    }

    @Override
    public String toString() {
        return description();
    }
}

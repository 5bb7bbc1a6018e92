package nutriplan.planner.schedule.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import nutriplan.planner.schedule.domain.Tracked;

/**
 * A nutrient's cumulative intake by a slot strays from the even curve by more than one serving.
 *
 * @param throughMin the minute the cumulative amount is counted to
 * @param cumulative taken by then, thousandths
 * @param even       the even curve's amount by then, thousandths
 */
public record OffCurve(Tracked nutrient, int throughMin, long cumulative, long even) implements ConstraintJustification {

    public String description() {
        return nutrient.nutrient().jsonName() + " by " + throughMin + " min is " + Justifications.show(cumulative, nutrient)
                + ", the even curve " + Justifications.show(even, nutrient);
    }

    @Override
    public String toString() {
        return description();
    }
}

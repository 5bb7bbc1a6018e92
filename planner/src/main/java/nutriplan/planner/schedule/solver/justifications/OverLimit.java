package nutriplan.planner.schedule.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import nutriplan.planner.schedule.domain.Tracked;

/**
 * A cap a stretch of the session exceeds: carbohydrate or fluid in a 60-minute window, caffeine in a slot.
 *
 * @param fromMin the stretch's first minute
 * @param toMin   the minute it ends (exclusive)
 * @param amount  what the stretch holds, thousandths
 * @param limit   the cap, thousandths
 * @param per     "per hour" or "per slot"
 */
public record OverLimit(Tracked nutrient, int fromMin, int toMin, long amount, long limit, String per)
        implements ConstraintJustification {

    public String description() {
        return nutrient.nutrient().jsonName() + " " + show(amount) + " from " + fromMin + " to " + toMin + " min exceeds "
                + show(limit) + " " + per + " by " + show(amount - limit);
    }

    private String show(long thousandths) {
        return Justifications.show(thousandths, nutrient);
    }

    @Override
    public String toString() {
        return description();
    }
}

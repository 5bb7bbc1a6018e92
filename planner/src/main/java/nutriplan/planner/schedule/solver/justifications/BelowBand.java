package nutriplan.planner.schedule.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import nutriplan.planner.schedule.domain.Tracked;

/**
 * A clock hour holds less carbohydrate than the band asks of it.
 *
 * @param fromMin   the hour's first minute
 * @param toMin     the minute it ends (exclusive; earlier for the session's last part of an hour)
 * @param amount    what the hour holds, thousandths of a gram
 * @param min       what the band asks of it, thousandths (prorated for a last part)
 * @param perHour   the band's minimum per hour, thousandths
 */
public record BelowBand(int fromMin, int toMin, long amount, long min, long perHour) implements ConstraintJustification {

    public String description() {
        var carbohydrate = Tracked.CARBOHYDRATE;
        String band = min == perHour ? "the " + Justifications.show(perHour, carbohydrate) + " per hour band"
                : "the " + Justifications.show(min, carbohydrate) + " the " + Justifications.show(perHour, carbohydrate)
                        + " per hour band asks of " + (toMin - fromMin) + " min";
        return "carbohydrate " + Justifications.show(amount, carbohydrate) + " from " + fromMin + " to " + toMin + " min is "
                + Justifications.show(min - amount, carbohydrate) + " below " + band;
    }

    @Override
    public String toString() {
        return description();
    }
}

package nutriplan.planner.schedule.domain;

import nutriplan.planner.schedule.ScheduleLimits;

/**
 * The session as the rules see it: its limits, and per tracked nutrient the plan's total and one serving's
 * largest amount (how far from the even curve is still "within one serving"), in thousandths.
 */
public record Session(ScheduleLimits limits, int slotCount, long[] totals, long[] largestServing) {

    public long carbCap() {
        return Tracked.scaled(limits.carbPerHourG());
    }

    public long fluidCap() {
        return Tracked.scaled(limits.fluidPerHourMl());
    }

    public long caffeineCap() {
        return Tracked.scaled(limits.caffeinePerSlotMg());
    }

    /** True when a slot's carbohydrate is limited by its fluid. */
    public boolean limitsSlotCarbPerLitre() {
        return limits.hasSlotCarbPerLitre();
    }

    /**
     * The most carbohydrate a slot holding {@code fluid} may hold under the limit per litre, both in thousandths
     * (0.001 g per 0.001 mL × g/L / 1000); {@link Long#MAX_VALUE} without the limit.
     */
    public long carbAllowedWith(long fluid) {
        return limits.hasSlotCarbPerLitre() ? Math.round(limits.slotCarbPerLitre() * fluid / 1000.0) : Long.MAX_VALUE;
    }

    /** How far a slot's carbohydrate is above what its fluid allows, thousandths; 0 when within. */
    public long carbAboveConcentration(long carb, long fluid) {
        return Math.max(0, carb - carbAllowedWith(fluid));
    }

    public int durationMin() {
        return limits.durationMin();
    }

    public long total(Tracked nutrient) {
        return totals[nutrient.ordinal()];
    }

    /**
     * What the even curve (total × elapsed / duration) has reached by the end of a slot: the share of the session
     * up to the next slot, since what is taken at a slot covers the interval after it.
     */
    public long evenThrough(Tracked nutrient, Slot slot) {
        int elapsed = Math.min(limits.durationMin(), slot.atMin() + limits.intervalMin());
        return Math.round((double) total(nutrient) * elapsed / limits.durationMin());
    }

    /** How far a cumulative amount strays from the even curve beyond one serving, in thousandths. */
    public long offCurve(Tracked nutrient, Slot slot, long cumulative) {
        return Math.max(0, Math.abs(cumulative - evenThrough(nutrient, slot)) - largestServing[nutrient.ordinal()]);
    }

    /** A short session may take intake in its last ten minutes; a longer one not. */
    public boolean isShort() {
        return limits.durationMin() <= ScheduleLimits.SHORT_SESSION_MIN;
    }

    public boolean inLastTenMinutes(int atMin) {
        return !isShort() && atMin >= limits.durationMin() - 10;
    }

    public boolean inFirstHalf(int atMin) {
        return 2 * atMin < limits.durationMin();
    }

    public boolean inLastThird(int atMin) {
        return 3 * atMin >= 2 * limits.durationMin();
    }
}

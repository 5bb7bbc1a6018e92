package nutriplan.planner.schedule;

import java.util.Comparator;
import java.util.List;

import nutriplan.catalog.product.Product;
import nutriplan.planner.schedule.domain.Tracked;

/**
 * A solved intake schedule: what to take at each slot, the totals per slot and per clock hour, and the rules the
 * schedule still breaks (hard, which make it unusable), misses (medium: the carbohydrate band of an hour, the
 * carbohydrate per litre of a slot; usable, but said) or pays for (soft), each with its sentences.
 *
 * @param slots    every slot of the session in time order, empty ones too
 * @param hours    per clock hour from the start (the last one cut at the end)
 * @param broken   the hard rules broken, one sentence each with the amount; empty for a usable schedule
 * @param misses   the medium rules missed, per hour or slot with by how much; empty when every one is met
 * @param costs    per soft rule with a cost: its cost and what causes it
 * @param penalty  the score's three levels as numbers, for comparing schedules
 * @param score    Timefold's score, "0hard/0medium/-120soft"
 */
public record Schedule(ScheduleLimits limits, List<SlotIntake> slots, List<HourTotals> hours, List<String> broken,
                       List<Miss> misses, List<RuleCost> costs, Penalty penalty, String score, long timeMs) {

    public Schedule {
        slots = List.copyOf(slots);
        hours = List.copyOf(hours);
        broken = List.copyOf(broken);
        misses = List.copyOf(misses);
        costs = List.copyOf(costs);
    }

    /** No hard rule broken: the schedule can be returned (its misses said). */
    public boolean isFeasible() {
        return broken.isEmpty();
    }

    /** Every hard and medium rule met. */
    public boolean meetsEveryRule() {
        return broken.isEmpty() && misses.isEmpty();
    }

    /**
     * What one slot holds.
     *
     * @param totals per {@link Tracked} nutrient, the slot's amount in the canonical unit
     */
    public record SlotIntake(int atMin, List<Intake> items, double[] totals) {
        public SlotIntake {
            items = List.copyOf(items);
        }

        public double total(Tracked nutrient) {
            return totals[nutrient.ordinal()];
        }
    }

    /**
     * A serving, or a sip of one, at a slot.
     *
     * @param servings 1 for a whole serving, a fraction for a sip
     * @param amount   what is taken: the sip's fluid in mL for a drink, else the serving's size
     * @param unit     "mL" or "g"
     */
    public record Intake(Product product, int serving, double servings, double amount, String unit) {
    }

    /**
     * One clock hour's totals, per {@link Tracked} nutrient, with its carbohydrate band.
     *
     * @param carbMin the least carbohydrate the hour should hold, g (prorated for a last part; 0 for none)
     * @param carbMax the most: the hourly cap
     */
    public record HourTotals(int fromMin, int toMin, double[] totals, double carbMin, double carbMax) {
        public double total(Tracked nutrient) {
            return totals[nutrient.ordinal()];
        }

        /** The hour's carbohydrate lies within [carbMin, carbMax] (to the thousandth of a gram the rules count in). */
        public boolean isWithinBand() {
            long carbohydrate = Tracked.scaled(total(Tracked.CARBOHYDRATE));
            return carbohydrate >= Tracked.scaled(carbMin) && carbohydrate <= Tracked.scaled(carbMax);
        }
    }

    /**
     * A medium rule missed over a stretch of the session.
     *
     * @param rule    the constraint's name ("Carbohydrate every hour")
     * @param fromMin the stretch's first minute: the hour's, or the slot's
     * @param toMin   the minute it ends (exclusive)
     * @param missG   by how much, in grams of carbohydrate (missing, or too much for the fluid)
     * @param message the justification's sentence
     */
    public record Miss(String rule, int fromMin, int toMin, double missG, String message) {
    }

    /** A soft rule's share of the score, and its most costly matches in words. */
    public record RuleCost(String rule, long cost, List<String> reasons) {
        public RuleCost {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The score's levels as penalties (0 or more; the score is their negation): hard first, then medium, then soft.
     * Ordered so that the better schedule is the smaller.
     */
    public record Penalty(long hard, long medium, long soft) implements Comparable<Penalty> {

        private static final Comparator<Penalty> ORDER = Comparator.comparingLong(Penalty::hard)
                .thenComparingLong(Penalty::medium).thenComparingLong(Penalty::soft);

        @Override
        public int compareTo(Penalty other) {
            return ORDER.compare(this, other);
        }
    }
}

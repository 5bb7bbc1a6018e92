package nutriplan.planner.schedule;

import java.util.List;

import nutriplan.catalog.product.Product;
import nutriplan.planner.schedule.domain.Tracked;

/**
 * A solved intake schedule: what to take at each slot, the totals per slot and per clock hour, and the rules the
 * schedule still breaks (hard, which make it unusable) or pays for (soft), each with its sentences.
 *
 * @param slots    every slot of the session in time order, empty ones too
 * @param hours    per clock hour from the start (the last one cut at the end)
 * @param broken   the hard rules broken, one sentence each with the amount; empty for a usable schedule
 * @param costs    per soft rule with a cost: its cost and what causes it
 * @param score    Timefold's score, "0hard/-120soft"
 */
public record Schedule(ScheduleLimits limits, List<SlotIntake> slots, List<HourTotals> hours, List<String> broken,
                       List<RuleCost> costs, String score, long timeMs) {

    public Schedule {
        slots = List.copyOf(slots);
        hours = List.copyOf(hours);
        broken = List.copyOf(broken);
        costs = List.copyOf(costs);
    }

    public boolean isFeasible() {
        return broken.isEmpty();
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

    /** One clock hour's totals, per {@link Tracked} nutrient, with its caps. */
    public record HourTotals(int fromMin, int toMin, double[] totals) {
        public double total(Tracked nutrient) {
            return totals[nutrient.ordinal()];
        }
    }

    /** A soft rule's share of the score, and its most costly matches in words. */
    public record RuleCost(String rule, long cost, List<String> reasons) {
        public RuleCost {
            reasons = List.copyOf(reasons);
        }
    }
}

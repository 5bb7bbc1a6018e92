package nutriplan.planner.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nutriplan.planner.schedule.Schedule.HourTotals;
import nutriplan.planner.schedule.Schedule.Miss;
import nutriplan.planner.schedule.Schedule.RuleCost;
import nutriplan.planner.schedule.domain.Hour;
import nutriplan.planner.schedule.domain.IntakeSchedule;
import nutriplan.planner.schedule.domain.Placement;
import nutriplan.planner.schedule.domain.Session;
import nutriplan.planner.schedule.domain.Slot;
import nutriplan.planner.schedule.domain.Tracked;
import nutriplan.planner.schedule.solver.ScheduleConstraintProvider;
import nutriplan.planner.schedule.solver.justifications.BelowBand;
import nutriplan.planner.schedule.solver.justifications.Misplaced;
import nutriplan.planner.schedule.solver.justifications.OffCurve;
import nutriplan.planner.schedule.solver.justifications.OverLimit;
import nutriplan.planner.schedule.solver.justifications.SolidsTogether;
import nutriplan.planner.schedule.solver.justifications.TooConcentrated;
import nutriplan.planner.schedule.solver.justifications.Unplaced;

/**
 * Recounts a solved schedule in plain loops: the amount per slot, per window and per clock hour, the hard rules it
 * breaks, the medium rules it misses and the soft rules it pays for, in the justifications' own sentences. It is the check every schedule passes
 * before it is returned, independent of the score Timefold kept incrementally.
 *
 * <p>Why not {@code SolutionManager.analyze}: score analysis is a commercial feature in Timefold 2.x (as
 * {@code BrokenRules} explains for the servings planner); the constraint verifier tests pin that the rules and this
 * recount agree.
 */
final class ScheduleCheck {

    /** At most this many sentences are kept per soft rule: the costliest. */
    private static final int REASONS = 3;

    private final IntakeSchedule schedule;
    private final Session session;
    /** [nutrient][slot], thousandths. */
    private final long[][] perSlot;

    ScheduleCheck(IntakeSchedule schedule) {
        this.schedule = schedule;
        this.session = schedule.getSession();
        this.perSlot = new long[Tracked.values().length][session.slotCount()];
        for (var placement : schedule.getPlacements()) {
            if (placement.getStart() == null) {
                continue;
            }
            for (var nutrient : Tracked.values()) {
                for (int slot = placement.firstSlot(); slot < Math.min(placement.endSlot(), session.slotCount()); slot++) {
                    perSlot[nutrient.ordinal()][slot] += placement.amountIn(nutrient, slot, slot + 1);
                }
            }
        }
    }

    double[] slotTotals(int slot) {
        var totals = new double[Tracked.values().length];
        for (var nutrient : Tracked.values()) {
            totals[nutrient.ordinal()] = Tracked.unscaled(perSlot[nutrient.ordinal()][slot]);
        }
        return totals;
    }

    /** Per clock hour of {@link IntakeSchedule#getHours()}: its totals and its carbohydrate band. */
    List<HourTotals> hours() {
        var hours = new ArrayList<HourTotals>();
        var limits = session.limits();
        for (var hour : schedule.getHours()) {
            var totals = new double[Tracked.values().length];
            for (var nutrient : Tracked.values()) {
                totals[nutrient.ordinal()] = Tracked.unscaled(hourTotal(nutrient, hour));
            }
            hours.add(new HourTotals(hour.fromMin(), hour.toMin(), totals, Tracked.unscaled(hour.carbMin()), limits.carbPerHourG()));
        }
        return hours;
    }

    private long hourTotal(Tracked nutrient, Hour hour) {
        long total = 0;
        for (int slot = hour.firstSlot(); slot < hour.endSlot(); slot++) {
            total += perSlot[nutrient.ordinal()][slot];
        }
        return total;
    }

    /**
     * The medium rules missed, hour by hour and then slot by slot: "carbohydrate 48 g from 180 to 240 min is 12 g
     * below the 60 g per hour band", "at 45 min: 25 g of carbohydrate with 100 mL of fluid is 250 g/L, above 200 g/L".
     */
    List<Miss> misses() {
        var misses = new ArrayList<Miss>();
        long perHour = Tracked.scaled(session.limits().carbMinPerHourG());
        for (var hour : schedule.getHours()) {
            long carbohydrate = hourTotal(Tracked.CARBOHYDRATE, hour);
            if (carbohydrate < hour.carbMin()) {
                misses.add(new Miss(ScheduleConstraintProvider.CARBOHYDRATE_BAND, hour.fromMin(), hour.toMin(),
                        Tracked.unscaled(hour.carbMin() - carbohydrate),
                        new BelowBand(hour.fromMin(), hour.toMin(), carbohydrate, hour.carbMin(), perHour).description()));
            }
        }
        for (var slot : schedule.getSlots()) {
            long carbohydrate = perSlot[Tracked.CARBOHYDRATE.ordinal()][slot.index()];
            long fluid = perSlot[Tracked.FLUID.ordinal()][slot.index()];
            long above = session.carbAboveConcentration(carbohydrate, fluid);
            if (above > 0) {
                misses.add(new Miss(ScheduleConstraintProvider.CARBOHYDRATE_PER_LITRE, slot.atMin(),
                        ScheduleConstraintProvider.endMin(session, slot.index() + 1), Tracked.unscaled(above),
                        new TooConcentrated(slot.atMin(), carbohydrate, fluid, session.limits().slotCarbPerLitre()).description()));
            }
        }
        return misses;
    }

    /** The hard rules broken, "Carbohydrate per hour: carbohydrate 95 g from 0 to 60 min exceeds 90 g per hour by 5 g". */
    List<String> broken() {
        var broken = new ArrayList<String>();
        for (var slot : schedule.getSlots()) {
            overCap(broken, ScheduleConstraintProvider.CARBOHYDRATE_PER_HOUR, Tracked.CARBOHYDRATE, slot, slot.windowEnd(),
                    session.carbCap(), "per hour");
            overCap(broken, ScheduleConstraintProvider.FLUID_PER_HOUR, Tracked.FLUID, slot, slot.windowEnd(),
                    session.fluidCap(), "per hour");
            overCap(broken, ScheduleConstraintProvider.CAFFEINE_PER_SLOT, Tracked.CAFFEINE, slot, slot.index() + 1,
                    session.caffeineCap(), "per slot");
        }
        for (var placement : schedule.getPlacements()) {
            if (placement.getStart() == null) {
                broken.add(ScheduleConstraintProvider.SERVING_PLACED + ": "
                        + new Unplaced(placement.product().id(), placement.serving(), placement.sips()).description());
            } else if (placement.endSlot() > session.slotCount()) {
                broken.add(ScheduleConstraintProvider.WITHIN_SESSION + ": " + new Unplaced(placement.product().id(),
                        placement.serving(), placement.endSlot() - session.slotCount()).description());
            }
        }
        return broken;
    }

    private void overCap(List<String> broken, String rule, Tracked nutrient, Slot slot, int endSlot, long cap, String per) {
        long total = 0;
        for (int s = slot.index(); s < endSlot; s++) {
            total += perSlot[nutrient.ordinal()][s];
        }
        if (total > cap) {
            int endMin = Math.min(session.durationMin(), endSlot * session.limits().intervalMin());
            broken.add(rule + ": " + new OverLimit(nutrient, slot.atMin(), endMin, total, cap, per).description());
        }
    }

    /** Each soft rule with a cost, costliest first within the even curves and in the provider's order otherwise. */
    List<RuleCost> costs() {
        var costs = new LinkedHashMap<String, List<Cost>>();
        evenCurve(costs, ScheduleConstraintProvider.EVEN_CARBOHYDRATE, Tracked.CARBOHYDRATE);
        evenCurve(costs, ScheduleConstraintProvider.EVEN_FLUID, Tracked.FLUID);
        evenCurve(costs, ScheduleConstraintProvider.EVEN_SODIUM, Tracked.SODIUM);
        timing(costs);
        var rules = new ArrayList<RuleCost>();
        costs.forEach((rule, list) -> {
            list.sort((a, b) -> Long.compare(b.cost(), a.cost()));
            long sum = list.stream().mapToLong(Cost::cost).sum();
            rules.add(new RuleCost(rule, sum, list.stream().limit(REASONS).map(Cost::reason).toList()));
        });
        return rules;
    }

    private record Cost(long cost, String reason) {
    }

    private void evenCurve(Map<String, List<Cost>> costs, String rule, Tracked nutrient) {
        long total = session.total(nutrient);
        if (total == 0) {
            return;
        }
        long cumulative = 0;
        for (var slot : schedule.getSlots()) {
            cumulative += perSlot[nutrient.ordinal()][slot.index()];
            long off = session.offCurve(nutrient, slot, cumulative);
            if (off > 0) {
                int throughMin = Math.min(session.durationMin(), slot.atMin() + session.limits().intervalMin());
                add(costs, rule, Math.ceilDiv(off * 1000, total),
                        new OffCurve(nutrient, throughMin, cumulative, session.evenThrough(nutrient, slot)).description());
            }
        }
    }

    private void timing(Map<String, List<Cost>> costs) {
        int interval = session.limits().intervalMin();
        int firstCarb = Integer.MAX_VALUE;
        var placed = schedule.getPlacements().stream().filter(p -> p.getStart() != null).toList();
        for (var placement : placed) {
            if (placement.has(Tracked.CARBOHYDRATE)) {
                firstCarb = Math.min(firstCarb, placement.startMin());
            }
        }
        int by = ScheduleConstraintProvider.CARBOHYDRATE_BY_MIN;
        if (firstCarb != Integer.MAX_VALUE && firstCarb > by && session.durationMin() > by) {
            add(costs, ScheduleConstraintProvider.CARBOHYDRATE_EARLY, (firstCarb - by) * ScheduleConstraintProvider.PER_MINUTE_LATE,
                    new Misplaced("carbohydrate", 1, firstCarb, "the first carbohydrate comes after " + by + " min").description());
        }
        for (var placement : placed) {
            if (session.inLastTenMinutes(placement.lastMin(interval))) {
                misplaced(costs, ScheduleConstraintProvider.NOTHING_AT_THE_END, placement, "intake in the last 10 minutes");
            }
            if (Placement.EARLY_ONLY.contains(placement.kind()) && !session.inFirstHalf(placement.startMin())) {
                misplaced(costs, ScheduleConstraintProvider.SOLIDS_EARLY, placement, "a " + placement.kind() + " in the second half");
            }
            if (!Placement.LATE_KINDS.contains(placement.kind()) && session.inLastThird(placement.lastMin(interval))) {
                misplaced(costs, ScheduleConstraintProvider.LAST_THIRD_FORMS, placement, "a " + placement.kind() + " in the last third");
            }
            if (placement.has(Tracked.CAFFEINE) && session.inFirstHalf(placement.startMin())) {
                misplaced(costs, ScheduleConstraintProvider.CAFFEINE_LATE, placement, "caffeine in the first half");
            }
        }
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                var first = placed.get(i);
                var second = placed.get(j);
                if (first.getStart().equals(second.getStart()) && first.isSolid() && second.isSolid()) {
                    add(costs, ScheduleConstraintProvider.ONE_SOLID_PER_SLOT, ScheduleConstraintProvider.TIMING, new SolidsTogether(first.product().id(), second.product().id(), first.startMin()).description());
                }
            }
        }
    }

    private void misplaced(Map<String, List<Cost>> costs, String rule, Placement placement, String reason) {
        add(costs, rule, ScheduleConstraintProvider.TIMING, new Misplaced(placement.product().id(), placement.serving(), placement.startMin(),
                reason).description());
    }

    private static void add(Map<String, List<Cost>> costs, String rule, long cost, String reason) {
        costs.computeIfAbsent(rule, key -> new ArrayList<>()).add(new Cost(cost, reason));
    }
}

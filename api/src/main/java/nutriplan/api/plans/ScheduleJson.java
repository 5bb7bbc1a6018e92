package nutriplan.api.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.json.AmountJson;

import nutriplan.planner.schedule.Schedule;
import nutriplan.planner.schedule.ScheduleLimits;
import nutriplan.planner.schedule.domain.Tracked;

/**
 * Writes an intake schedule as API.md's "Intake schedule": the slots with what to take, per-slot and per-hour
 * totals, the limits it was solved within (and which were assumed), and the score explained per rule.
 */
final class ScheduleJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int SIP_DECIMALS = 6;

    private ScheduleJson() {
    }

    /** The {@code schedule} list of the plan response. */
    static ArrayNode slots(Schedule schedule) {
        var slots = NODES.arrayNode();
        for (var slot : schedule.slots()) {
            var node = slots.addObject().put("atMin", slot.atMin());
            var items = node.putArray("items");
            for (var intake : slot.items()) {
                items.addObject()
                        .put("product", intake.product().id())
                        .put("servings", sipOf(intake.servings()))
                        .set("amount", quantity(intake.amount(), intake.unit()));
            }
            node.set("totals", totals(slot.totals()));
        }
        return slots;
    }

    /** {@code scheduleInfo}: limits, per-hour totals, feasibility, the broken rules and the soft costs. */
    static ObjectNode info(PlanService.Planned.Scheduled scheduled) {
        var schedule = scheduled.outcome().schedule();
        var info = NODES.objectNode();
        var limits = schedule.limits();
        var node = info.putObject("limits");
        node.put("durationMin", limits.durationMin()).put("intervalMin", limits.intervalMin());
        node.set("carbohydratePerHour", quantity(limits.carbPerHourG(), "g"));
        node.set("fluidPerHour", quantity(limits.fluidPerHourMl(), "mL"));
        node.set("caffeinePerSlot", quantity(limits.caffeinePerSlotMg(), "mg"));
        node.set("sipMax", quantity(limits.sipMaxMl(), "mL"));
        node.set("carbohydrateMinPerHour", limits.hasCarbMin() ? quantity(limits.carbMinPerHourG(), "g") : NODES.nullNode());
        node.set("slotCarbohydratePerLitre", limits.hasSlotCarbPerLitre() ? quantity(limits.slotCarbPerLitre(), "g/L")
                : NODES.nullNode());
        var assumed = node.putArray("assumed");
        if (scheduled.assumedCarb()) {
            assumed.add("carbohydratePerHour " + ScheduleLimits.DEFAULT_CARB_PER_HOUR_G + " g: a single-sugar tolerance"
                    + " (guidelines §3); send schedule.carbohydratePerHour to raise it for multiple-transportable products");
        }
        if (scheduled.assumedFluid()) {
            assumed.add("fluidPerHour " + ScheduleLimits.MAX_FLUID_PER_HOUR_ML + " mL: the planning ceiling (guidelines §12)");
        }
        var excluded = info.putArray("excluded");
        scheduled.outcome().excluded().forEach(excluded::add);
        var capped = info.putArray("capped");
        scheduled.outcome().capped().forEach(capped::add);
        info.put("attempts", scheduled.outcome().attempts());
        var hours = info.putArray("perHour");
        for (var hour : schedule.hours()) {
            var entry = hours.addObject().put("fromMin", hour.fromMin()).put("toMin", hour.toMin());
            entry.set("totals", totals(hour.totals()));
            entry.set("carbohydrateMin", hour.carbMin() > 0 ? quantity(hour.carbMin(), "g") : NODES.nullNode());
            entry.set("carbohydrateMax", quantity(hour.carbMax(), "g"));
            entry.put("withinBand", hour.isWithinBand());
        }
        info.put("feasible", schedule.isFeasible());
        var broken = info.putArray("broken");
        schedule.broken().forEach(broken::add);
        var misses = info.putArray("misses");
        for (var miss : schedule.misses()) {
            misses.addObject().put("rule", miss.rule()).put("fromMin", miss.fromMin()).put("toMin", miss.toMin())
                    .<ObjectNode>set("by", quantity(miss.missG(), "g")).put("message", miss.message());
        }
        info.put("score", schedule.score());
        var costs = info.putArray("explanation");
        for (var cost : schedule.costs()) {
            var entry = costs.addObject().put("rule", cost.rule()).put("cost", cost.cost());
            var reasons = entry.putArray("reasons");
            cost.reasons().forEach(reasons::add);
        }
        info.put("timeMs", schedule.timeMs());
        return info;
    }

    /**
     * A serving's share at a slot, to 6 decimals: a sip is a small fraction (1/16 = 0.0625), and the 3 of amounts
     * would lose enough of it that a drink's sips no longer add up to its servings.
     */
    private static double sipOf(double servings) {
        return BigDecimal.valueOf(servings).setScale(SIP_DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static ObjectNode totals(double[] amounts) {
        var totals = NODES.objectNode();
        for (var nutrient : Tracked.values()) {
            totals.set(nutrient.nutrient().jsonName(), quantity(amounts[nutrient.ordinal()], nutrient.unit()));
        }
        return totals;
    }

    private static ObjectNode quantity(double amount, String unit) {
        return AmountJson.of(amount, unit);
    }
}

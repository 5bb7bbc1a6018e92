package nutriplan.api.targets;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.json.AmountJson;
import nutriplan.needs.Needs;
import nutriplan.needs.Range;
import nutriplan.needs.Rationale;

/**
 * A session's needs as JSON: the answer of {@code POST /api/v1/targets}, and the {@code needs} of a plan made
 * from a workout.
 */
public final class NeedsJson {

    private NeedsJson() {
    }

    /** Every quantity as {amount, unit}, the targets too: a plan request reads them back as they are. */
    public static ObjectNode write(Needs needs) {
        return write(needs, List.of());
    }

    /**
     * The same, with the fluid target's steps going on past the plannable range: {@code plannedFluid} are the steps a
     * plan took it further (a schedule's room for whole servings), so one list walks from the loss to what is planned.
     */
    public static ObjectNode write(Needs needs, List<Rationale.Step> plannedFluid) {
        var root = JsonNodeFactory.instance.objectNode();
        var targets = root.putObject("targets");
        for (var range : needs.plannable()) {
            var target = targets.putObject(range.nutrient());
            target.set("min", amount(range.min(), range.unit()));
            target.set("max", amount(range.max(), range.unit()));
        }
        var rule = root.putArray("ruleValues");
        needs.targets().forEach(range -> rule.add(range(range)));
        var rationale = root.putArray("rationale");
        needs.rationale().forEach(r -> rationale.add(rationale(r, r.target().equals("fluid") ? plannedFluid : List.of())));
        var assumed = root.putArray("assumed");
        needs.assumed().forEach(a -> assumed.addObject().put("input", a.input()).put("value", a.value())
                .put("source", a.source()).put("effect", a.effect()));
        var warnings = root.putArray("warnings");
        needs.warnings().forEach(w -> warnings.addObject().put("field", w.field()).put("message", w.message()));
        var recovery = root.putArray("recovery");
        needs.recovery().forEach(range -> recovery.add(range(range)));
        var safety = root.putObject("safety");
        safety.set("fluidPerHour", amount(needs.safety().fluidPerHourMl(), "mL"));
        safety.set("sodiumPerHour", amount(needs.safety().sodiumPerHourMg(), "mg"));
        safety.set("caffeineTotal", amount(needs.safety().caffeineTotalMg(), "mg"));
        safety.set("caffeinePerDose", amount(needs.safety().caffeinePerDoseMg(), "mg"));
        safety.set("carbohydratePerHour", amount(needs.carbPerHourG(), "g"));
        safety.set("singleSourceCarbohydrateMax", amount(needs.singleSourceCarbMaxG(), "g"));
        safety.set("carbohydratePerLitre", amount(needs.safety().carbohydratePerLitreG(), "g/L"));
        safety.set("carbohydratePerLitreInSlot", amount(needs.safety().carbohydratePerLitreInSlotG(), "g/L"));
        safety.put("confidence", needs.safety().confidence());
        return root;
    }

    /**
     * One rationale, with {@code moreSteps} after its own: where a plan's schedule takes a target further (the fluid a
     * session can hold with room for whole servings), the same list goes on to the value planned.
     */
    private static ObjectNode rationale(Rationale rationale, List<Rationale.Step> moreSteps) {
        var node = JsonNodeFactory.instance.objectNode().put("target", rationale.target()).put("rule", rationale.rule())
                .put("arithmetic", rationale.arithmetic());
        var sources = node.putArray("sources");
        rationale.sources().forEach(sources::add);
        var steps = node.putArray("steps");
        for (var step : concat(rationale.steps(), moreSteps)) {
            var entry = steps.addObject().put("step", step.what());
            entry.set("min", Double.isNaN(step.min()) ? JsonNodeFactory.instance.nullNode() : amount(step.min(), step.unit()));
            entry.set("max", amount(step.max(), step.unit()));
            entry.put("rule", step.rule());
        }
        return node;
    }

    private static List<Rationale.Step> concat(List<Rationale.Step> first, List<Rationale.Step> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static ObjectNode range(Range range) {
        var node = JsonNodeFactory.instance.objectNode().put("nutrient", range.nutrient());
        node.set("min", amount(range.min(), range.unit()));
        node.set("max", amount(range.max(), range.unit()));
        return node;
    }

    private static ObjectNode amount(double value, String unit) {
        return AmountJson.of(round(value), unit);
    }

    /** One decimal: finer than any serving, and no binary noise in the answer. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

package nutriplan.api.targets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.json.AmountJson;
import nutriplan.needs.Needs;
import nutriplan.needs.Range;

/**
 * A session's needs as JSON: the answer of {@code POST /api/v1/targets}, and the {@code needs} of a plan made
 * from a workout.
 */
public final class NeedsJson {

    private NeedsJson() {
    }

    /** Every quantity as {amount, unit}, the targets too: a plan request reads them back as they are. */
    public static ObjectNode write(Needs needs) {
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
        needs.rationale().forEach(r -> rationale.addObject().put("target", r.target()).put("rule", r.rule())
                .put("arithmetic", r.arithmetic()).set("sources", JsonNodeFactory.instance.arrayNode()
                        .addAll(r.sources().stream().map(JsonNodeFactory.instance::textNode).toList())));
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
        safety.put("confidence", needs.safety().confidence());
        return root;
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

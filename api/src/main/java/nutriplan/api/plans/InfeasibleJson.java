package nutriplan.api.plans;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.errors.ErrorJson;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.nutrient.Quantities;
import nutriplan.planner.plan.Infeasibility;
import nutriplan.planner.plan.NutrientReach;
import nutriplan.planner.plan.Relaxation;

/**
 * The 422 body of API.md: {@code {"error": "infeasible", "message", "details"}}, where the details are
 * first one entry per nutrient out of reach, then one entry holding the smallest conflicting set:
 *
 * <pre>
 * {"field": "targets.sodium.min", "nutrient": "sodium", "required": 1200.0, "reachable": 800.0, "unit": "mg",
 *  "withinReach": false, "binding": "maxServings 4", "message": "sodium needs at least 1200 mg; ..."}
 * {"message": "these targets and limits cannot hold together; ...", "complete": true,
 *  "conflict": [{"field": "targets.sodium.max", "constraint": "sodium at most 1000 mg",
 *                "relaxation": "raise sodium max to 1150 mg", "value": 1150.0, "unit": "mg"}]}
 * </pre>
 *
 * Every entry has a {@code message} in words with units, for people; the numbers beside it are for programs.
 */
final class InfeasibleJson {

    static final String DEFAULT_MESSAGE = "no plan meets every target within the limits";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InfeasibleJson() {
    }

    static ObjectNode write(Infeasibility infeasibility) {
        if (infeasibility == null) {
            return ErrorJson.body(ErrorJson.INFEASIBLE, DEFAULT_MESSAGE, List.of());
        }
        var details = new ArrayList<ObjectNode>();
        infeasibility.nutrients().forEach(reach -> details.add(reach(reach)));
        if (!infeasibility.conflict().isEmpty()) {
            details.add(conflict(infeasibility));
        }
        return ErrorJson.body(ErrorJson.INFEASIBLE, infeasibility.summary(), details);
    }

    private static ObjectNode reach(NutrientReach reach) {
        var nutrient = reach.nutrient();
        var detail = NODES.objectNode();
        detail.put("field", "targets." + nutrient.jsonName() + "." + reach.bound());
        detail.put("nutrient", nutrient.jsonName());
        detail.put("required", PlanResponseJson.round(reach.required()));
        detail.put("reachable", PlanResponseJson.round(reach.reachable()));
        detail.put("unit", nutrient.canonicalUnit());
        detail.put("withinReach", isWithinReach(reach));
        detail.put("binding", reach.binding());
        detail.put("message", reachMessage(reach));
        return detail;
    }

    /** A min the products can reach or exceed, or a max they can stay under, is not what blocks the plan. */
    private static boolean isWithinReach(NutrientReach reach) {
        return isMin(reach) ? reach.reachable() >= reach.required() : reach.reachable() <= reach.required();
    }

    private static boolean isMin(NutrientReach reach) {
        return "min".equals(reach.bound());
    }

    /** "sodium needs at least 1200 mg; the allowed products reach at most 800 mg; what binds: maxServings 4". */
    private static String reachMessage(NutrientReach reach) {
        var nutrient = reach.nutrient();
        var required = amount(reach.required(), nutrient);
        var reachable = amount(reach.reachable(), nutrient);
        if (isWithinReach(reach)) {
            return isMin(reach)
                    ? nutrient + " needs at least " + required + "; the allowed products reach up to " + reachable + ", so it is within reach"
                    : nutrient + " may be at most " + required + "; the allowed products can stay as low as " + reachable + ", so it is within reach";
        }
        var message = isMin(reach)
                ? nutrient + " needs at least " + required + "; the allowed products reach at most " + reachable
                : nutrient + " may be at most " + required + "; the allowed products cannot go below " + reachable;
        return reach.binding() == null ? message : message + "; what binds: " + reach.binding();
    }

    private static ObjectNode conflict(Infeasibility infeasibility) {
        var detail = NODES.objectNode();
        detail.put("message", "these targets and limits cannot hold together; each relaxation given below"
                + " would, on its own, make the request feasible" + (infeasibility.complete() ? ""
                : " (the search for a smallest set ran out of time, so the set may hold more than it needs)"));
        detail.put("complete", infeasibility.complete());
        var members = detail.putArray("conflict");
        infeasibility.conflict().forEach(relaxation -> members.add(member(relaxation)));
        return detail;
    }

    private static ObjectNode member(Relaxation relaxation) {
        var member = NODES.objectNode();
        member.put("field", relaxation.field());
        member.put("constraint", relaxation.constraint());
        member.put("relaxation", relaxation.suggestion());
        if (relaxation.value() == null) {
            member.putNull("value");
        } else {
            member.put("value", PlanResponseJson.round(relaxation.value()));
        }
        var nutrient = targetedNutrient(relaxation.field());
        if (nutrient != null) {
            member.put("unit", nutrient.canonicalUnit());
        }
        return member;
    }

    /** The nutrient of a "targets.sodium.max" field, whose relaxed value is in that nutrient's unit; else null. */
    private static Nutrient targetedNutrient(String field) {
        var parts = field.split("\\.");
        return parts.length == 3 && parts[0].equals("targets") ? Nutrient.fromJsonName(parts[1]) : null;
    }

    private static String amount(double value, Nutrient nutrient) {
        return Quantities.format(PlanResponseJson.round(value)) + " " + nutrient.canonicalUnit();
    }
}

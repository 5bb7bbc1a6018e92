package nutriplan.api.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.errors.ErrorJson;
import nutriplan.api.json.AmountJson;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.nutrient.Quantities;
import nutriplan.planner.plan.Infeasibility;
import nutriplan.planner.plan.NutrientReach;
import nutriplan.planner.plan.Relaxation;
import nutriplan.planner.problem.IntegerRows;
import nutriplan.planner.request.PlanRequest;

/**
 * The 422 body of API.md: {@code {"error": "infeasible", "message", "details"}}, where the details are
 * first one entry per nutrient out of reach, then one entry holding the smallest conflicting set:
 *
 * <pre>
 * {"field": "targets.sodium.min", "nutrient": "sodium", "required": {"amount": 1200.0, "unit": "mg"},
 *  "reachable": {"amount": 800.0, "unit": "mg"}, "withinReach": false, "binding": "maxServings 4", "message": "sodium needs at least 1200 mg; ..."}
 * {"message": "these targets and limits cannot hold together; ...", "complete": true,
 *  "conflict": [{"field": "targets.sodium.max", "constraint": "sodium at most 1000 mg",
 *                "relaxation": "raise sodium max to 1150 mg", "to": {"amount": 1150.0, "unit": "mg"}}]}
 * </pre>
 *
 * Every entry has a {@code message} in words with units, for people; the numbers beside it are for programs.
 * A conflict member's relaxation is data as well, what a program applies to the request's {@code field}:
 * {@code "to"} the new bound ({@code {"amount", "unit"}}; for {@code "concentration.max"} in g/L) or limit (a
 * number), or the emptied include list
 * ({@code {"products": [], "tags": []}}); {@code "remove"} the entry to take out of an exclude or require list.
 * Neither is present when no relaxation of that member alone was found.
 */
final class InfeasibleJson {

    static final String DEFAULT_MESSAGE = "no plan meets every target within the limits";

    /** The concentration limit's field, whose relaxation is a limit in g/L. */
    private static final String CONCENTRATION_FIELD = IntegerRows.CONCENTRATION_FIELD;
    private static final String GRAMS_PER_LITRE = "g/L";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InfeasibleJson() {
    }

    static ObjectNode write(Infeasibility infeasibility, PlanRequest request) {
        if (infeasibility == null) {
            return ErrorJson.body(ErrorJson.INFEASIBLE, DEFAULT_MESSAGE, List.of());
        }
        var details = new ArrayList<ObjectNode>();
        infeasibility.nutrients().forEach(reach -> details.add(reach(reach)));
        if (!infeasibility.conflict().isEmpty()) {
            details.add(conflict(infeasibility, request));
        }
        return ErrorJson.body(ErrorJson.INFEASIBLE, infeasibility.summary(), details);
    }

    private static ObjectNode reach(NutrientReach reach) {
        var nutrient = reach.nutrient();
        var detail = NODES.objectNode();
        detail.put("field", "targets." + nutrient.jsonName() + "." + reach.bound());
        detail.put("nutrient", nutrient.jsonName());
        detail.set("required", AmountJson.of(reach.required(), nutrient));
        detail.set("reachable", AmountJson.of(reach.reachable(), nutrient));
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

    private static ObjectNode conflict(Infeasibility infeasibility, PlanRequest request) {
        var detail = NODES.objectNode();
        detail.put("message", "these targets and limits cannot hold together; each relaxation given below"
                + " would, on its own, make the request feasible" + (infeasibility.complete() ? ""
                : " (the search for a smallest set ran out of time, so the set may hold more than it needs)"));
        detail.put("complete", infeasibility.complete());
        var members = detail.putArray("conflict");
        infeasibility.conflict().forEach(relaxation -> members.add(member(relaxation, request)));
        return detail;
    }

    private static ObjectNode member(Relaxation relaxation, PlanRequest request) {
        var member = NODES.objectNode();
        member.put("field", relaxation.field());
        member.put("constraint", relaxation.constraint());
        member.put("relaxation", relaxation.suggestion());
        var nutrient = targetedNutrient(relaxation.field());
        if (relaxation.suggestion() != null) {
            addChange(member, relaxation, nutrient, request);
        }
        return member;
    }

    /** The relaxation as data: {@code "to"} the field's new value, or {@code "remove"} the list entry to let go of. */
    private static void addChange(ObjectNode member, Relaxation relaxation, Nutrient nutrient, PlanRequest request) {
        var field = relaxation.field();
        if (nutrient != null && relaxation.value() != null) {
            member.set("to", AmountJson.of(relaxation.value(), nutrient));
        } else if (field.equals(CONCENTRATION_FIELD) && relaxation.value() != null) {
            member.set("to", AmountJson.of(relaxation.value(), GRAMS_PER_LITRE));
        } else if (field.startsWith("limits.") && relaxation.value() != null) {
            member.put("to", Math.round(relaxation.value()));
        } else if (field.equals("include")) {
            var to = member.putObject("to");
            to.putArray("products");
            to.putArray("tags");
            to.putArray("kinds");
        } else {
            var entry = switch (field) {
                case "exclude.kinds" -> lastWordIfIn(relaxation.constraint(), request.selection().excludeKinds().stream()
                        .map(kind -> kind.jsonName()).collect(Collectors.toSet()));
                case "exclude.tags" -> lastWordIfIn(relaxation.constraint(), request.selection().excludeTags());
                case "exclude.products" -> lastWordIfIn(relaxation.constraint(), request.selection().excludeProducts());
                case "require" -> firstWordIfIn(relaxation.constraint(), request.required());
                default -> null;
            };
            if (entry != null) {
                member.put("remove", entry);
            }
        }
    }

    // The planner names a list member only in its constraint ("no products tagged caffeine", "no gel-x",
    // "no products of kind gel",
    // "gel-x is required"), and ids and tags hold no spaces: the entry is that word, checked against the request.
    private static String lastWordIfIn(String constraint, Set<String> entries) {
        var word = constraint.substring(constraint.lastIndexOf(' ') + 1);
        return entries.contains(word) ? word : null;
    }

    private static String firstWordIfIn(String constraint, Set<String> entries) {
        int space = constraint.indexOf(' ');
        var word = space < 0 ? constraint : constraint.substring(0, space);
        return entries.contains(word) ? word : null;
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

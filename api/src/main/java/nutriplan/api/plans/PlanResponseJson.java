package nutriplan.api.plans;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.json.AmountJson;
import nutriplan.api.targets.NeedsJson;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.needs.Rationale;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.plan.Warning;
import nutriplan.planner.problem.UnknownValues;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;

/**
 * Writes a planner's answer as API.md's plan response: the 200 body for a plan (OPTIMAL, FEASIBLE) or
 * for none found in time (UNKNOWN), and the 422 body when no plan exists (INFEASIBLE).
 * Canonical numbers become JSON here, each total with its unit.
 */
public final class PlanResponseJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanResponseJson() {
    }

    /** 422 when no plan exists, else 200 (UNKNOWN too: time ran out, which is not a fault of the request). */
    public static int httpStatus(PlanResult result) {
        return result.status() == PlanStatus.INFEASIBLE ? 422 : 200;
    }

    /**
     * The answer to a plan request: the plan's body, with its {@code schedule} and {@code scheduleInfo} when asked for
     * one, and for a plan made from a workout the workout's {@code needs}.
     */
    public static ObjectNode write(PlanService.Planned planned) {
        var body = write(planned.result(), planned.request(), planned.needs() != null);
        if (planned.needs() != null) {
            body.set("needs", NeedsJson.write(planned.needs(), plannedFluid(planned)));
        }
        var scheduled = planned.schedule();
        if (scheduled != null && scheduled.outcome().schedule() != null) {
            body.set("schedule", ScheduleJson.slots(scheduled.outcome().schedule()));
            body.set("scheduleInfo", ScheduleJson.info(scheduled));
        }
        return body;
    }

    /**
     * The step the fluid target took after the workout's plannable range, when the request as planned holds other
     * fluid bounds: a schedule plans a share of the hourly cap × hours, for whole servings to fit every hour.
     */
    private static List<Rationale.Step> plannedFluid(PlanService.Planned planned) {
        var plannable = planned.needs().plannable().stream().filter(range -> range.nutrient().equals("fluid")).findFirst();
        var target = planned.request().targets().stream().filter(t -> t.nutrient() == Nutrient.FLUID).findFirst();
        if (plannable.isEmpty() || target.isEmpty() || planned.schedule() == null
                || Math.abs(plannable.get().min() - target.get().min()) < 1e-6 && Math.abs(plannable.get().max() - target.get().max()) < 1e-6) {
            return List.of();
        }
        return List.of(new Rationale.Step("planned for the schedule: a share of the fluid per hour × hours, so that whole"
                + " servings and sips fit every 60-minute window (scheduleInfo.capped)", target.get().min(),
                target.get().max(), "mL", "R-SCHEDULE"));
    }

    /** The answer to a request with targets. */
    public static ObjectNode write(PlanResult result, PlanRequest request) {
        return write(result, request, false);
    }

    /** @param fromWorkout the request's targets come from a workout, which allows fewer ways to bring a product back */
    private static ObjectNode write(PlanResult result, PlanRequest request, boolean fromWorkout) {
        var leftOut = LeftOutJson.write(request, fromWorkout);
        if (result.status() == PlanStatus.INFEASIBLE) {
            // Products left out for an unknown value may be why no plan exists: the 422 names them too.
            return InfeasibleJson.write(result.infeasibility(), request).set("leftOut", leftOut);
        }
        var body = NODES.objectNode();
        body.put("status", result.status().name());
        body.put("solver", result.solver());
        body.set("objective", objective(result.objective(), result.value(), result.bound(), request));
        body.set("items", items(result.plan()));
        body.set("totals", totals(result.plan(), request));
        body.set("concentration", concentration(result.plan(), request));
        body.set("unproven", unproven(result.plan(), request));
        body.set("alternatives", alternatives(result.alternatives(), request));
        body.set("leftOut", leftOut);
        body.set("warnings", warnings(result, request));
        body.set("catalog", catalog(request.catalog()));
        body.put("timeMs", result.timeMs());
        return body;
    }

    /** {kind, value, bound} and, for mass and cost, their unit; NaN (no plan, no bound) is null. */
    private static ObjectNode objective(Objective kind, double value, double bound, PlanRequest request) {
        var objective = objective(kind, value, request);
        // A lower bound rounded up could claim more than was proven: round it down.
        objective.set("bound", number(bound, kind, RoundingMode.FLOOR));
        return objective;
    }

    private static ObjectNode objective(Objective kind, double value, PlanRequest request) {
        var objective = NODES.objectNode();
        objective.put("kind", kind.jsonName());
        objective.set("value", number(value, kind, RoundingMode.HALF_EVEN));
        if (kind == Objective.MASS) {
            objective.put("unit", "g");
        } else if (kind == Objective.COST) {
            objective.put("unit", currency(request.catalog()));
        }
        return objective;
    }

    /** The currency a cost is summed in: the catalog's prices' (API.md: one currency per catalog). */
    private static String currency(Catalog catalog) {
        return catalog.products().stream().filter(product -> product.price() != null)
                .map(product -> product.price().currency()).findFirst().orElse(null);
    }

    private static ArrayNode items(Plan plan) {
        var items = NODES.arrayNode();
        if (plan == null) {
            return items;
        }
        for (var item : plan.items()) {
            var node = items.addObject()
                    .put("product", item.product().id())
                    .put("name", item.product().name())
                    .put("servings", item.servings());
            var preparation = item.product().preparation();
            if (preparation == null) {
                node.putNull("preparation").putNull("water");
            } else {
                node.put("preparation", preparation.directions()).set("water", AmountJson.of(preparation.water() * item.servings(), "mL"));
            }
        }
        return items;
    }

    /**
     * The nutrients whose max this plan is not proven to meet: a product used does not state them, and the request
     * allowed it (unknownUnderMax "allow", or by requiring the product).
     */
    private static ArrayNode unproven(Plan plan, PlanRequest request) {
        var unproven = NODES.arrayNode();
        UnknownValues.lowerBoundTotals(request, plan).forEach(nutrient -> unproven.add(nutrient.jsonName()));
        return unproven;
    }

    /**
     * Per targeted nutrient, in the order of the request: {amount, unit, min, max, lowerBound}, min and max amounts, null when
     * absent; lowerBound when a product used does not state the nutrient (its unknown counted as 0).
     */
    private static ObjectNode totals(Plan plan, PlanRequest request) {
        var totals = NODES.objectNode();
        if (plan == null) {
            return totals;
        }
        for (var target : request.targets()) {
            var nutrient = target.nutrient();
            var total = totals.putObject(nutrient.jsonName());
            total.put("amount", round(plan.total(nutrient)));
            total.put("unit", nutrient.canonicalUnit());
            putOrNull(total, "min", target.hasMin(), target.min(), nutrient);
            putOrNull(total, "max", target.hasMax(), target.max(), nutrient);
            total.put("lowerBound", plan.items().stream().anyMatch(item -> item.product().isUnknown(nutrient)));
        }
        return totals;
    }

    /**
     * The plan's carbohydrate per litre of its fluid, {amount, unit: "g/L", max}: amount null without a plan or without
     * fluid, max the request's limit (null without one).
     */
    private static ObjectNode concentration(Plan plan, PlanRequest request) {
        var node = NODES.objectNode();
        double fluid = plan == null ? 0 : plan.total(Nutrient.FLUID);
        if (fluid > 0) {
            node.put("amount", round(plan.total(Nutrient.CARBOHYDRATE) / fluid * 1000));
        } else {
            node.putNull("amount");
        }
        node.put("unit", "g/L");
        var limit = request.concentration();
        node.set("max", limit == null ? NODES.nullNode() : AmountJson.of(limit.maxGramsPerLitre(), "g/L"));
        return node;
    }

    /** Each alternative as {objective: {kind, value}, items, totals, concentration}; a bound belongs to the best plan only. */
    private static ArrayNode alternatives(List<Plan> plans, PlanRequest request) {
        var alternatives = NODES.arrayNode();
        for (var plan : plans) {
            var alternative = alternatives.addObject();
            alternative.set("objective", objective(request.objective(), plan.value(request.objective()), request));
            alternative.set("items", items(plan));
            alternative.set("totals", totals(plan, request));
            alternative.set("concentration", concentration(plan, request));
            alternative.set("unproven", unproven(plan, request));
        }
        return alternatives;
    }

    private static ArrayNode warnings(PlanResult result, PlanRequest request) {
        var warnings = new ArrayList<>(result.warnings());
        if (result.status() == PlanStatus.UNKNOWN) {
            warnings.add(Warning.text("no plan was found within the time limit of " + request.timeLimitMs() + " ms; this"
                    + " does not mean that none exists: retry with a larger timeLimitMs (at most "
                    + PlanRequest.MAX_TIME_LIMIT_MS + ")"));
        }
        var array = NODES.arrayNode();
        warnings.forEach(warning -> array.add(warning(warning)));
        return array;
    }

    /**
     * {@code {"message", "nutrient", "product", "total": {amount, unit}, "min"|"max": {amount, unit}}}: the sentence for
     * people, and what it is about as data; a field that does not apply is left out.
     */
    private static ObjectNode warning(Warning warning) {
        var node = NODES.objectNode().put("message", warning.message());
        var nutrient = warning.nutrient();
        if (nutrient == null) {
            return node;
        }
        node.put("nutrient", nutrient.jsonName());
        if (warning.product() != null) {
            node.put("product", warning.product());
        }
        if (warning.total() != null) {
            node.set("total", AmountJson.of(warning.total(), nutrient));
        }
        if (warning.side() != null && warning.bound() != null) {
            node.set(warning.side(), AmountJson.of(warning.bound(), nutrient));
        }
        return node;
    }

    private static ObjectNode catalog(Catalog catalog) {
        var node = NODES.objectNode();
        node.put("name", catalog.name());
        if (catalog.name().equals(Catalogs.INLINE_CATALOG)) {
            node.putNull("version");
        } else {
            node.put("version", catalog.version());
        }
        return node;
    }

    /** Servings and products are counts, written as whole numbers; mass and cost are rounded. */
    private static JsonNode number(double value, Objective kind, RoundingMode rounding) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NODES.nullNode();
        }
        if (kind == Objective.SERVINGS || kind == Objective.PRODUCTS) {
            return NODES.numberNode(Math.round(value));
        }
        return NODES.numberNode(round(value, rounding));
    }

    private static void putOrNull(ObjectNode node, String field, boolean present, double value, Nutrient nutrient) {
        if (present) {
            node.set(field, AmountJson.of(value, nutrient));
        } else {
            node.putNull(field);
        }
    }

    static double round(double value) {
        return AmountJson.round(value);
    }

    private static double round(double value, RoundingMode rounding) {
        return AmountJson.round(value, rounding);
    }
}

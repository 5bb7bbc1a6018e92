package nutriplan.api.plans;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Phase;
import nutriplan.catalog.product.Product;
import nutriplan.planner.problem.UnknownValues;
import nutriplan.planner.request.PlanRequest;

/**
 * The {@code leftOut} of a plan answer (API.md): each product include and exclude allow that the plan still could not
 * use, why, and the one change to the request that brings it back. Two causes: a value the catalog does not know
 * under a maximum ({@code unknown}), and a phase the catalog does not say the product is fit for ({@code phase}). The
 * change is {@code {field, to}} for a field's new value, {@code {field, add}} for an entry to add to a list, as a 422's
 * conflict says {@code to} or {@code remove}.
 */
final class LeftOutJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LeftOutJson() {
    }

    /**
     * Unknown values first (the surprising ones), then the phase's, each in catalog order.
     *
     * @param fromWorkout the request plans a workout, for which only during and after are phases: a product of
     *                    another phase comes back by requiring it
     */
    static ArrayNode write(PlanRequest request, boolean fromWorkout) {
        var leftOut = NODES.arrayNode();
        for (var each : UnknownValues.leftOut(request)) {
            leftOut.add(unknown(request, each.product(), each.nutrients()));
        }
        for (var product : request.leftOutByPhase()) {
            leftOut.add(phase(request, product, fromWorkout));
        }
        return leftOut;
    }

    private static ObjectNode unknown(PlanRequest request, Product product, List<Nutrient> nutrients) {
        // Single-source carbohydrate is derived from carbohydrate: naming both says the same thing twice.
        var names = nutrients.stream().filter(nutrient -> !(nutrient == Nutrient.SINGLE_SOURCE_CARBOHYDRATE
                && nutrients.contains(Nutrient.CARBOHYDRATE))).map(Nutrient::jsonName).toList();
        var node = entry(product, "unknown");
        names.forEach(node.withArray("nutrients")::add);
        var listed = listed(names);
        // Carbohydrate is bounded by the concentration limit too, which a request may set without a carbohydrate max.
        var bound = request.concentration() != null && nutrients.contains(Nutrient.CARBOHYDRATE)
                ? "the max or the carbohydrate per litre limit" : "the max";
        node.put("reason", listed + (names.size() == 1 ? " is" : " are") + " not known for this product, so it cannot be"
                + " shown to stay under " + bound);
        bringBack(node, "unknownUnderMax", "allow", "send \"unknownUnderMax\": \"allow\" to use it, " + listed
                + " counted as 0 and the total marked a lower bound; or give " + listed + " in the catalog");
        return node;
    }

    private static ObjectNode phase(PlanRequest request, Product product, boolean fromWorkout) {
        var phase = request.selection().phase();
        var node = entry(product, "phase");
        node.putArray("nutrients");
        var use = product.use() == null ? null : product.use().stream().map(Phase::jsonName).collect(Collectors.joining(", "));
        node.put("reason", use == null ? "the catalog does not say when it is taken, so it is not planned " + words(phase)
                : "not meant to be taken " + words(phase) + ": its use is " + use);
        var catalogWay = use == null ? "; or give its use in the catalog" : "";
        if (fromWorkout) {
            // A workout's plan is for during or after it: the product comes back by being asked for by name.
            node.putObject("bringBack").put("field", "require").put("add", product.id()).put("message", "require it to"
                    + " take it " + words(phase) + " anyway" + catalogWay);
            return node;
        }
        var to = use == null ? PlanRequestJson.ANY_PHASE : product.use().iterator().next().jsonName();
        bringBack(node, "phase", to, "plan for " + to + ", or require it to take it " + words(phase) + " anyway"
                + catalogWay);
        return node;
    }

    /** {product, name, cause, use}: use the phases the catalog says it is fit for, null when it does not say. */
    private static ObjectNode entry(Product product, String cause) {
        var node = NODES.objectNode().put("product", product.id()).put("name", product.name()).put("cause", cause);
        if (product.use() == null) {
            node.putNull("use");
        } else {
            product.use().forEach(phase -> node.withArray("use").add(phase.jsonName()));
        }
        return node;
    }

    private static void bringBack(ObjectNode node, String field, String to, String message) {
        node.putObject("bringBack").put("field", field).put("to", to).put("message", message);
    }

    /** "during the session", "before the session", "after the session". */
    private static String words(Phase phase) {
        return phase + " the session";
    }

    /** "sodium", "fluid and sodium", "carbohydrate, fluid and sodium". */
    private static String listed(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }
}

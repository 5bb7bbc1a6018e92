package nutriplan.api.docs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.access.RouteScopes;
import nutriplan.api.errors.ErrorJson;
import nutriplan.api.health.HealthRoutes;
import nutriplan.api.history.HistoryRoutes;
import nutriplan.api.plans.PlanRequestJson;
import nutriplan.catalog.json.JsonEnum;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.CarbohydrateType;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Phase;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.SolverChoice;
import nutriplan.planner.request.UnknownUnderMax;
import nutriplan.planner.schedule.solver.ScheduleConstraintProvider;
import nutriplan.planner.timefold.TimefoldPlanner;

/**
 * What the {@code @OpenApi} annotations cannot say, added to the document from the code that decides it: the closed
 * sets (from the enums the readers use), the response headers the handlers set, the server, a 4XX on operations
 * whose only faults are the HTTP layer's, and who may call each operation ({@link AccessFacts}). Kept apart from {@link OpenApiDocument}, which does the document's plumbing.
 */
final class DocumentFacts {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String HEADERS = "#/components/headers/";

    /** Schema, property: its values. A set written here by hand would drift; each comes from the enum that reads it. */
    private static final Map<String, Map<String, List<String>>> ENUMS = Map.of(
            "PlanRequest", Map.of(
                    "objective", names(Objective.values()),
                    "solver", names(SolverChoice.values()),
                    "unknownUnderMax", names(UnknownUnderMax.values()),
                    "phase", Stream.concat(names(Phase.values()).stream(), Stream.of(PlanRequestJson.ANY_PHASE)).toList()),
            "Selection", Map.of("kinds", names(Kind.values())),
            "LeftOut", Map.of("cause", List.of("unknown", "phase"), "use", names(Phase.values())),
            "PlanResponse", Map.of(
                    "status", Stream.of(PlanStatus.values()).filter(status -> status != PlanStatus.INFEASIBLE).map(Enum::name).toList(),
                    "solver", List.of(ChocoPlanner.NAME, TimefoldPlanner.NAME)),
            "Product", Map.of("kind", names(Kind.values()), "carbohydrateType", carbohydrateTypes(), "use", names(Phase.values())),
            "Error", Map.of("error", ErrorJson.CODES),
            "Detail", Map.of("nutrient", nutrients()),
            "Warning", Map.of("nutrient", nutrients()),
            "Miss", Map.of("rule", ScheduleConstraintProvider.MEDIUM_RULES),
            "Status", Map.of("status", Stream.concat(Stream.of("ok"), Stream.of(HealthRoutes.Readiness.values())
                    .map(HealthRoutes.Readiness::jsonName)).toList(), "store", List.of("up", "down")));

    /**
     * The history's routes answer about the catalog's versions, not as one of them: no ETag (a tag moves no version),
     * no 304. A revert makes a version, and carries its ETag like every change.
     */
    private static final Set<String> OF_THE_HISTORY = Set.of(HistoryRoutes.VERSIONS, HistoryRoutes.HISTORY,
            HistoryRoutes.DIFF, HistoryRoutes.TAGS, HistoryRoutes.TAG, HistoryRoutes.CATALOG);

    private DocumentFacts() {
    }

    static void add(ObjectNode document) {
        document.putArray("servers").addObject().put("url", "/")
                .put("description", "the service that serves this document (every path is relative to it)");
        var schemas = (ObjectNode) document.path("components").path("schemas");
        ENUMS.forEach((schema, properties) -> properties.forEach((property, values) -> {
            if (!(schemas.path(schema).path("properties").path(property) instanceof ObjectNode node)) {
                throw new IllegalStateException("the document has no property " + schema + "." + property + " to close");
            }
            // A list's values close its items.
            var closed = node.path("items") instanceof ObjectNode items ? items : node;
            values.forEach(closed.putArray("enum")::add);
        }));
        addHeaderComponents((ObjectNode) document.path("components"));
        // Before the headers: the refusals it adds get X-Request-Id like every other answer.
        AccessFacts.add(document, RouteScopes.service());
        document.path("paths").forEach(path -> path.forEach(operation ->
                addUnknownParameter((ObjectNode) operation.path("responses"))));
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                addHeaders(path.getKey(), operation.getKey(), (ObjectNode) operation.getValue().path("responses"))));
        document.path("paths").forEach(path -> path.forEach(operation -> addHeadersTooLarge((ObjectNode) operation.path("responses"))));
        acceptAnyBatchItem(schemas);
        moveRefSiblings(document);
    }

    /**
     * A batch answers every item in its place, a 400 for one that is not a valid request, so the envelope refuses
     * none: its items are any JSON, described as the request they should be.
     */
    private static void acceptAnyBatchItem(ObjectNode schemas) {
        Map.of("PlanBatchRequest", "requests", "TargetsBatchRequest", "workouts").forEach((schema, property) -> {
            if (!(schemas.path(schema).path("properties").path(property) instanceof ObjectNode list)) {
                throw new IllegalStateException("the document has no property " + schema + "." + property);
            }
            var typed = list.path("items").path("$ref").asText().replace(SCHEMAS, "");
            list.putObject("items").put("description", "a " + typed + "; one that is not valid is answered with its own"
                    + " 400 in its place in results");
        });
    }

    private static List<String> names(JsonEnum... values) {
        return Arrays.stream(values).map(JsonEnum::jsonName).toList();
    }

    private static List<String> nutrients() {
        return Arrays.stream(Nutrient.values()).map(Nutrient::jsonName).toList();
    }

    /** The known types; JSON null (not known) is allowed by the property's nullable. */
    private static List<String> carbohydrateTypes() {
        return Arrays.stream(CarbohydrateType.values()).filter(type -> type != CarbohydrateType.UNKNOWN)
                .map(CarbohydrateType::jsonName).toList();
    }

    private static void addHeaderComponents(ObjectNode components) {
        var headers = components.putObject("headers");
        header(headers, "X-Request-Id", "the caller's X-Request-Id when it is 1-64 characters of A-Z a-z 0-9 . _ : -, else a"
                + " generated one; logged with every line about the request", "string");
        header(headers, "ETag", "the catalog's version, quoted (\"12\"): send it as If-Match to change the catalog only at that"
                + " version, or as If-None-Match to get 304 while it has not changed", "string");
        header(headers, "Retry-After", "seconds to wait before trying again", "integer");
        header(headers, "Location", "where the new catalog's products are listed", "string");
    }

    private static void header(ObjectNode headers, String name, String description, String type) {
        // Required: wherever a response lists one of these, the service always sends it.
        headers.putObject(name).put("description", description).put("required", true).putObject("schema").put("type", type);
    }

    /**
     * Every response carries X-Request-Id; a catalog's reads and changes its version as ETag, and its reads answer 304
     * to an If-None-Match that names the current version; every 503 says when to retry.
     */
    private static void addHeaders(String path, String method, ObjectNode responses) {
        boolean versioned = (path.startsWith("/api/v1/catalogs/{catalog}") && !OF_THE_HISTORY.contains(path))
                || (path.equals("/api/v1/catalogs") && method.equals("post"));
        if (versioned && method.equals("get")) {
            var notModified = responses.putObject("304");
            notModified.put("description", "not modified: If-None-Match names the catalog's current version; no body");
            headerRef(notModified, "ETag");
        }
        responses.properties().forEach(response -> {
            var status = response.getKey();
            var node = (ObjectNode) response.getValue();
            headerRef(node, "X-Request-Id");
            if (versioned && status.startsWith("2")) {
                headerRef(node, "ETag");
            }
            if (status.equals("201")) {
                headerRef(node, "Location");
            }
            if (status.equals("503")) {
                headerRef(node, "Retry-After");
            }
        });
    }

    private static void headerRef(ObjectNode response, String name) {
        var headers = response.has("headers") ? (ObjectNode) response.get("headers") : response.putObject("headers");
        headers.putObject(name).put("$ref", HEADERS + name);
    }

    /**
     * Any route refuses a query parameter it does not declare ({@code QueryParameters}): a route whose own faults
     * give no 400 gets this one.
     */
    private static void addUnknownParameter(ObjectNode responses) {
        if (responses.has("400")) {
            return;
        }
        var fault = responses.putObject("400");
        fault.put("description", "invalid_request: a query parameter this route does not take (it takes only those listed)");
        var json = fault.putObject("content").putObject("application/json");
        json.putObject("schema").put("$ref", SCHEMAS + "Error");
        var message = "unknown query parameter: this route takes none";
        json.set("example", ErrorJson.body(ErrorJson.INVALID_REQUEST, "unknown query parameters are refused, never ignored",
                List.of(ErrorJson.detail("version", message))));
    }

    /**
     * Any request can be refused by the HTTP layer before a handler sees it: headers over the limit get 431 (the
     * handlers' own faults are in each operation's annotations). Jetty answers it, so without X-Request-Id.
     */
    private static void addHeadersTooLarge(ObjectNode responses) {
        var fault = responses.putObject("431");
        fault.put("description", "too_large: the request's headers are over the limit");
        var json = fault.putObject("content").putObject("application/json");
        json.putObject("schema").put("$ref", SCHEMAS + "Error");
        json.set("example", ErrorJson.body(ErrorJson.TOO_LARGE, "the request headers are too large", List.of()));
    }

    /**
     * OpenAPI 3.0 ignores whatever stands beside a {@code $ref}: a property's description goes onto an {@code allOf} of
     * the one reference, where tools read it; a nullable reference points to a nullable copy of the schema
     * ({@code NullableAmount}), since {@code nullable} needs a {@code type} beside it and an {@code allOf} would still
     * hold null to the referenced object; an example beside a reference is dropped (the referenced schema has its own).
     */
    private static void moveRefSiblings(ObjectNode document) {
        moveRefSiblings(document, (ObjectNode) document.path("components").path("schemas"));
    }

    private static void moveRefSiblings(JsonNode node, ObjectNode schemas) {
        if (node instanceof ObjectNode object) {
            if (object.has("$ref") && object.size() > 1) {
                var ref = object.get("$ref").asText();
                object.remove("$ref");
                object.remove("example");
                if (object.path("nullable").asBoolean()) {
                    object.remove("nullable");
                    ref = nullableCopy(ref, schemas);
                }
                if (object.size() > 0) {
                    object.putArray("allOf").addObject().put("$ref", ref);
                } else {
                    object.put("$ref", ref);
                }
            }
            // A copy: a nullable copy may be added to the schemas while they are walked.
            new java.util.ArrayList<JsonNode>(object.valueStream().toList()).forEach(child -> moveRefSiblings(child, schemas));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> moveRefSiblings(child, schemas));
        }
    }

    private static String nullableCopy(String ref, ObjectNode schemas) {
        var name = ref.substring(SCHEMAS.length());
        var nullable = "Nullable" + name;
        if (!schemas.has(nullable)) {
            var copy = schemas.path(name).deepCopy();
            if (copy instanceof ObjectNode schema) {
                schemas.set(nullable, schema.put("nullable", true));
            }
        }
        return SCHEMAS + nullable;
    }
}

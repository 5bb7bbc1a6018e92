package nutriplan.api.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.errors.ErrorJson;
import nutriplan.catalog.json.Json;

/**
 * The OpenAPI document served at {@code /openapi.json}. The javalin-openapi annotation processor writes it at
 * compile time from the {@code @OpenApi} annotations on the handlers and the schema records beside them; this
 * class finishes it once at start-up with what annotations cannot say:
 *
 * <ul>
 *   <li>the title, version and description;</li>
 *   <li>examples, written in the annotations as JSON text, become JSON values;</li>
 *   <li>the {@code Quantity} placeholder schema becomes "a number, a string or an amount", {@code Change} and
 *       {@code Objective} become the one-ofs a record cannot say, Jackson's {@code JsonNode} any JSON value;</li>
 *   <li>every operation lists the generic 500, which any handler may answer;</li>
 *   <li>{@link DocumentFacts}: servers, headers, enums, the 431 and 304 answers, no siblings beside a reference.</li>
 * </ul>
 */
public final class OpenApiDocument {

    /** Where the processor writes the document (its "default" version), on the classpath. */
    static final String RESOURCE = "openapi-plugin/openapi-default.json";
    static final String TITLE = "nutriplan";
    static final String VERSION = "v1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiDocument() {
    }

    /**
     * Writes the finished document to the file named by the one argument: the build's linter and the generated client
     * test read it (api/pom.xml, execution write-openapi, in process-classes).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OpenApiDocument FILE");
        }
        var file = java.nio.file.Path.of(args[0]);
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.file.Files.writeString(file, load());
    }

    /** The finished document as JSON text. */
    public static String load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath; the javalin-openapi annotation"
                        + " processor writes it at compile time. Maybe the build skipped annotation processing?");
            }
            var document = (ObjectNode) Json.MAPPER.readTree(in);
            finish(document);
            return Json.MAPPER.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static void finish(ObjectNode document) {
        document.putObject("info")
                .put("title", TITLE)
                .put("version", VERSION)
                .put("description", "Finds the smallest combination of product servings that meets carbohydrate,"
                        + " protein, fluid and electrolyte targets, and proves it optimal where it can. Every error is"
                        + " {\"error\", \"message\", \"details\"}; every response the service writes carries X-Request-Id;"
                        + " a route called with a method it does not have answers 405 with Allow listing its methods. Every"
                        + " quantity it writes is {\"amount\", \"unit\"}; a catalog file (export) keeps text such as \"140 kcal\".");
        parseExamples(document);
        var schemas = document.path("components").path("schemas");
        if (schemas instanceof ObjectNode schemaNodes && schemaNodes.has("Quantity")) {
            schemaNodes.set("Quantity", quantitySchema(schemaNodes.get("Quantity").path("description").asText()));
        }
        if (schemas instanceof ObjectNode schemaNodes && schemaNodes.has("Change")) {
            schemaNodes.set("Change", changeSchema(schemaNodes.get("Change").path("description").asText()));
        }
        if (schemas instanceof ObjectNode schemaNodes && schemaNodes.has("JsonNode")) {
            // Jackson's JsonNode read as a bean is no schema at all: any JSON value, described in docs/API.md.
            schemaNodes.putObject("JsonNode").put("description", "any JSON value; docs/API.md describes it");
            schemaNodes.remove("JsonNodeType");
        }
        if (schemas instanceof ObjectNode schemaNodes && schemaNodes.has("Objective")) {
            objectiveSchemas(schemaNodes);
        }
        document.path("paths").forEach(path -> path.forEach(operation -> addInternalError(operation)));
        DocumentFacts.add(document);
    }

    /**
     * A plan's objective value is a count of servings or products (an integer), or an amount of mass or money (a
     * number with its unit): two shapes told apart by {@code kind}, so that a generated client reads a count as an int.
     */
    private static void objectiveSchemas(ObjectNode schemas) {
        schemas.set("CountObjective", objective("servings or products: a whole number", "integer", 3, "servings", "products"));
        var measured = objective("mass (g) or cost (in unit, the products' currency)", "number", 96.5, "mass", "cost");
        measured.with("properties").putObject("unit").put("type", "string").put("example", "g")
                .put("description", "g for mass, the ISO 4217 currency of the prices for cost");
        measured.withArray("required").add("unit");
        schemas.set("MeasuredObjective", measured);
        var objective = schemas.putObject("Objective");
        objective.put("description", "What the plan minimises and by how much; the kind tells the shape.");
        objective.putArray("oneOf").add(NODES.objectNode().put("$ref", "#/components/schemas/CountObjective"))
                .add(NODES.objectNode().put("$ref", "#/components/schemas/MeasuredObjective"));
        var discriminator = objective.putObject("discriminator").put("propertyName", "kind");
        var mapping = discriminator.putObject("mapping");
        for (var kind : new String[] {"servings", "products"}) {
            mapping.put(kind, "#/components/schemas/CountObjective");
        }
        for (var kind : new String[] {"mass", "cost"}) {
            mapping.put(kind, "#/components/schemas/MeasuredObjective");
        }
    }

    private static ObjectNode objective(String description, String type, double example, String... kinds) {
        var schema = NODES.objectNode().put("type", "object").put("description", description);
        var properties = schema.putObject("properties");
        var kind = properties.putObject("kind").put("type", "string");
        for (var each : kinds) {
            kind.withArray("enum").add(each);
        }
        properties.putObject("value").put("type", type).put("nullable", true)
                .put("description", "the plan's value; null without a plan").set("example", NODES.numberNode(example));
        properties.putObject("bound").put("type", type).put("nullable", true)
                .put("description", "a proven lower bound, equal to value when OPTIMAL; absent on alternatives")
                .set("example", NODES.numberNode(example));
        schema.putArray("required").add("kind").add("value");
        return schema;
    }

    /**
     * Every {@code "example": "<JSON text>"} beside a schema, parsed, and every example of a number or integer
     * property made a number; plain-text examples stay text.
     */
    private static void parseExamples(JsonNode node) {
        if (node instanceof ObjectNode object) {
            var example = object.get("example");
            if (example != null && example.isTextual()) {
                var text = example.textValue();
                var type = object.path("type").asText();
                if ((object.has("schema") || type.equals("array")) && looksLikeJson(text)) {
                    object.set("example", parse(text));
                } else if (type.equals("integer") || type.equals("number") || type.equals("boolean")) {
                    object.set("example", parse(text));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                parseExamples(fields.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(OpenApiDocument::parseExamples);
        }
    }

    private static boolean looksLikeJson(String text) {
        var trimmed = text.strip();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example in an @OpenApi annotation is not valid JSON: "
                    + e.getOriginalMessage() + "\n" + json, e);
        }
    }

    /** A relaxation's new value: a bound, a limit or the emptied include lists (a record cannot say "one of"). */
    private static ObjectNode changeSchema(String description) {
        var schema = NODES.objectNode();
        schema.put("description", description);
        var oneOf = schema.putArray("oneOf");
        // Every object branch closed (additionalProperties false), so that exactly one branch matches a value.
        oneOf.addObject().put("$ref", "#/components/schemas/Amount");
        oneOf.addObject().put("type", "integer").put("description", "a limit's new value").put("example", 3);
        var include = oneOf.addObject().put("type", "object").put("description", "the include lists, emptied")
                .put("additionalProperties", false);
        var lists = include.putObject("properties");
        for (var list : new String[] {"products", "tags"}) {
            lists.putObject(list).put("type", "array").putObject("items").put("type", "string");
        }
        include.putArray("required").add("products").add("tags");
        return schema;
    }

    /**
     * What the service reads as a quantity: a number in the canonical unit, a string with a unit, or the
     * {@code {"amount", "unit"}} it writes (so that what it answers can be sent back). A product's nutrient may be
     * null, not known; a target's null is the same as leaving it out.
     */
    private static ObjectNode quantitySchema(String description) {
        var schema = NODES.objectNode();
        schema.put("description", description);
        var anyOf = schema.putArray("anyOf");
        anyOf.addObject().put("type", "number").put("nullable", true).put("description", "in the nutrient's canonical unit;"
                + " null: not known");
        anyOf.addObject().put("type", "string").put("description", "a number and a unit").put("example", "500 mg");
        anyOf.addObject().put("$ref", "#/components/schemas/Amount");
        schema.put("example", "500 mg");
        return schema;
    }

    private static void addInternalError(JsonNode operation) {
        if (!(operation.get("responses") instanceof ObjectNode responses) || responses.has("500")) {
            return;
        }
        var response = responses.putObject("500");
        response.put("description", "internal_error: a fault of the service, logged; the body says nothing of the internals");
        var json = response.putObject("content").putObject("application/json");
        json.putObject("schema").put("$ref", "#/components/schemas/Error");
        json.set("example", ErrorJson.internalError().body());
    }
}

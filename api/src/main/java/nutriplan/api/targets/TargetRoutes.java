package nutriplan.api.targets;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import nutriplan.api.json.AmountJson;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.JsonBody;
import nutriplan.api.json.JsonRequests;
import nutriplan.catalog.json.Finding;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.nutrient.Quantities;
import nutriplan.needs.Needs;
import nutriplan.needs.Range;
import nutriplan.needs.SessionNeeds;
import nutriplan.needs.WorkoutJson;

/** {@code POST /api/v1/targets}: a workout and a sweat test in, session targets with their reasons out. */
public final class TargetRoutes {

    public static final String TARGETS = "/api/v1/targets";

    static final String EXAMPLE = "{\"durationMin\": 150, \"intensity\": \"moderate\", \"bodyMass\": \"70 kg\","
            + " \"sweatRate\": \"1.2 L/h\", \"sweatSodium\": \"950 mg/L\", \"temperature\": \"28 °C\","
            + " \"carbTolerance\": \"90 g/h\", \"caffeine\": \"3 mg/kg\"}";

    /** The answer's shape, for the OpenAPI document. */
    public record TargetsResponse(JsonNode targets, List<JsonNode> ruleValues, List<JsonNode> rationale, List<JsonNode> assumed,
                                  List<JsonNode> warnings, List<JsonNode> recovery, JsonNode safety) {
    }

    public void register(RoutesConfig routes) {
        routes.post(TARGETS, this::create);
    }

    private static final String INVALID = """
            {"error": "invalid_request", "message": "1 fault in the request: bodyMass",
             "details": [{"field": "bodyMass", "message": "must be above 20 kg and at most 300 kg, got 500 kg"}]}""";
    private static final String TOO_LARGE = """
            {"error": "too_large", "message": "the request body is over 2097152 bytes",
             "details": [{"field": "body", "message": "the request body is over 2097152 bytes"}]}""";
    private static final String UNSUPPORTED = """
            {"error": "unsupported_media_type", "message": "the body must be JSON with Content-Type: application/json, not \\"text/plain\\"",
             "details": []}""";

    @OpenApi(path = TARGETS, methods = HttpMethod.POST, operationId = "createTargets", tags = "targets",
            summary = "Session targets from a workout and a sweat test, each with its rule and sources",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(type = "application/json",
                    example = EXAMPLE)),
            responses = {
                @OpenApiResponse(status = "200", description = "targets (plannable ranges, ready for a plan request),"
                        + " rationale, assumed defaults, warnings and the safety block",
                        content = @OpenApiContent(from = TargetsResponse.class)),
                @OpenApiResponse(status = "400", description = "invalid_request: a missing or out-of-range input (guidelines"
                        + " §2), a bad unit; one detail per fault with its field",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID)),
                @OpenApiResponse(status = "413", description = "too_large: the body is over MAX_BODY_BYTES",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as application/json",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = UNSUPPORTED))
            })
    void create(Context ctx) {
        var findings = Findings.create();
        var workout = WorkoutJson.read(JsonBody.parse(JsonRequests.body(ctx)), "", findings);
        if (workout == null) {
            var errors = findings.all().stream().filter(Finding::isError).toList();
            throw new InvalidInputException("the workout has " + errors.size() + (errors.size() == 1 ? " fault" : " faults"),
                    errors);
        }
        ctx.json(write(SessionNeeds.of(workout)));
    }

    /** The targets in the plan request's syntax (string quantities); every other quantity as {amount, unit}. */
    static ObjectNode write(Needs needs) {
        var root = JsonNodeFactory.instance.objectNode();
        var targets = root.putObject("targets");
        for (var range : needs.plannable()) {
            var target = targets.putObject(range.nutrient());
            target.put("min", Quantities.format(round(range.min())) + " " + range.unit());
            target.put("max", Quantities.format(round(range.max())) + " " + range.unit());
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

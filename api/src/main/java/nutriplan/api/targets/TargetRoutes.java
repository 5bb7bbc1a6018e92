package nutriplan.api.targets;



import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.JsonBody;
import nutriplan.api.json.JsonRequests;
import nutriplan.catalog.json.Finding;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.needs.SessionNeeds;
import nutriplan.needs.WorkoutJson;

/** {@code POST /api/v1/targets}: a workout and a sweat test in, session targets with their reasons out. */
public final class TargetRoutes {

    public static final String TARGETS = "/api/v1/targets";

    static final String EXAMPLE = "{\"durationMin\": 150, \"intensity\": \"moderate\", \"bodyMass\": \"70 kg\","
            + " \"sweatRate\": \"1.2 L/h\", \"sweatSodium\": \"950 mg/L\", \"temperature\": \"28 °C\","
            + " \"carbTolerance\": \"90 g/h\", \"caffeine\": \"3 mg/kg\"}";

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
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = TargetSchemas.Workout.class,
                    example = EXAMPLE)),
            responses = {
                @OpenApiResponse(status = "200", description = "targets (plannable ranges, ready for a plan request),"
                        + " rationale, assumed defaults, warnings and the safety block",
                        content = @OpenApiContent(from = TargetSchemas.Needs.class)),
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
        ctx.json(NeedsJson.write(SessionNeeds.of(workout)));
    }
}

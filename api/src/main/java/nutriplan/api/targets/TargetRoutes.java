package nutriplan.api.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import nutriplan.api.errors.ErrorExamples;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.Batches;
import nutriplan.api.json.JsonAnswer;
import nutriplan.api.json.JsonBody;
import nutriplan.api.json.JsonRequests;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.needs.SessionNeeds;
import nutriplan.needs.WorkoutJson;

/** {@code POST /api/v1/targets}: a workout and a sweat test in, session targets with their reasons out. */
public final class TargetRoutes {

    public static final String TARGETS = "/api/v1/targets";
    public static final String TARGETS_BATCH = "/api/v1/targets:batch";

    static final String EXAMPLE = "{\"durationMin\": 150, \"intensity\": \"moderate\", \"bodyMass\": \"70 kg\","
            + " \"sweatRate\": \"1.2 L/h\", \"sweatSodium\": \"950 mg/L\", \"temperature\": \"28 °C\","
            + " \"carbTolerance\": \"90 g/h\", \"caffeine\": \"3 mg/kg\"}";

    private final int maxBatchRequests;

    /** @param maxBatchRequests the most workouts {@code POST /api/v1/targets:batch} takes in one call (413 above) */
    public TargetRoutes(int maxBatchRequests) {
        this.maxBatchRequests = maxBatchRequests;
    }

    public void register(RoutesConfig routes) {
        routes.post(TARGETS, this::create);
        routes.post(TARGETS_BATCH, this::createBatch);
    }

    private static final String INVALID = """
            {"error": "invalid_request", "message": "1 fault in the request: bodyMass",
             "details": [{"field": "bodyMass", "message": "must be above 20 kg and at most 300 kg, got 500 kg"}]}""";

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
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as application/json",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED))
            })
    void create(Context ctx) {
        ctx.json(targets(JsonBody.parse(JsonRequests.body(ctx))));
    }

    private static final String BATCH_EXAMPLE = "{\"workouts\": [" + EXAMPLE + ", {\"durationMin\": 60, \"bodyMass\": \"500 kg\"}]}";
    private static final String BATCH_INVALID = """
            {"error": "invalid_request", "message": "1 fault in the request: workouts",
             "details": [{"field": "workouts", "message": "must be an array of 1 to 100 workouts, got an object"}]}""";
    private static final String BATCH_TOO_LARGE = """
            {"error": "too_large", "message": "the batch holds 101 workouts; at most 100 are accepted (MAX_BATCH_REQUESTS): send them in several batches",
             "details": [{"field": "workouts", "message": "the batch holds 101 workouts; at most 100 are accepted (MAX_BATCH_REQUESTS): send them in several batches"}]}""";

    @OpenApi(path = TARGETS_BATCH, methods = HttpMethod.POST, operationId = "createTargetsRoster", tags = "targets",
            summary = "Session targets for a roster: many workouts in one call, each answered as POST /api/v1/targets would",
            description = "Up to MAX_BATCH_REQUESTS workouts. The answer is 200 with one result per workout, in order: the"
                    + " status and body the workout alone gets from POST /api/v1/targets, so a bad one (400) spoils no other."
                    + " A malformed envelope is one 400 for the whole call.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = TargetSchemas.TargetsBatchRequest.class,
                    example = BATCH_EXAMPLE)),
            responses = {
                @OpenApiResponse(status = "200", description = "one result {status, body} per workout, in the order sent",
                        content = @OpenApiContent(from = TargetSchemas.TargetsBatchResponse.class)),
                @OpenApiResponse(status = "400", description = "invalid_request: the envelope is malformed (not JSON, not an"
                        + " object, other fields, workouts missing, not an array or empty); a fault of one workout is that"
                        + " workout's result instead",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = BATCH_INVALID)),
                @OpenApiResponse(status = "413", description = "too_large: more than MAX_BATCH_REQUESTS workouts, or the body"
                        + " over MAX_BODY_BYTES",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = BATCH_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as application/json",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED))
            })
    void createBatch(Context ctx) {
        var workouts = Batches.items(JsonRequests.body(ctx), "workouts", "workouts", maxBatchRequests);
        ctx.json(Batches.results(workouts.stream()
                .map(workout -> Batches.answer(() -> new JsonAnswer(200, targets(workout)))).toList()));
    }

    /** The answer of POST /api/v1/targets to one workout; the roster gives each of its workouts the same. */
    private static ObjectNode targets(JsonNode body) {
        var findings = Findings.create();
        var workout = WorkoutJson.read(body, "", findings);
        if (workout == null) {
            throw InvalidInputException.of(findings, "the workout");
        }
        return NeedsJson.write(SessionNeeds.of(workout));
    }
}

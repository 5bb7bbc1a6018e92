package nutriplan.api.plans;

import java.util.Objects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.errors.ErrorExamples;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.JsonRequests;

/** {@code POST /api/v1/plans:batch}: many plan requests in one call ({@link PlanBatches}). */
public final class PlanBatchRoutes {

    public static final String PLANS_BATCH = "/api/v1/plans:batch";

    private final PlanBatches batches;

    public PlanBatchRoutes(PlanBatches batches) {
        this.batches = Objects.requireNonNull(batches, "batches");
    }

    public void register(RoutesConfig routes) {
        routes.post(PLANS_BATCH, this::create);
    }

    @OpenApi(path = PLANS_BATCH, methods = HttpMethod.POST, operationId = "createPlans", tags = "plans",
            summary = "Plan many requests in one call, each answered as POST /api/v1/plans would answer it",
            description = "Up to MAX_BATCH_REQUESTS plan requests (a team roster, a day of a recommendation job). The"
                    + " answer is 200 with one result per request, in order: the status and body the request alone gets"
                    + " from POST /api/v1/plans, so a bad (400) or infeasible (422) request spoils no other. Each catalog"
                    + " is read from one snapshot for the whole batch. The batch is admitted whole, as one request: it"
                    + " gets a solver or a 503 before anything runs, and idle solvers join it. The request timeout"
                    + " (REQUEST_TIMEOUT_MS) is the batch's: a request whose turn comes after it is answered 503 busy"
                    + " in its place.",
            headers = @OpenApiParam(name = "X-Request-Id", description = "echoed; generated when absent or invalid"
                    + " (1 to 64 of A-Z a-z 0-9 . _ : -)", example = "c0ffee-42"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(
                    from = PlanBatchSchemas.PlanBatchRequest.class, example = PlanBatchExamples.REQUEST)),
            responses = {
                @OpenApiResponse(status = "200", description = "one result {status, body} per request, in the order sent",
                        content = @OpenApiContent(from = PlanBatchSchemas.PlanBatchResponse.class,
                                example = PlanBatchExamples.RESPONSE)),
                @OpenApiResponse(status = "400", description = "invalid_request: the envelope is malformed (not JSON, not an"
                        + " object, other fields, requests missing, not an array or empty); a fault of one request is"
                        + " that request's result instead",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanBatchExamples.INVALID)),
                @OpenApiResponse(status = "413", description = "too_large: more than MAX_BATCH_REQUESTS requests, or the body"
                        + " over MAX_BODY_BYTES",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanBatchExamples.TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as application/json",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "503", description = "busy: the batch could not be admitted (every solver taken and"
                        + " the queue full, or no solver free within QUEUE_TIMEOUT_MS); nothing of it ran; retry after"
                        + " Retry-After seconds",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanExamples.BUSY),
                        headers = @OpenApiParam(name = "Retry-After", type = Integer.class, description = "seconds", example = "1"))
            })
    void create(Context ctx) {
        ctx.json(batches.answer(JsonRequests.body(ctx)));
    }
}

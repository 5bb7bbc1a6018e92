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

import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.errors.ErrorExamples;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.JsonRequests;
import nutriplan.api.metrics.Metrics;

/** {@code POST /api/v1/plans}: the planner over HTTP, behind admission control. */
public final class PlanRoutes {

    public static final String PLANS = "/api/v1/plans";

    private final Catalogs catalogs;
    private final PlanAnswers answers;
    private final SolverPool pool;
    private final int maxInlineProducts;
    private final long requestTimeoutMs;

    /**
     * @param requestTimeoutMs the longest a plan request takes in all; a solve gets what is left of it when that
     *                         is less than its timeLimitMs
     */
    public PlanRoutes(Catalogs catalogs, PlanService service, SolverPool pool, Metrics metrics, int maxInlineProducts,
                      long requestTimeoutMs) {
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.answers = new PlanAnswers(service, metrics);
        this.pool = Objects.requireNonNull(pool, "pool");
        this.maxInlineProducts = maxInlineProducts;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    public void register(RoutesConfig routes) {
        routes.post(PLANS, this::create);
    }

    @OpenApi(path = PLANS, methods = HttpMethod.POST, operationId = "createPlan", tags = "plans",
            summary = "Find the smallest combination of servings that meets the targets",
            description = "Reads the request (units to canonical numbers), waits for a free solver (503 busy at once when"
                    + " the pool and its queue are full), solves within timeLimitMs and answers a plan (200), or why none"
                    + " exists (422). With durationMin and schedule, the plan is kept within the session's hourly limits and"
                    + " spread over its slots (schedule, scheduleInfo), or the answer says which rule it cannot meet (422"
                    + " unschedulable). Every fault of a request is reported at once (400), each with its field path.",
            headers = @OpenApiParam(name = "X-Request-Id", description = "echoed; generated when absent or invalid"
                    + " (1 to 64 of A-Z a-z 0-9 . _ : -)", example = "c0ffee-42"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PlanSchemas.PlanRequest.class,
                    example = PlanExamples.REQUEST)),
            responses = {
                @OpenApiResponse(status = "200", description = "a plan (OPTIMAL or FEASIBLE), or none found in time (UNKNOWN)",
                        content = @OpenApiContent(from = PlanSchemas.PlanResponse.class, example = PlanExamples.RESPONSE)),
                @OpenApiResponse(status = "400", description = "invalid_request: malformed JSON, wrong types, unknown fields or"
                        + " nutrients, bad units, min > max, time limit out of range; one detail per fault",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanExamples.INVALID)),
                @OpenApiResponse(status = "404", description = "not_found: the named catalog is not stored",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanExamples.NOT_FOUND)),
                @OpenApiResponse(status = "413", description = "too_large: the body (MAX_BODY_BYTES, chunked too) or the inline"
                        + " catalog (MAX_INLINE_PRODUCTS) is over the limit",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanExamples.TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as application/json",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "422", description = "infeasible: no plan meets the targets; per nutrient what the"
                        + " allowed products can reach and what binds, then a smallest conflicting set, each member with its"
                        + " relaxation in words and as data (\"to\": the field's new value, or \"remove\": the list entry to drop);"
                        + " or unschedulable: with schedule, no plan can be spread over the session within the hourly caps,"
                        + " each detail naming the rule and by how much",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanExamples.INFEASIBLE)),
                @OpenApiResponse(status = "503", description = "busy: every solver is taken and the queue is full, or no solver"
                        + " became free in time; retry after Retry-After seconds",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanExamples.BUSY),
                        headers = @OpenApiParam(name = "Retry-After", type = Integer.class, description = "seconds", example = "1"))
            })
    void create(Context ctx) {
        long deadline = System.nanoTime() + requestTimeoutMs * 1_000_000;
        var asked = PlanRequestJson.readScheduled(JsonRequests.body(ctx), catalogs, maxInlineProducts);
        var answer = PlanAnswers.answer(pool.run(deadline, millisLeft -> answers.solve(asked, millisLeft)));
        ctx.status(answer.status()).json(answer.body());
    }
}

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
import nutriplan.api.errors.ErrorJson;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.JsonRequests;
import nutriplan.api.metrics.Metrics;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.schedule.Scheduler;

/** {@code POST /api/v1/plans}: the planner over HTTP, behind admission control. */
public final class PlanRoutes {

    public static final String PLANS = "/api/v1/plans";

    private final Catalogs catalogs;
    private final PlanService service;
    private final SolverPool pool;
    private final Metrics metrics;
    private final Scheduler scheduler = new Scheduler();
    private final int maxInlineProducts;
    private final long requestTimeoutMs;

    /**
     * @param requestTimeoutMs the longest a plan request takes in all; a solve gets what is left of it when that
     *                         is less than its timeLimitMs
     */
    public PlanRoutes(Catalogs catalogs, PlanService service, SolverPool pool, Metrics metrics, int maxInlineProducts,
                      long requestTimeoutMs) {
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.service = Objects.requireNonNull(service, "service");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
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
                    + " exists (422). Every fault of a request is reported at once (400), each with its field path.",
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
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "422", description = "infeasible: no plan meets the targets; per nutrient what the"
                        + " allowed products can reach and what binds, then a smallest conflicting set, each member with its"
                        + " relaxation in words and as data (\"to\": the field's new value, or \"remove\": the list entry to drop)",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanExamples.INFEASIBLE)),
                @OpenApiResponse(status = "503", description = "busy: every solver is taken and the queue is full, or no solver"
                        + " became free in time; retry after Retry-After seconds",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = PlanExamples.BUSY),
                        headers = @OpenApiParam(name = "Retry-After", type = Integer.class, description = "seconds", example = "1"))
            })
    void create(Context ctx) {
        long deadline = System.nanoTime() + requestTimeoutMs * 1_000_000;
        var scheduled = PlanRequestJson.readScheduled(JsonRequests.body(ctx), catalogs, maxInlineProducts);
        var limits = scheduled.schedule();
        if (limits == null) {
            var request = scheduled.plan();
            var result = pool.run(deadline, millisLeft -> solve(request.withTimeLimitMs(Math.min(request.timeLimitMs(), millisLeft))));
            ctx.status(PlanResponseJson.httpStatus(result)).json(PlanResponseJson.write(result, request));
            return;
        }
        var unreachable = limits.unreachable(scheduled.plan());
        if (!unreachable.isEmpty()) {
            ctx.status(422).json(unschedulable(unreachable));
            return;
        }
        // The planner takes the hourly limits into account: the session's totals are capped at limit × hours.
        var request = limits.capped(scheduled.plan());
        var result = pool.run(deadline, millisLeft -> solve(request.withTimeLimitMs(Math.min(request.timeLimitMs(), millisLeft))));
        var body = PlanResponseJson.write(result, request);
        if (result.plan() != null) {
            var schedule = scheduler.schedule(result.plan(), limits, request.timeLimitMs());
            if (!schedule.isFeasible()) {
                ctx.status(422).json(unschedulable(schedule.broken()));
                return;
            }
            body.set("schedule", ScheduleJson.slots(schedule));
            body.set("scheduleInfo", ScheduleJson.info(schedule, scheduled.assumedCarb(), scheduled.assumedFluid()));
        }
        ctx.status(PlanResponseJson.httpStatus(result)).json(body);
    }

    /** 422 unschedulable: the plan cannot be spread over the session within its hard rules; each rule and by how much. */
    private static com.fasterxml.jackson.databind.node.ObjectNode unschedulable(java.util.List<String> reasons) {
        var body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("error", ErrorJson.UNSCHEDULABLE);
        body.put("message", "the plan cannot be scheduled over the session within the hourly limits");
        var details = body.putArray("details");
        reasons.forEach(reason -> details.addObject().put("field", "schedule").put("message", reason));
        return body;
    }

    private PlanResult solve(PlanRequest request) {
        long start = System.nanoTime();
        try {
            var result = service.plan(request);
            metrics.recordSolve(result.solver(), result.status().name(), System.nanoTime() - start);
            return result;
        } catch (RuntimeException e) {
            metrics.recordSolve(request.solver().jsonName(), "error", System.nanoTime() - start);
            throw e;
        }
    }
}

package nutriplan.api.plans;

import java.util.List;

import io.javalin.openapi.OneOf;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiRequired;

import nutriplan.api.errors.ErrorSchemas;

/**
 * Plans in batches as the OpenAPI document shows them; {@link PlanBatches} reads and writes the real bodies, and
 * {@code PlanBatchHttpTest} checks the examples of {@link PlanBatchRoutes} against the service.
 */
public final class PlanBatchSchemas {

    private PlanBatchSchemas() {
    }

    @OpenApiDescription("Plan requests answered in one call: 1 to MAX_BATCH_REQUESTS (default 100), each as"
            + " POST /api/v1/plans takes it.")
    public record PlanBatchRequest(@OpenApiRequired List<PlanSchemas.PlanRequest> requests) {
    }

    @OpenApiDescription("One result per request, in the order sent: results[i] answers requests[i].")
    public record PlanBatchResponse(@OpenApiRequired List<PlanBatchResult> results) {
    }

    @OpenApiDescription("The status and body POST /api/v1/plans gives this request alone: 200 a plan (or none found in"
            + " time), 400 invalid_request (field paths as in a single request), 404 not_found, 413 too_large (its inline"
            + " catalog), 422 infeasible or unschedulable, 503 busy (its turn came after the request timeout), 500.")
    public record PlanBatchResult(
            @OpenApiRequired @OpenApiExample("200") Integer status,
            @OpenApiRequired @OneOf({PlanSchemas.PlanResponse.class, ErrorSchemas.Error.class}) Object body) {
    }
}

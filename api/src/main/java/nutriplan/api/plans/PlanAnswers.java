package nutriplan.api.plans;

import java.util.Objects;

import nutriplan.api.json.JsonAnswer;
import nutriplan.api.metrics.Metrics;
import nutriplan.planner.schedule.UnschedulableException;

/**
 * The answer to one plan request that has been read: a plan (200), none found in time (200), or why none exists
 * (422). {@code POST /api/v1/plans} and each request of a batch answer through here, so a batch says exactly what
 * single calls say; only where the solve runs differs. A request that cannot be scheduled throws
 * {@link UnschedulableException}, which the error table answers (422 unschedulable) for both.
 */
final class PlanAnswers {

    private final PlanService service;
    private final Metrics metrics;

    PlanAnswers(PlanService service, Metrics metrics) {
        this.service = Objects.requireNonNull(service, "service");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The status and body of a planned request. */
    static JsonAnswer answer(PlanService.Planned planned) {
        return new JsonAnswer(PlanResponseJson.httpStatus(planned.result()), PlanResponseJson.write(planned));
    }

    /** Plans (and schedules) in no more than {@code millisLeft}, and counts the solve by engine and outcome. */
    PlanService.Planned solve(PlanRequestJson.Scheduled asked, long millisLeft) {
        long start = System.nanoTime();
        try {
            var planned = service.plan(asked, millisLeft);
            metrics.recordSolve(planned.result().solver(), planned.result().status().name(), System.nanoTime() - start);
            return planned;
        } catch (UnschedulableException e) {
            metrics.recordSolve(asked.plan().solver().jsonName(), "unschedulable", System.nanoTime() - start);
            throw e;
        } catch (RuntimeException e) {
            metrics.recordSolve(asked.plan().solver().jsonName(), "error", System.nanoTime() - start);
            throw e;
        }
    }
}

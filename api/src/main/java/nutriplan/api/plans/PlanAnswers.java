package nutriplan.api.plans;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.json.JsonAnswer;
import nutriplan.api.metrics.Metrics;
import nutriplan.api.targets.NeedsJson;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.schedule.Scheduler;

/**
 * The answer to one plan request that has been read: a plan (200), none found in time (200), why none exists (422),
 * or why it cannot be scheduled (422 unschedulable). {@code POST /api/v1/plans} and each request of a batch answer
 * through here, so a batch says exactly what single calls say; only where the solve runs differs.
 */
final class PlanAnswers {

    private final PlanService service;
    private final Metrics metrics;
    private final Scheduler scheduler = new Scheduler();

    PlanAnswers(PlanService service, Metrics metrics) {
        this.service = Objects.requireNonNull(service, "service");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * @param solver solves a request: on a solver of the pool, through {@link #solve} within what is left of the
     *               request's time
     */
    JsonAnswer answer(PlanRequestJson.Scheduled scheduled, Function<PlanRequest, PlanResult> solver) {
        var limits = scheduled.schedule();
        if (limits == null) {
            var request = scheduled.plan();
            var result = solver.apply(request);
            return new JsonAnswer(PlanResponseJson.httpStatus(result), withNeeds(PlanResponseJson.write(result, request), scheduled));
        }
        var unreachable = limits.unreachable(scheduled.plan());
        if (!unreachable.isEmpty()) {
            return new JsonAnswer(422, unschedulable(unreachable));
        }
        // The planner takes the hourly limits into account: the session's totals are capped at limit × hours.
        var request = limits.capped(scheduled.plan());
        var result = solver.apply(request);
        var body = withNeeds(PlanResponseJson.write(result, request), scheduled);
        if (result.plan() != null) {
            var schedule = scheduler.schedule(result.plan(), limits, request.timeLimitMs());
            if (!schedule.isFeasible()) {
                return new JsonAnswer(422, unschedulable(schedule.broken()));
            }
            body.set("schedule", ScheduleJson.slots(schedule));
            body.set("scheduleInfo", ScheduleJson.info(schedule, scheduled.assumedCarb(), scheduled.assumedFluid()));
        }
        return new JsonAnswer(PlanResponseJson.httpStatus(result), body);
    }

    /** Plans with the engine the request names, in no more than {@code millisLeft} when that is less than its timeLimitMs. */
    PlanResult solve(PlanRequest request, long millisLeft) {
        var bounded = request.withTimeLimitMs(Math.min(request.timeLimitMs(), millisLeft));
        long start = System.nanoTime();
        try {
            var result = service.plan(bounded);
            metrics.recordSolve(result.solver(), result.status().name(), System.nanoTime() - start);
            return result;
        } catch (RuntimeException e) {
            metrics.recordSolve(bounded.solver().jsonName(), "error", System.nanoTime() - start);
            throw e;
        }
    }

    /** A plan made from a workout carries what the workout needs: its targets, their reasons and the safety block. */
    private static ObjectNode withNeeds(ObjectNode body, PlanRequestJson.Scheduled scheduled) {
        if (scheduled.needs() != null) {
            body.set("needs", NeedsJson.write(scheduled.needs()));
        }
        return body;
    }

    /** 422 unschedulable: the plan cannot be spread over the session within its hard rules; each rule and by how much. */
    private static ObjectNode unschedulable(List<String> reasons) {
        var body = JsonNodeFactory.instance.objectNode();
        body.put("error", "unschedulable");
        body.put("message", "the plan cannot be scheduled over the session within the hourly limits");
        var details = body.putArray("details");
        reasons.forEach(reason -> details.addObject().put("field", "schedule").put("message", reason));
        return body;
    }
}

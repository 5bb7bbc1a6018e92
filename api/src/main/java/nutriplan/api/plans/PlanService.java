package nutriplan.api.plans;

import java.util.Objects;

import nutriplan.needs.Needs;
import nutriplan.planner.Planner;
import nutriplan.planner.auto.AutoPlanner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.schedule.Scheduler;
import nutriplan.planner.schedule.SessionPlanner;
import nutriplan.planner.schedule.UnschedulableException;
import nutriplan.planner.timefold.TimefoldPlanner;

/** Picks the engine a request asks for and plans with it; the one service behind the command line and the HTTP handler. */
public final class PlanService {

    private final Planner exact;
    private final Planner local;
    private final Planner auto;
    private final SessionPlanner sessions = new SessionPlanner(new Scheduler());

    public PlanService() {
        this(new ChocoPlanner(), new TimefoldPlanner());
    }

    private PlanService(ChocoPlanner exact, TimefoldPlanner local) {
        this(exact, local, new AutoPlanner(exact, local, AutoPlanner.Rule.MEASURED));
    }

    /** One planner for every engine a request may name; tests pass a slow or counting one. */
    public PlanService(Planner planner) {
        this(planner, planner, planner);
    }

    PlanService(Planner exact, Planner local, Planner auto) {
        this.exact = Objects.requireNonNull(exact, "exact");
        this.local = Objects.requireNonNull(local, "local");
        this.auto = Objects.requireNonNull(auto, "auto");
    }

    /** Plans the request with the engine it names: {@code auto} (the default) chooses per request. */
    public PlanResult plan(PlanRequest request) {
        return switch (request.solver()) {
            case AUTO -> auto.plan(request);
            case CHOCO -> exact.plan(request);
            case TIMEFOLD -> local.plan(request);
        };
    }

    /**
     * What a plan request asks for: a plan, and when it names a session and {@code schedule}, the plan's intake
     * schedule too (the planner then keeps within the session's hourly limits).
     *
     * @param millisLeft what is left of the request's time in all; each solve keeps to the request's time limit too
     * @throws UnschedulableException when no plan can be spread over the session within the hard rules (422)
     */
    public Planned plan(PlanRequestJson.Scheduled asked, long millisLeft) {
        var request = asked.plan();
        if (asked.schedule() == null) {
            return new Planned(plan(request.withTimeLimitMs(Math.min(request.timeLimitMs(), millisLeft))), request, null,
                    asked.needs());
        }
        // A workout's targets are nutriplan's own planning ranges, which the schedule may narrow for whole servings.
        var outcome = sessions.plan(request, asked.schedule(), this::plan, millisLeft, asked.needs() != null);
        return new Planned(outcome.result(), outcome.planned(), new Planned.Scheduled(outcome, asked.assumedCarb(),
                asked.assumedFluid()), asked.needs());
    }

    /**
     * A planner's answer, the request as planned, and the schedule when one was asked for and a plan exists.
     *
     * @param request  as planned: for a session, its carbohydrate and fluid capped to the hours
     * @param schedule null unless a schedule was asked for
     * @param needs    what the request's workout needs; null for a request with targets
     */
    public record Planned(PlanResult result, PlanRequest request, Scheduled schedule, Needs needs) {

        /** The session's outcome, and which of its limits were defaults rather than the caller's. */
        public record Scheduled(SessionPlanner.Outcome outcome, boolean assumedCarb, boolean assumedFluid) {
        }
    }
}

package nutriplan.api.plans;

import java.util.Objects;

import nutriplan.planner.Planner;
import nutriplan.planner.auto.AutoPlanner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.timefold.TimefoldPlanner;

/** Picks the engine a request asks for and plans with it; the one service behind the command line and the HTTP handler. */
public final class PlanService {

    private final Planner exact;
    private final Planner local;
    private final Planner auto;

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
}

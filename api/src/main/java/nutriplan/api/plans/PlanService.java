package nutriplan.api.plans;

import java.util.Objects;

import nutriplan.catalog.json.InvalidInputException;
import nutriplan.planner.Planner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.request.PlanRequest;

/** Picks the engine a request asks for and plans with it; the one service behind the command line and the HTTP handler. */
public final class PlanService {

    private final Planner exact;

    public PlanService() {
        this(new ChocoPlanner());
    }

    /** A service over this exact engine; tests pass a slow or counting one. */
    public PlanService(Planner exact) {
        this.exact = Objects.requireNonNull(exact, "exact");
    }

    /**
     * Plans the request.
     *
     * @throws InvalidInputException naming {@code solver} when the request asks for an engine this build lacks
     */
    public PlanResult plan(PlanRequest request) {
        return switch (request.solver()) {
            // Until Timefold exists there is nothing to choose between: auto is the exact engine.
            case AUTO, CHOCO -> exact.plan(request);
            case TIMEFOLD -> throw InvalidInputException.of("solver",
                    "\"timefold\" is not available yet in this version; use \"auto\" or \"choco\"");
        };
    }
}

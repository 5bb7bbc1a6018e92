package nutriplan.planner.timefold;

import java.util.List;

import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.ProblemBuilder;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.timefold.domain.ServingsPlan;

/** The Timefold model of a request as the engine builds it, for tests of its parts (the moves, say). */
public final class TimefoldModels {

    private TimefoldModels() {
    }

    /**
     * The working plan of a request's candidates with the engine's caps and candidate lists, every product at its
     * lower bound (0, or 1 when required). Over the whole candidate set: meant for small requests.
     */
    public static ServingsPlan atLowerBounds(PlanRequest request) {
        var problem = ProblemBuilder.withUsefulCaps(ProblemBuilder.build(request));
        var relaxation = LagrangianBound.compute(problem, problem.costs(), problem.fixedCosts(), Double.POSITIVE_INFINITY);
        var working = ServingsPlans.working(problem, relaxation, null);
        return ServingsPlans.of(working, working.problem().lower(), List.of());
    }
}

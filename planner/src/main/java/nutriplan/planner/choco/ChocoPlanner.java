package nutriplan.planner.choco;

import java.util.ArrayList;
import java.util.List;

import nutriplan.planner.Planner;
import nutriplan.planner.choco.ChocoModel.Extra;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.plan.Warnings;
import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.Problem;
import nutriplan.planner.problem.ProblemBuilder;
import nutriplan.planner.request.PlanRequest;

/**
 * The exact engine: proves the smallest plan optimal when time allows, and explains infeasibility.
 * Thread-safe: every call builds its own models.
 */
public final class ChocoPlanner implements Planner {

    public static final String NAME = "choco";

    /** The least time given to the reported bound's ascent. */
    private static final long BOUND_LEAST_NANOS = 2_000_000;

    /** The share of the time limit kept for the best plan when alternatives are asked for. */
    private static final double MAIN_SHARE_WITH_ALTERNATIVES = 0.5;

    @Override
    public PlanResult plan(PlanRequest request) {
        long start = System.nanoTime();
        var problem = ProblemBuilder.build(request);
        var missing = Explainer.missingRequired(request, problem);
        if (!missing.isEmpty()) {
            return infeasible(request, problem, start);
        }
        long mainBudget = request.alternatives() == 0 ? request.timeLimitMs()
                : (long) (request.timeLimitMs() * MAIN_SHARE_WITH_ALTERNATIVES);
        var searched = ProblemBuilder.withUsefulCaps(problem);
        var search = new Lexicographic(searched, request.alternatives());
        var main = search.solve(Extra.NONE, mainBudget);
        if (main.servings() == null) {
            return main.proven() ? infeasible(request, problem, start)
                    : result(request, PlanStatus.UNKNOWN, null, Double.NaN, LagrangianBound.requestBound(problem, deadline(request, start)), List.of(), start);
        }
        var plan = checked(request, searched.plan(main.servings()));
        var alternatives = alternatives(request, searched, search, main.servings(), start);
        double value = plan.value(request.objective());
        var status = main.proven() ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE;
        double bound = main.proven() ? value : Math.min(value, LagrangianBound.requestBound(problem, deadline(request, start)));
        return result(request, status, plan, value, bound, alternatives, start);
    }

    private static List<Plan> alternatives(PlanRequest request, Problem problem, Lexicographic search, int[] best,
                                           long start) {
        var plans = new ArrayList<Plan>();
        var extra = Extra.NONE.withExcluded(Lexicographic.productSet(best));
        for (int k = 0; k < request.alternatives(); k++) {
            long left = request.timeLimitMs() - elapsedMs(start);
            if (left <= 5) {
                break;
            }
            var next = search.solve(extra, left / (request.alternatives() - k));
            if (next.servings() == null) {
                break;
            }
            plans.add(checked(request, problem.plan(next.servings())));
            extra = extra.withExcluded(Lexicographic.productSet(next.servings()));
        }
        return plans;
    }

    private static PlanResult infeasible(PlanRequest request, Problem problem, long start) {
        var explanation = Explainer.explain(request, problem, request.timeLimitMs() - elapsedMs(start));
        return new PlanResult(PlanStatus.INFEASIBLE, NAME, request.objective(), Double.NaN, Double.NaN, null, List.of(),
                List.of(), elapsedMs(start), explanation);
    }

    private static PlanResult result(PlanRequest request, PlanStatus status, Plan plan, double value, double bound,
                                     List<Plan> alternatives, long start) {
        return new PlanResult(status, NAME, request.objective(), value, bound, plan, alternatives,
                Warnings.of(request, plan, alternatives), elapsedMs(start), null);
    }

    /** The last line of defence: a plan that breaks a bound is never returned. */
    private static Plan checked(PlanRequest request, Plan plan) {
        var violations = plan.violations(request);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("internal error: the planner produced a plan that breaks " + violations);
        }
        return plan;
    }

    /**
     * When the reported bound's ascent must stop: the time limit, but never less than a couple of milliseconds from
     * now — past the limit it would stop at once and report 0, where a few steps give a bound worth reporting.
     */
    private static long deadline(PlanRequest request, long startNanos) {
        return Math.max(startNanos + request.timeLimitMs() * 1_000_000, System.nanoTime() + BOUND_LEAST_NANOS);
    }

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

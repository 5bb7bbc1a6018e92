package nutriplan.planner.choco;

import java.util.ArrayList;
import java.util.List;

import nutriplan.planner.Elapsed;
import nutriplan.planner.Planner;
import nutriplan.planner.choco.ChocoModel.Extra;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.plan.Warnings;
import nutriplan.planner.plan.Infeasibility;
import nutriplan.planner.problem.Greedy;
import nutriplan.planner.problem.IntegerProgram;
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

    /**
     * The work of a millisecond, in the units the exact engine counts its work in (about a nanosecond of one core of
     * the machine the rates were measured on; see {@code WorkBudget}): what a caller budgets work with.
     */
    public static final long WORK_PER_MS = 1_000_000;

    /** The least time given to the reported bound's ascent. */
    private static final long BOUND_LEAST_NANOS = 2_000_000;

    /** The share of the time limit kept for the best plan when alternatives are asked for. */
    private static final double MAIN_SHARE_WITH_ALTERNATIVES = 0.5;

    @Override
    public PlanResult plan(PlanRequest request) {
        return plan(request, request.timeLimitMs());
    }

    /** Searches within {@code searchMs}; an explanation's work follows the request's limit (see {@link Planner}). */
    @Override
    public PlanResult plan(PlanRequest asked, long searchMs) {
        return plan(asked, searchMs, Long.MAX_VALUE);
    }

    /**
     * Searches with at most {@code work} units ({@link #WORK_PER_MS}) for the objective of the best plan and its
     * alternatives, {@code searchMs} being the safety net: the same request then stops at the same point (proven, or
     * with the same best plan) whatever the machine's speed. The tie-breaks and the explanation have their own fixed
     * work, as ever.
     */
    @Override
    public PlanResult plan(PlanRequest asked, long searchMs, long work) {
        long start = System.nanoTime();
        var request = asked.withTimeLimitMs(searchMs);
        var problem = ProblemBuilder.build(request);
        var missing = Explainer.missingRequired(request, problem);
        if (!missing.isEmpty()) {
            return infeasible(asked, problem, start);
        }
        long mainBudget = request.alternatives() == 0 ? request.timeLimitMs()
                : (long) (request.timeLimitMs() * MAIN_SHARE_WITH_ALTERNATIVES);
        var searched = ProblemBuilder.withUsefulCaps(problem);
        var search = new ExactSearch(searched, request.alternatives());
        var mainWork = new WorkBudget(request.alternatives() == 0 ? work : (long) (work * MAIN_SHARE_WITH_ALTERNATIVES));
        var main = search.solve(Extra.NONE, mainBudget, mainWork);
        if (main.servings() == null) {
            return main.proven() ? infeasible(asked, problem, start)
                    : PlanResult.unknown(NAME, request.objective(), bound(request, problem, search, start), List.of(),
                            Elapsed.ms(start));
        }
        var plan = checked(request, searched.plan(main.servings()));
        var alternatives = alternatives(request, searched, search, main.servings(), start,
                new WorkBudget(work - mainWork.spent()));
        double value = plan.value(request.objective());
        var status = main.proven() ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE;
        double bound = main.proven() ? value : Math.min(value, bound(request, problem, search, start));
        return PlanResult.found(status, NAME, request.objective(), plan, value, bound, alternatives,
                Warnings.of(request, plan, alternatives), Elapsed.ms(start));
    }

    /**
     * Why no plan meets a request that an engine has proven infeasible, within about {@code budgetMs}: the reach of
     * each targeted nutrient, and a smallest conflicting set of targets and limits with the exact relaxation of each.
     */
    public static Infeasibility explain(PlanRequest request, long budgetMs) {
        return Explainer.explain(request, ProblemBuilder.build(request), budgetMs);
    }

    /**
     * Whether the request is proven infeasible without a search: a required product that cannot appear, or an
     * infeasible exact relaxation. Any engine can ask, so that every engine gives the same verdict where one is cheap.
     * A request with a greedy plan never pays for the simplex.
     */
    public static boolean provenInfeasibleAtOnce(PlanRequest request) {
        var problem = ProblemBuilder.build(request);
        if (!Explainer.missingRequired(request, problem).isEmpty()) {
            return true;
        }
        return Greedy.solve(problem) == null && ExactSearch.rootVerdict(IntegerProgram.of(problem)).infeasible();
    }

    /**
     * The best lower bound known on the objective, in the request's units: the exact relaxation's when the search
     * solved it, or the ascent's, whichever is higher.
     */
    private static double bound(PlanRequest request, Problem problem, ExactSearch search, long start) {
        double ascent = LagrangianBound.requestBound(problem, deadline(request, start));
        return Math.max(ascent, search.provenLowest());
    }

    /** The alternatives, each searching with an equal share of what is left of the time and of {@code work}. */
    private static List<Plan> alternatives(PlanRequest request, Problem problem, ExactSearch search, int[] best,
                                           long start, WorkBudget work) {
        var plans = new ArrayList<Plan>();
        var extra = Extra.NONE.withExcluded(ExactSearch.productSet(best));
        for (int k = 0; k < request.alternatives(); k++) {
            long left = request.timeLimitMs() - Elapsed.ms(start);
            if (left <= 5) {
                break;
            }
            var share = new WorkBudget(work.left() / (request.alternatives() - k));
            var next = search.solve(extra, left / (request.alternatives() - k), share);
            work.spend(share.spent());
            if (next.servings() == null) {
                break;
            }
            plans.add(checked(request, problem.plan(next.servings())));
            extra = extra.withExcluded(ExactSearch.productSet(next.servings()));
        }
        return plans;
    }

    private static PlanResult infeasible(PlanRequest request, Problem problem, long start) {
        var explanation = Explainer.explain(request, problem, request.timeLimitMs() - Elapsed.ms(start));
        return PlanResult.infeasible(NAME, request.objective(), explanation, Elapsed.ms(start));
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
}

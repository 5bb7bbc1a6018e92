package nutriplan.planner.choco;

import java.util.HashSet;
import java.util.Set;

import nutriplan.planner.choco.ChocoModel.Extra;
import nutriplan.planner.choco.ChocoModel.Goal;
import nutriplan.planner.problem.Greedy;
import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.Problem;

/**
 * The best plan under API.md's order: the objective first, then fewer distinct products, then smaller
 * overshoot. Each level is its own solve with the levels before it fixed, so a lower level can never
 * trade against a higher one (a weighted sum could).
 */
final class Lexicographic {

    /** Share of a search's budget for proving the objective; the tie-break gets the rest. */
    private static final double OBJECTIVE_SHARE = 0.7;

    /**
     * @param servings  the best plan found, or null
     * @param proven    true when the objective is proven optimal (or, without a plan, proven infeasible)
     */
    record Result(int[] servings, boolean proven) {
    }

    private Lexicographic() {
    }

    static Result solve(Problem problem, Extra extra, long budgetMs) {
        long start = System.nanoTime();
        var incumbent = extra.excludedProductSets().isEmpty() ? Greedy.solve(problem) : null;
        long incumbentGoal = incumbent == null ? -1 : ChocoModel.scaledObjective(problem, incumbent);
        var bound = boundFor(problem, Goal.OBJECTIVE, incumbentGoal);
        var first = ChocoModel.build(problem, Goal.OBJECTIVE, extra, incumbentGoal)
                .configureSearch(bound)
                .solve(remaining(start, budgetMs * OBJECTIVE_SHARE));
        if (first.best() == null) {
            // Only a rounding corner case leaves the greedy plan unfound: keep it, unproven.
            return new Result(incumbent, first.complete() && incumbent == null);
        }
        // Fix the proven (or best found) objective value, then break ties in one more solve.
        var best = first.best();
        long tieBreakGoal = tieBreakGoal(problem, best);
        var tieBreak = ChocoModel.build(problem, Goal.TIE_BREAK, atMost(extra, first.bestGoal()), tieBreakGoal)
                .configureSearch(boundFor(problem, Goal.TIE_BREAK, tieBreakGoal))
                .solve(remaining(start, budgetMs));
        if (tieBreak.best() != null) {
            best = tieBreak.best();
        }
        return new Result(best, first.complete());
    }

    /** The relaxation bound of a goal; {@code upperBound} (a known plan's goal value, or −1) guides its ascent. */
    private static LagrangianBound boundFor(Problem problem, Goal goal, long upperBound) {
        return LagrangianBound.compute(problem,
                toDoubles(ChocoModel.perServingCoefficients(problem, goal)),
                filled(problem.size(), ChocoModel.fixedCoefficient(problem, goal)),
                upperBound < 0 ? Double.POSITIVE_INFINITY : upperBound);
    }

    static Set<Integer> productSet(int[] servings) {
        var set = new HashSet<Integer>();
        for (int i = 0; i < servings.length; i++) {
            if (servings[i] > 0) {
                set.add(i);
            }
        }
        return set;
    }

    private static Extra atMost(Extra extra, long objectiveAtMost) {
        return new Extra(objectiveAtMost, -1, extra.excludedProductSets());
    }

    private static long tieBreakGoal(Problem problem, int[] servings) {
        var coefficients = ChocoModel.perServingCoefficients(problem, Goal.TIE_BREAK);
        long value = 0;
        for (int i = 0; i < servings.length; i++) {
            value += coefficients[i] * servings[i] + (servings[i] > 0 ? ChocoModel.tieBreakProduct(problem) : 0);
        }
        return value;
    }

    private static long remaining(long startNanos, double untilMs) {
        return Math.max(1, (long) untilMs - (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static double[] toDoubles(long[] values) {
        var doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    private static double[] filled(int n, double value) {
        var values = new double[n];
        java.util.Arrays.fill(values, value);
        return values;
    }
}

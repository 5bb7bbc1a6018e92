package nutriplan.planner.timefold;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nutriplan.planner.problem.IntegerRows;
import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.Problem;
import nutriplan.planner.problem.Scaling;
import nutriplan.planner.timefold.domain.CandidateLists;
import nutriplan.planner.timefold.domain.EarlierPlan;
import nutriplan.planner.timefold.domain.NutrientRow;
import nutriplan.planner.timefold.domain.PlanLimits;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;

/** Turns a {@link Problem} into Timefold's planning solution: the same integer rows and objective as Choco's model. */
final class ServingsPlans {

    /** How many candidates each list of {@link CandidateLists} keeps. */
    static final int LIST_SIZE = 256;

    private ServingsPlans() {
    }

    /**
     * @param servings the starting servings of every candidate (each within its range)
     * @param bound    the relaxation's multipliers, to rank candidates by reduced cost; null ranks by cost alone
     */
    static ServingsPlan of(Problem problem, int[] servings, LagrangianBound bound, List<Set<Integer>> earlierPlans) {
        var integerRows = IntegerRows.of(problem);
        var rows = new ArrayList<NutrientRow>();
        for (int t = 0; t < problem.targets().size(); t++) {
            var target = problem.targets().get(t);
            rows.add(new NutrientRow(t, target.nutrient(), target.hasMin(), integerRows.minRight()[t], target.hasMax(),
                    integerRows.maxRight()[t], Scaling.amountScale(problem, t)));
        }
        var costs = objectiveCoefficients(problem);
        long fixed = fixedCoefficient(problem);
        var entities = new ArrayList<ProductServings>(problem.size());
        for (int i = 0; i < problem.size(); i++) {
            entities.add(new ProductServings(i, problem.products().get(i), problem.lower()[i], problem.upper()[i],
                    column(integerRows.minCoefficients(), i), column(integerRows.maxCoefficients(), i), costs[i], fixed,
                    servings[i]));
        }
        var earlier = new ArrayList<EarlierPlan>();
        for (int k = 0; k < earlierPlans.size(); k++) {
            earlier.add(new EarlierPlan(k, earlierPlans.get(k)));
        }
        var limits = new PlanLimits(problem.maxServings(), problem.maxProducts());
        return new ServingsPlan(rows, limits, earlier, entities, candidateLists(problem, integerRows, costs, fixed, bound));
    }

    /** The objective's integer cost per serving, as the exact engine scales it. */
    static long[] objectiveCoefficients(Problem problem) {
        double scale = Scaling.objectiveScale(problem);
        var costs = new long[problem.size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = Scaling.nearest(problem.costs()[i], scale);
        }
        return costs;
    }

    static long fixedCoefficient(Problem problem) {
        return problem.fixedCosts().length > 0 && problem.fixedCosts()[0] > 0 ? 1 : 0;
    }

    /** The objective in the score's integer units. */
    static long scaledObjective(Problem problem, int[] servings) {
        var costs = objectiveCoefficients(problem);
        long fixed = fixedCoefficient(problem);
        long value = 0;
        for (int i = 0; i < servings.length; i++) {
            value += servings[i] > 0 ? costs[i] * servings[i] + fixed : 0;
        }
        return value;
    }

    private static long[] column(int[][] coefficients, int i) {
        var column = new long[coefficients.length];
        for (int t = 0; t < coefficients.length; t++) {
            column[t] = coefficients[t] == null ? 0 : coefficients[t][i];
        }
        return column;
    }

    private static CandidateLists candidateLists(Problem problem, IntegerRows rows, long[] costs, long fixed,
                                                 LagrangianBound bound) {
        int n = problem.size();
        var reducedCost = new double[n];
        for (int i = 0; i < n; i++) {
            // Lowest first: negate for the top-k of the largest.
            reducedCost[i] = -(bound != null ? bound.reducedCost(i) + bound.fixedCost(i) / Math.max(1, problem.upper()[i])
                    : costs[i] + fixed);
        }
        var richIn = new int[rows.targets()][];
        for (int t = 0; t < rows.targets(); t++) {
            if (rows.minCoefficients()[t] == null) {
                richIn[t] = new int[0];
                continue;
            }
            var perCost = new double[n];
            for (int i = 0; i < n; i++) {
                perCost[i] = rows.minCoefficients()[t][i] / (double) Math.max(costs[i] + fixed, 1);
            }
            richIn[t] = TopK.largest(perCost, LIST_SIZE, true);
        }
        // Share of every minimum covered at the cap; among equals, fewer servings to get there first.
        var coverage = new double[n];
        var needed = new double[n];
        for (int t = 0; t < rows.targets(); t++) {
            if (rows.minCoefficients()[t] != null && rows.minRight()[t] > 0) {
                for (int i = 0; i < n; i++) {
                    double amount = rows.minCoefficients()[t][i];
                    coverage[i] += Math.min(1, amount * problem.upper()[i] / rows.minRight()[t]);
                    needed[i] = Math.max(needed[i], amount > 0 ? Math.min(problem.upper()[i],
                            Math.ceil(rows.minRight()[t] / amount)) : problem.upper()[i]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            coverage[i] = coverage[i] > 0 ? coverage[i] * 1e5 - needed[i] : 0;
        }
        var prices = new double[rows.targets()];
        double objectiveScale = Scaling.objectiveScale(problem);
        for (int t = 0; t < prices.length && bound != null; t++) {
            prices[t] = bound.minPrice(t) * objectiveScale / Scaling.amountScale(problem, t);
        }
        return new CandidateLists(TopK.largest(reducedCost, LIST_SIZE, false), TopK.largest(coverage, LIST_SIZE, true),
                richIn, prices);
    }
}

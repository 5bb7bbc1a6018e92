package nutriplan.planner.problem;

import nutriplan.planner.request.Objective;

/**
 * The request's objective in the exact engines' integer units (whole servings or products, 0.01 g, 0.0001 of the
 * currency, coarser only for huge catalogs; see {@link Scaling#objectiveScale}): Σᵢ perServingᵢ·xᵢ + perProduct·(products
 * used). Derived here once, for the Choco model, its linear relaxation and the Timefold score alike.
 */
public final class ScaledObjective {

    private ScaledObjective() {
    }

    /** The integer cost of one serving of each candidate. */
    public static long[] perServing(Problem problem) {
        double scale = Scaling.objectiveScale(problem);
        var costs = new long[problem.size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = Scaling.nearest(problem.costs()[i], scale);
        }
        return costs;
    }

    /** The integer cost of using a candidate at all: 1 for the products objective, else 0. */
    public static long perProduct(Problem problem) {
        return problem.objective() == Objective.PRODUCTS ? 1 : 0;
    }

    /** A plan's objective in these units. */
    public static long of(Problem problem, int[] servings) {
        return IntegerProgram.sum(perServing(problem), perProduct(problem), servings);
    }
}

package nutriplan.planner.problem;

import nutriplan.catalog.nutrient.Nutrient;

/**
 * The targets of a {@link Problem} as the integer rows every exact search here decides: per target, the min
 * row Σᵢ minCoefficients·xᵢ ≥ minRight and the max row Σᵢ maxCoefficients·xᵢ ≤ maxRight, scaled soundly by
 * {@link Scaling}. A row that the target does not have is null. With a concentration limit, one more row
 * Σᵢ concentration·xᵢ ≤ 0 whose coefficients have both signs ({@link Scaling#concentrationCoefficient}); null
 * without one. Computed once, shared by the Choco model, its small-support search and the Timefold score, so all
 * decide exactly the same question.
 *
 * @param concentrationScale the concentration row's units per gram of carbohydrate (0 without the row)
 */
public record IntegerRows(int[][] minCoefficients, long[] minRight, int[][] maxCoefficients, long[] maxRight,
                          int[] concentration, double concentrationScale) {

    /** The request field the concentration row comes from, for explanations and {@link IntegerProgram.Row#field}. */
    public static final String CONCENTRATION_FIELD = "concentration.max";

    public static IntegerRows of(Problem problem) {
        int targets = problem.targets().size();
        var minCoefficients = new int[targets][];
        var minRight = new long[targets];
        var maxCoefficients = new int[targets][];
        var maxRight = new long[targets];
        for (int t = 0; t < targets; t++) {
            var target = problem.targets().get(t);
            double scale = Scaling.amountScale(problem, t);
            if (target.hasMin()) {
                minCoefficients[t] = scaledAmounts(problem, t, false);
                minRight[t] = Scaling.up(target.min(), scale);
            }
            if (target.hasMax()) {
                maxCoefficients[t] = scaledAmounts(problem, t, true);
                maxRight[t] = Scaling.down(target.max(), scale);
            }
        }
        int[] concentration = null;
        double concentrationScale = 0;
        var real = problem.concentration();
        if (real != null) {
            concentrationScale = Scaling.concentrationScale(problem, real);
            concentration = concentrationCoefficients(problem, concentrationScale);
        }
        return new IntegerRows(minCoefficients, minRight, maxCoefficients, maxRight, concentration, concentrationScale);
    }

    public int targets() {
        return minRight.length;
    }

    public boolean hasConcentration() {
        return concentration != null;
    }

    /** Target t's amounts per serving, scaled down (what a min surely gets) or up (what a max surely takes). */
    public static int[] scaledAmounts(Problem problem, int t, boolean up) {
        var amounts = problem.amounts()[t];
        double scale = Scaling.amountScale(problem, t);
        var scaled = new int[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            scaled[i] = up ? Scaling.up(amounts[i], scale) : Scaling.down(amounts[i], scale);
        }
        return scaled;
    }

    /** Each candidate's coefficient in the concentration row at this scale (the request must have a limit). */
    private static int[] concentrationCoefficients(Problem problem, double scale) {
        double gramsPerLitre = problem.request().concentration().maxGramsPerLitre();
        var coefficients = new int[problem.size()];
        for (int i = 0; i < coefficients.length; i++) {
            var product = problem.products().get(i);
            coefficients[i] = Scaling.concentrationCoefficient(product.amount(Nutrient.CARBOHYDRATE),
                    product.amount(Nutrient.FLUID), gramsPerLitre, scale);
        }
        return coefficients;
    }
}

package nutriplan.planner.problem;

/**
 * The targets of a {@link Problem} as the integer rows every exact search here decides: per target, the min
 * row Σᵢ minCoefficients·xᵢ ≥ minRight and the max row Σᵢ maxCoefficients·xᵢ ≤ maxRight, scaled soundly by
 * {@link Scaling}. A row that the target does not have is null. Computed once, shared by the Choco model, its
 * small-support search and the Timefold score, so all decide exactly the same question.
 */
public record IntegerRows(int[][] minCoefficients, long[] minRight, int[][] maxCoefficients, long[] maxRight) {

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
        return new IntegerRows(minCoefficients, minRight, maxCoefficients, maxRight);
    }

    public int targets() {
        return minRight.length;
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
}

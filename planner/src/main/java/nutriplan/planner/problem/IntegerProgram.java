package nutriplan.planner.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The integer question an exact search decides, as plain rows: minimise Σᵢ costᵢ·xᵢ + perProduct·[xᵢ &gt; 0] over
 * whole servings lowerᵢ ≤ xᵢ ≤ upperᵢ, subject to rows Σᵢ perServingᵢ·xᵢ + perProduct·[xᵢ &gt; 0] ≥ or ≤ right.
 * The target rows are {@link IntegerRows}' (rounded so that meeting them meets the real bounds), and so is the
 * concentration row, the only one whose coefficients may be negative; the limits are whole counts. Every coefficient is an integer, so a certificate over these rows can be checked exactly
 * ({@link LinearRelaxation}).
 *
 * @param cost       the goal's integer cost of one serving of each candidate
 * @param perProduct the goal's integer cost of using a candidate at all
 */
public record IntegerProgram(long[] cost, long perProduct, List<Row> rows, int[] lower, int[] upper) {

    /**
     * One row. {@code field} names the request field it comes from ("targets.sodium.max", "limits.maxServings",
     * "concentration.max"), or is null for a row a search adds (the objective held at its optimum while breaking
     * ties).
     */
    public record Row(long[] perServing, long perProduct, boolean atLeast, long right, String field) {

        /** The row's left-hand side for these servings. */
        public long value(int[] servings) {
            return sum(perServing, perProduct, servings);
        }
    }

    public IntegerProgram {
        rows = List.copyOf(rows);
    }

    /** The request's targets and limits, with the given goal. */
    public static IntegerProgram of(Problem problem, long[] cost, long perProduct) {
        var rows = new ArrayList<Row>();
        var integerRows = IntegerRows.of(problem);
        var targets = problem.targets();
        for (int t = 0; t < targets.size(); t++) {
            String nutrient = targets.get(t).nutrient().jsonName();
            if (integerRows.minCoefficients()[t] != null) {
                rows.add(new Row(longs(integerRows.minCoefficients()[t]), 0, true, integerRows.minRight()[t],
                        "targets." + nutrient + ".min"));
            }
            if (integerRows.maxCoefficients()[t] != null) {
                rows.add(new Row(longs(integerRows.maxCoefficients()[t]), 0, false, integerRows.maxRight()[t],
                        "targets." + nutrient + ".max"));
            }
        }
        if (integerRows.hasConcentration()) {
            // The one row with coefficients of both signs: "≤ 0", carbohydrate against what the fluid allows.
            rows.add(new Row(longs(integerRows.concentration()), 0, false, 0, IntegerRows.CONCENTRATION_FIELD));
        }
        int n = problem.size();
        if (problem.maxServings() < Integer.MAX_VALUE) {
            var ones = new long[n];
            Arrays.fill(ones, 1);
            rows.add(new Row(ones, 0, false, problem.maxServings(), "limits.maxServings"));
        }
        if (problem.maxProducts() < Integer.MAX_VALUE) {
            rows.add(new Row(new long[n], 1, false, problem.maxProducts(), "limits.maxProducts"));
        }
        return new IntegerProgram(cost, perProduct, rows, problem.lower(), problem.upper());
    }

    /** The request's targets and limits, minimising the request's own objective. */
    public static IntegerProgram of(Problem problem) {
        return of(problem, ScaledObjective.perServing(problem), ScaledObjective.perProduct(problem));
    }

    public int size() {
        return cost.length;
    }

    /** The goal's value for these servings. */
    public long goal(int[] servings) {
        return sum(cost, perProduct, servings);
    }

    /** Σᵢ perServingᵢ·xᵢ + perProduct·[xᵢ &gt; 0]: a goal's or a row's value. */
    static long sum(long[] perServing, long perProduct, int[] servings) {
        long sum = 0;
        for (int i = 0; i < servings.length; i++) {
            sum += perServing[i] * servings[i] + (servings[i] > 0 ? perProduct : 0);
        }
        return sum;
    }


    /** The same with one more row. */
    public IntegerProgram withRow(Row row) {
        var more = new ArrayList<>(rows);
        more.add(row);
        return new IntegerProgram(cost, perProduct, more, lower, upper);
    }

    /** The same with other caps on the servings of each candidate. */
    public IntegerProgram withUpper(int[] newUpper) {
        return new IntegerProgram(cost, perProduct, rows, lower, newUpper);
    }

    /** Whether a goal or a row counts products used, so that a relaxation needs a used flag per candidate. */
    boolean countsProducts() {
        return perProduct != 0 || rows.stream().anyMatch(row -> row.perProduct() != 0);
    }


    private static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}

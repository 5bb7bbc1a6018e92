package nutriplan.planner.choco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nutriplan.planner.problem.Dominance;
import nutriplan.planner.problem.IntegerProgram;
import nutriplan.planner.problem.IntegerProgram.Row;
import nutriplan.planner.problem.LinearRelaxation;

/**
 * {@link BinarySubsets} (the search over product sets of one serving each, with its "k best" surrogate bound) and
 * {@link Dominance}, on hand-checkable programs and against enumeration of every subset of small random ones.
 */
class BinarySubsetsTest {

    private static final long NO_CAP = ExactSearch.NO_PLAN_YET;

    /**
     * Protein ≥ 40 and energy ≤ 250 with at most 2 of A (40 g, 300 kcal), B (20 g, 100 kcal), C (10 g, 50 kcal).
     * The relaxation is feasible (half of A and all of B: 40 g in 250 kcal), no plan is: A alone breaks the energy
     * cap, and without A the two best give 30 g — the k-best bound once A is left out.
     */
    @Test
    void lp_feasible_but_no_plan_is_proven_infeasible() {
        var program = program(new long[] {1, 1, 1}, 0, List.of(
                new Row(new long[] {40, 20, 10}, 0, true, 40, "targets.protein.min"),
                new Row(new long[] {300, 100, 50}, 0, false, 250, "targets.energy.max"),
                new Row(new long[3], 1, false, 2, "limits.maxProducts")));
        assertTrue(LinearRelaxation.decide(program).bounded(), "the relaxation alone does not decide it");

        var answer = BinarySubsets.least(program, 2, NO_CAP, LinearRelaxation.decide(program), Long.MAX_VALUE,
                Long.MAX_VALUE);
        assertTrue(answer.decided());
        assertNull(answer.plan());
        assertTrue(answer.nodes() <= 3, "the k-best bound closes it at once, not by enumeration: " + answer.nodes());
    }

    /** The same with the energy cap at 300: B + C gives 30 g, A alone 40 g in 300 kcal — one product is least. */
    @Test
    void the_least_objective_is_found_and_proven() {
        var program = program(new long[] {1, 1, 1}, 0, List.of(
                new Row(new long[] {40, 20, 10}, 0, true, 40, "targets.protein.min"),
                new Row(new long[] {300, 100, 50}, 0, false, 300, "targets.energy.max"),
                new Row(new long[3], 1, false, 2, "limits.maxProducts")));
        var answer = BinarySubsets.least(program, 2, NO_CAP, LinearRelaxation.decide(program), Long.MAX_VALUE,
                Long.MAX_VALUE);
        assertTrue(answer.decided());
        assertArrayEquals(new int[] {1, 0, 0}, answer.plan());
    }

    /** Out of budget: undecided, never a verdict. */
    @Test
    void an_exhausted_budget_decides_nothing() {
        var random = new Random(5);
        var program = randomProgram(random, 14, 3);
        var answer = BinarySubsets.least(program, 4, NO_CAP, LinearRelaxation.Verdict.UNDECIDED, 1, Long.MAX_VALUE);
        assertFalse(answer.decided() && answer.nodes() > 1);
    }

    /** B is dominated by A and C (less protein, more energy): with at most 2 products it may go, not with 3. */
    @Test
    void a_candidate_dominated_by_as_many_others_as_a_plan_has_products_is_left_out() {
        var program = program(new long[] {1, 1, 1}, 0, List.of(
                new Row(new long[] {40, 20, 30}, 0, true, 40, "targets.protein.min"),
                new Row(new long[] {100, 300, 200}, 0, false, 250, "targets.energy.max")));
        assertArrayEquals(new int[] {1, 0, 1}, Dominance.upper(program, 2));
        assertArrayEquals(new int[] {1, 1, 1}, Dominance.upper(program, 3));
        // Equal candidates dominate by index: of three identical ones with at most 2 products, the last goes.
        var identical = program(new long[] {1, 1, 1}, 0, List.of(
                new Row(new long[] {10, 10, 10}, 0, true, 15, "targets.protein.min")));
        assertArrayEquals(new int[] {1, 1, 0}, Dominance.upper(identical, 2));
    }

    /**
     * Random programs of 1–12 candidates, one serving each, 1–4 rows of either sense, a products limit, costs per
     * serving and per product: the search's optimum (with and without dominated candidates left out) and its
     * feasibility verdict are brute force's.
     */
    @Test
    void agrees_with_enumeration_of_every_subset() {
        int infeasible = 0;
        for (long seed = 1; seed <= 3000; seed++) {
            var random = new Random(seed);
            int n = 1 + random.nextInt(12);
            var program = randomProgram(random, n, 1 + random.nextInt(4));
            int most = 1 + random.nextInt(Math.min(n, BinarySubsets.MOST_PRODUCTS));
            program = program.withRow(new Row(new long[n], 1, false, most, "limits.maxProducts"));
            long expected = bruteForce(program, most);
            infeasible += expected < 0 ? 1 : 0;
            var root = LinearRelaxation.decide(program);
            for (var searched : List.of(program, withUpper(program, Dominance.upper(program, most)))) {
                var answer = BinarySubsets.least(searched, most, NO_CAP, root, Long.MAX_VALUE, Long.MAX_VALUE);
                assertTrue(answer.decided(), "seed " + seed);
                assertEquals(expected, answer.plan() == null ? -1 : goal(program, answer.plan()), "seed " + seed);
                if (answer.plan() != null) {
                    assertTrue(meets(program, answer.plan()), "seed " + seed + ": " + Arrays.toString(answer.plan()));
                }
                var any = BinarySubsets.any(searched, most, root, Long.MAX_VALUE, Long.MAX_VALUE);
                assertEquals(expected >= 0, any.plan() != null, "seed " + seed);
                assertTrue(any.decided(), "seed " + seed);
                if (any.plan() != null) {
                    assertTrue(meets(program, any.plan()), "seed " + seed);
                }
            }
        }
        assertTrue(infeasible > 300 && infeasible < 2700, "both verdicts are exercised: " + infeasible);
    }

    /**
     * The same with a concentration row, Σ kᵢ·xᵢ ≤ 0 with coefficients of both signs (gels above the limit, drinks
     * below): no row "only falls" any more, and the k-best surrogate and the dominance argument (which now also
     * compares kᵢ) must still keep every optimum.
     */
    @Test
    void a_signed_concentration_row_agrees_with_enumeration_of_every_subset() {
        int binding = 0;
        for (long seed = 1; seed <= 2000; seed++) {
            var random = new Random(seed);
            int n = 1 + random.nextInt(12);
            var program = randomProgram(random, n, 1 + random.nextInt(3));
            int most = 1 + random.nextInt(Math.min(n, BinarySubsets.MOST_PRODUCTS));
            program = program.withRow(new Row(new long[n], 1, false, most, "limits.maxProducts"));
            var signed = new long[n];
            for (int i = 0; i < n; i++) {
                signed[i] = (long) ((random.nextDouble() - 0.6) * 60_000);
            }
            var withRow = program.withRow(new Row(signed, 0, false, 0, "concentration.max"));
            long expected = bruteForce(withRow, most);
            binding += expected != bruteForce(program, most) ? 1 : 0;
            var root = LinearRelaxation.decide(withRow);
            for (var searched : List.of(withRow, withUpper(withRow, Dominance.upper(withRow, most)))) {
                var answer = BinarySubsets.least(searched, most, NO_CAP, root, Long.MAX_VALUE, Long.MAX_VALUE);
                assertTrue(answer.decided(), "seed " + seed);
                assertEquals(expected, answer.plan() == null ? -1 : goal(withRow, answer.plan()), "seed " + seed);
                if (answer.plan() != null) {
                    assertTrue(meets(withRow, answer.plan()), "seed " + seed + ": " + Arrays.toString(answer.plan()));
                }
                var any = BinarySubsets.any(searched, most, root, Long.MAX_VALUE, Long.MAX_VALUE);
                assertEquals(expected >= 0, any.plan() != null, "seed " + seed);
            }
        }
        assertTrue(binding > 100, "the row changes the answer often enough: " + binding);
    }

    /** A gel (k = +25) dominates nothing a drink below the limit (k = −5) does, however much more it covers. */
    @Test
    void under_a_concentration_row_a_candidate_dominates_only_with_a_coefficient_no_higher() {
        var program = program(new long[] {1, 1}, 0, List.of(
                new Row(new long[] {25, 20}, 0, true, 20, "targets.carbohydrate.min"),
                new Row(new long[] {25, -5}, 0, false, 0, "concentration.max")));
        assertArrayEquals(new int[] {1, 1}, Dominance.upper(program, 1));
        // The drink, with less carbohydrate, is not dominated by the gel; a stronger drink dominates both.
        var stronger = program(new long[] {1, 1, 1}, 0, List.of(
                new Row(new long[] {25, 20, 30}, 0, true, 20, "targets.carbohydrate.min"),
                new Row(new long[] {25, -5, -5}, 0, false, 0, "concentration.max")));
        assertArrayEquals(new int[] {0, 0, 1}, Dominance.upper(stronger, 1));
    }

    /** Rows with amounts up to 10⁶ (and some of 10⁹, mg beside mL), rights around a random subset's totals. */
    private static IntegerProgram randomProgram(Random random, int n, int rowCount) {
        var cost = new long[n];
        for (int i = 0; i < n; i++) {
            cost[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
        }
        long perProduct = random.nextInt(3) == 0 ? 1 : 0;
        var rows = new ArrayList<Row>();
        for (int r = 0; r < rowCount; r++) {
            long magnitude = random.nextInt(5) == 0 ? 1_000_000_000L : 1_000_000L;
            var amounts = new long[n];
            long subsetTotal = 0;
            for (int i = 0; i < n; i++) {
                amounts[i] = random.nextInt(5) == 0 ? 0 : (long) (random.nextDouble() * magnitude);
                subsetTotal += random.nextInt(3) == 0 ? amounts[i] : 0;
            }
            boolean atLeast = random.nextBoolean();
            long right = (long) (subsetTotal * (0.7 + 0.6 * random.nextDouble()));
            rows.add(new Row(amounts, 0, atLeast, right, atLeast ? "targets.n" + r + ".min" : "targets.n" + r + ".max"));
        }
        return program(cost, perProduct, rows);
    }

    private static IntegerProgram program(long[] cost, long perProduct, List<Row> rows) {
        int n = cost.length;
        var upper = new int[n];
        Arrays.fill(upper, 1);
        return new IntegerProgram(cost, perProduct, rows, new int[n], upper);
    }

    private static IntegerProgram withUpper(IntegerProgram program, int[] upper) {
        return new IntegerProgram(program.cost(), program.perProduct(), program.rows(), program.lower(), upper);
    }

    /** The least goal over every subset of at most {@code most} candidates that meets every row; −1 if none. */
    private static long bruteForce(IntegerProgram program, int most) {
        int n = program.size();
        long best = -1;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) > most) {
                continue;
            }
            var plan = new int[n];
            for (int i = 0; i < n; i++) {
                plan[i] = (mask >> i) & 1;
            }
            if (meets(program, plan)) {
                long goal = goal(program, plan);
                best = best < 0 ? goal : Math.min(best, goal);
            }
        }
        return best;
    }

    private static boolean meets(IntegerProgram program, int[] plan) {
        for (var row : program.rows()) {
            long total = 0;
            for (int i = 0; i < plan.length; i++) {
                total += plan[i] * row.perServing()[i] + (plan[i] > 0 ? row.perProduct() : 0);
            }
            if (row.atLeast() ? total < row.right() : total > row.right()) {
                return false;
            }
        }
        return true;
    }

    private static long goal(IntegerProgram program, int[] plan) {
        long goal = 0;
        for (int i = 0; i < plan.length; i++) {
            goal += plan[i] * program.cost()[i] + (plan[i] > 0 ? program.perProduct() : 0);
        }
        return goal;
    }
}

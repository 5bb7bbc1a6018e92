package nutriplan.planner.choco;

import java.util.function.Predicate;

import nutriplan.planner.problem.IntegerProgram;

/**
 * A better plan one swap at a time: move one serving from a product to another while every row of the program
 * still holds, the program's goal falls and the new plan is allowed; take the best such swap, and again, until none
 * helps. Before the tie-break's Choco search, whose fixed work it leaves for proving: on the meals of the decision
 * benchmark (one serving each of some 530 foods) 1,000 Choco nodes often found no lower overshoot than the
 * objective's plan, where a swap of one food for another does in microseconds.
 *
 * <p>Every check is in the program's exact integer rows, so a plan it returns meets the request as the one it was
 * given does; with the objective held as one of the rows, the objective stays proven.
 */
final class SwapDescent {

    /** Rounds of swaps at most: each costs (products in the plan) × (candidates) × (rows). */
    private static final int MOST_ROUNDS = 32;

    private SwapDescent() {
    }

    /** What one swap does: a serving from {@code from} to {@code to}, and the goal after it. */
    private record Swap(int from, int to, long goal) {
    }

    /**
     * The plan after the best swaps, each lowering the program's goal; {@code plan} itself when none does.
     *
     * @param allowed whether a plan may be returned (the alternatives' excluded product sets), asked of a swap's
     *                plan only once every row holds for it and its goal is lower
     */
    static int[] improve(IntegerProgram program, int[] plan, Predicate<int[]> allowed) {
        var servings = plan.clone();
        var sums = new long[program.rows().size()];
        for (int r = 0; r < sums.length; r++) {
            sums[r] = program.rows().get(r).value(servings);
        }
        long goal = program.goal(servings);
        for (int round = 0; round < MOST_ROUNDS; round++) {
            var swap = bestSwap(program, servings, sums, goal, allowed);
            if (swap == null) {
                break;
            }
            for (int r = 0; r < sums.length; r++) {
                sums[r] += change(program.rows().get(r), servings, swap.from(), swap.to());
            }
            servings[swap.from()]--;
            servings[swap.to()]++;
            goal = swap.goal();
        }
        return servings;
    }

    private static Swap bestSwap(IntegerProgram program, int[] servings, long[] sums, long goal,
                                 Predicate<int[]> allowed) {
        Swap best = null;
        for (int from = 0; from < servings.length; from++) {
            if (servings[from] <= program.lower()[from]) {
                continue;
            }
            for (int to = 0; to < servings.length; to++) {
                if (to == from || servings[to] >= program.upper()[to]) {
                    continue;
                }
                long after = goal + goalChange(program, servings, from, to);
                if (after < (best == null ? goal : best.goal()) && rowsHold(program, servings, sums, from, to)
                        && allowed.test(swapped(servings, from, to))) {
                    best = new Swap(from, to, after);
                }
            }
        }
        return best;
    }

    private static boolean rowsHold(IntegerProgram program, int[] servings, long[] sums, int from, int to) {
        var rows = program.rows();
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            long sum = sums[r] + change(row, servings, from, to);
            if (row.atLeast() ? sum < row.right() : sum > row.right()) {
                return false;
            }
        }
        return true;
    }

    /** How a row's value changes when a serving moves from {@code from} to {@code to}, products counted. */
    private static long change(IntegerProgram.Row row, int[] servings, int from, int to) {
        return row.perServing()[to] - row.perServing()[from] + row.perProduct() * productsChange(servings, from, to);
    }

    private static long goalChange(IntegerProgram program, int[] servings, int from, int to) {
        return program.cost()[to] - program.cost()[from] + program.perProduct() * productsChange(servings, from, to);
    }

    /** −1, 0 or +1: {@code from} may drop out of the plan, {@code to} may join it. */
    private static int productsChange(int[] servings, int from, int to) {
        return (servings[to] == 0 ? 1 : 0) - (servings[from] == 1 ? 1 : 0);
    }

    private static int[] swapped(int[] servings, int from, int to) {
        var next = servings.clone();
        next[from]--;
        next[to]++;
        return next;
    }
}

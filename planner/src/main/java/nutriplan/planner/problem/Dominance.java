package nutriplan.planner.problem;

/**
 * Leaves out candidates that enough others dominate, for a search of the least objective (or of any plan).
 *
 * <p>Candidate A dominates B when, on the integer rows an exact search decides ({@link IntegerProgram}), A gives at
 * least as much to every "≥" row, takes at most as much from every "≤" row, costs at most as much per serving and
 * allows at least as many servings — with ties broken by index, so that the relation is a strict order. Then in a
 * plan that uses B and not A, B's servings can move to A: every row still holds and the objective does not grow.
 * A plan has at most K products (maxProducts, maxServings), so in a plan using B, at most K − 1 others are used: when
 * B has K dominators, one of them is free to take its place. Repeating the swap (each moves a serving to a candidate
 * with strictly fewer dominators) ends in a plan that is no worse and uses only candidates with fewer than K
 * dominators. So leaving out the others loses no verdict and no optimum — only plans that tie with a kept one.
 *
 * <p>Not for the tie-break (a dominating candidate overshoots the minimums more) nor for alternatives (an excluded
 * product set may be the one the swap leads to): only where the least objective, or the existence of a plan, is the
 * question. Required candidates are neither left out nor counted as dominators (they are in every plan already).
 *
 * <p>On the IFCT 2017 meals (542 foods, one serving each, 2–6 foods) it leaves a third to two thirds of the foods.
 */
public final class Dominance {

    /** Above this many candidates the pairwise comparison (n² · rows) would cost more than it saves. */
    static final int MOST_CANDIDATES = 3_000;

    private Dominance() {
    }

    /**
     * The program's box with every candidate that at least {@code most} others dominate set to no serving, where a
     * plan has at most {@code most} products; the box unchanged when {@code most} leaves no room for the argument.
     */
    public static int[] upper(IntegerProgram program, int most) {
        var upper = program.upper().clone();
        int n = program.size();
        if (most <= 0 || most >= n || n > MOST_CANDIDATES) {
            return upper;
        }
        for (int b = 0; b < n; b++) {
            if (program.lower()[b] > 0 || program.upper()[b] <= 0) {
                continue;
            }
            int dominators = 0;
            for (int a = 0; a < n && dominators < most; a++) {
                if (a != b && dominates(program, a, b)) {
                    dominators++;
                }
            }
            if (dominators >= most) {
                upper[b] = 0;
            }
        }
        return upper;
    }

    /** Whether candidate a dominates candidate b (see the class comment); never both ways. */
    static boolean dominates(IntegerProgram program, int a, int b) {
        if (program.lower()[a] > 0 || program.upper()[a] < program.upper()[b] || program.cost()[a] > program.cost()[b]) {
            return false;
        }
        boolean strictly = program.cost()[a] < program.cost()[b] || program.upper()[a] > program.upper()[b];
        for (var row : program.rows()) {
            long ofA = row.perServing()[a];
            long ofB = row.perServing()[b];
            if (row.atLeast() ? ofA < ofB : ofA > ofB) {
                return false;
            }
            strictly |= ofA != ofB;
        }
        return strictly || a < b;
    }
}

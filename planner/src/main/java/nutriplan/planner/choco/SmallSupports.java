package nutriplan.planner.choco;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nutriplan.planner.choco.ChocoModel.Goal;
import nutriplan.planner.problem.Problem;

/**
 * The tie-break (fewest products, then least overshoot, with the objective held at its optimum) decided by
 * enumerating supports — the sets of products a plan uses — from the smallest up, when the best plans use
 * few products, as nearly every real plan does.
 *
 * <p>Why not Choco: the tie-break asks "is there a plan of k products within the objective?". A linear
 * relaxation sees a fraction of every product at once and bounds that question badly (on the marathon example
 * Choco needed 220,000 nodes, 3 s, to prove that no 2-product plan exists), while the supports of size k ≤ 3
 * are few and each is checked with the same {@link IntegerRows} in microseconds. The search is exact:
 * size k is tried only after every smaller size was exhausted, and within a size each servings vector is
 * either visited or pruned by a bound that no completion can beat (amounts and costs are never negative).
 * When the support or the number of vectors grows beyond a budget it gives up and Choco decides.
 */
final class SmallSupports {

    /** The largest support enumerated. */
    static final int MAX_SUPPORT = 3;
    /** Search nodes allowed per tie-break (a few ms); beyond, Choco takes over. */
    private static final long NODE_BUDGET = 200_000;
    /** The clock is read once per this many nodes. */
    private static final long CLOCK_EVERY = 1024;

    private final Problem problem;
    private final IntegerRows rows;
    private final long[] objective;
    private final long objectiveFixed;
    private final long objectiveAtMost;
    private final long[] overshoot;
    private final List<Set<Integer>> excluded;
    private final long deadlineNanos;
    /** reach[t][i]: the most that one product of index ≥ i adds to min row t at its cap (reach[t][n] = 0). */
    private final long[][] reach;
    /** requiredFrom[i]: how many required products have index ≥ i. */
    private final int[] requiredFrom;

    private final int[] servings;
    private final long[] minTotals;
    private final long[] maxTotals;
    private int[] best;
    private long bestOvershoot;
    private long nodes;

    private SmallSupports(Problem problem, long objectiveAtMost, List<Set<Integer>> excluded, long deadlineNanos) {
        this.problem = problem;
        this.rows = IntegerRows.of(problem);
        this.objective = ChocoModel.perServingCoefficients(problem, Goal.OBJECTIVE);
        this.objectiveFixed = ChocoModel.fixedCoefficient(problem, Goal.OBJECTIVE);
        this.objectiveAtMost = objectiveAtMost;
        this.overshoot = ChocoModel.perServingCoefficients(problem, Goal.TIE_BREAK);
        this.excluded = excluded;
        this.deadlineNanos = deadlineNanos;
        this.reach = reach(problem, rows);
        this.requiredFrom = requiredFrom(problem);
        this.servings = new int[problem.size()];
        this.minTotals = new long[rows.targets()];
        this.maxTotals = new long[rows.targets()];
    }

    /**
     * The lexicographically best plan among those whose scaled objective is at most {@code objectiveAtMost} and
     * whose product set is none of {@code excluded}; null when it cannot tell within its limits.
     *
     * @param knownProducts the products of a plan known to meet all that (the search need not look beyond)
     * @param deadlineNanos when to give up, on {@link System#nanoTime()}'s clock
     */
    static int[] tieBreak(Problem problem, long objectiveAtMost, List<Set<Integer>> excluded, int knownProducts,
                          long deadlineNanos) {
        int largest = Math.min(Math.min(knownProducts, MAX_SUPPORT), problem.maxProducts());
        var search = new SmallSupports(problem, objectiveAtMost, excluded, deadlineNanos);
        for (int size = Math.max(1, search.requiredFrom[0]); size <= largest; size++) {
            search.best = null;
            search.bestOvershoot = Long.MAX_VALUE;
            if (!search.visit(0, size, 0, 0, 0)) {
                return null; // out of budget or time: undecided.
            }
            if (search.best != null) {
                return search.best;
            }
        }
        return null; // the best plans use more products than enumerated (or rounding hid the known plan).
    }

    /**
     * Depth-first over products in index order, with at most {@code slots} more products: product i gets 0
     * servings (unless required) or 1..upper. Returns false when the node budget or the time runs out.
     */
    private boolean visit(int i, int slots, long objectiveSoFar, long overshootSoFar, int servingsSoFar) {
        if (++nodes > NODE_BUDGET || (nodes % CLOCK_EVERY == 0 && System.nanoTime() > deadlineNanos)) {
            return false;
        }
        if (overshootSoFar >= bestOvershoot || requiredFrom[i] > slots || !minsReachable(i, slots)) {
            return true; // nothing below can be better, or can meet the rows.
        }
        if (i == servings.length || slots == 0) {
            consider(overshootSoFar); // the rest stay at 0; every min is met (minsReachable with no more help).
            return true;
        }
        if (problem.lower()[i] == 0 && !visit(i + 1, slots, objectiveSoFar, overshootSoFar, servingsSoFar)) {
            return false;
        }
        boolean withinBudget = true;
        for (int v = 1; v <= problem.upper()[i] && withinBudget; v++) {
            long objectiveNow = objectiveSoFar + objectiveFixed + objective[i] * v;
            if (objectiveNow > objectiveAtMost || servingsSoFar + v > problem.maxServings() || !add(i, 1)) {
                break; // costs and amounts are never negative: more servings only go further over.
            }
            servings[i] = v;
            withinBudget = visit(i + 1, slots - 1, objectiveNow, overshootSoFar + overshoot[i] * v, servingsSoFar + v);
        }
        add(i, -servings[i]);
        servings[i] = 0;
        return withinBudget;
    }

    /** Adds {@code v} servings of product i to the row totals; false if a max row is then broken. */
    private boolean add(int i, int v) {
        boolean withinMax = true;
        for (int t = 0; t < minTotals.length; t++) {
            if (rows.minCoefficients()[t] != null) {
                minTotals[t] += (long) rows.minCoefficients()[t][i] * v;
            }
            if (rows.maxCoefficients()[t] != null) {
                maxTotals[t] += (long) rows.maxCoefficients()[t][i] * v;
                withinMax &= maxTotals[t] <= rows.maxRight()[t];
            }
        }
        if (!withinMax) {
            add(i, -v);
        }
        return withinMax;
    }

    /** Whether {@code slots} more products of index ≥ i could still lift every min row to its right-hand side. */
    private boolean minsReachable(int i, int slots) {
        for (int t = 0; t < minTotals.length; t++) {
            if (rows.minCoefficients()[t] != null && minTotals[t] + slots * reach[t][i] < rows.minRight()[t]) {
                return false;
            }
        }
        return true;
    }

    /** A plan that meets every row: kept if its overshoot is the least so far and its product set is allowed. */
    private void consider(long overshootSoFar) {
        var support = new HashSet<Integer>();
        for (int i = 0; i < servings.length; i++) {
            if (servings[i] > 0) {
                support.add(i);
            }
        }
        if (!excluded.contains(support)) {
            best = servings.clone();
            bestOvershoot = overshootSoFar;
        }
    }

    private static int[] requiredFrom(Problem problem) {
        int n = problem.size();
        var requiredFrom = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            requiredFrom[i] = requiredFrom[i + 1] + (problem.lower()[i] > 0 ? 1 : 0);
        }
        return requiredFrom;
    }

    private static long[][] reach(Problem problem, IntegerRows rows) {
        int n = problem.size();
        var reach = new long[rows.targets()][n + 1];
        for (int t = 0; t < rows.targets(); t++) {
            var coefficients = rows.minCoefficients()[t];
            long most = 0;
            for (int i = n - 1; i >= 0 && coefficients != null; i--) {
                most = Math.max(most, (long) coefficients[i] * problem.upper()[i]);
                reach[t][i] = most;
            }
        }
        return reach;
    }
}

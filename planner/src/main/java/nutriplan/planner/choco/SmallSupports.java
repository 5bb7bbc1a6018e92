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
    /** Search nodes allowed per tie-break (about 0.1 µs each: 100 ms at most); beyond, Choco takes over. */
    private static final long NODE_BUDGET = 1_000_000;
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
    /** reach[t][k][i]: the most that k products of index ≥ i add to min row t at their caps (0 for i = n). */
    private final long[][][] reach;
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
        if (requiredFrom[i] == 0 && minsReachable(i, 0) && consider(overshootSoFar)) {
            return true; // every row is met: more products only add overshoot.
        }
        if (slots == 0 || i == servings.length) {
            return true;
        }
        if (slots == 1) {
            completeWithOne(i, objectiveSoFar, overshootSoFar, servingsSoFar);
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

    /**
     * The last product: for each j ≥ i only its fewest servings that meet every min can be best (more only add
     * objective, overshoot and max-row totals), so there is no need to try the others.
     */
    private void completeWithOne(int i, long objectiveSoFar, long overshootSoFar, int servingsSoFar) {
        for (int j = i; j < servings.length; j++) {
            nodes++;
            if (requiredFrom[i] == 1 && problem.lower()[j] == 0) {
                continue; // the one slot left belongs to the required product.
            }
            int v = fewestServingsMeetingMins(j);
            long objectiveNow = objectiveSoFar + objectiveFixed + objective[j] * v;
            if (v > problem.upper()[j] || objectiveNow > objectiveAtMost || servingsSoFar + v > problem.maxServings()
                    || overshootSoFar + overshoot[j] * v >= bestOvershoot || !add(j, v)) {
                continue;
            }
            servings[j] = v;
            consider(overshootSoFar + overshoot[j] * v);
            add(j, -v);
            servings[j] = 0;
        }
    }

    /** At least 1; Integer.MAX_VALUE when product j lacks a nutrient a min still needs. */
    private int fewestServingsMeetingMins(int j) {
        long fewest = 1;
        for (int t = 0; t < minTotals.length; t++) {
            var coefficients = rows.minCoefficients()[t];
            long missing = coefficients == null ? 0 : rows.minRight()[t] - minTotals[t];
            if (missing > 0) {
                if (coefficients[j] <= 0) {
                    return Integer.MAX_VALUE;
                }
                fewest = Math.max(fewest, (missing + coefficients[j] - 1) / coefficients[j]);
            }
        }
        return (int) Math.min(fewest, Integer.MAX_VALUE);
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
            if (rows.minCoefficients()[t] != null && minTotals[t] + reach[t][slots][i] < rows.minRight()[t]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A plan that meets every row: kept if its product set is allowed (the caller has checked that its overshoot
     * is the least so far). Returns whether it was kept.
     */
    private boolean consider(long overshootSoFar) {
        var support = new HashSet<Integer>();
        for (int i = 0; i < servings.length; i++) {
            if (servings[i] > 0) {
                support.add(i);
            }
        }
        if (excluded.contains(support)) {
            return false;
        }
        best = servings.clone();
        bestOvershoot = overshootSoFar;
        return true;
    }

    private static int[] requiredFrom(Problem problem) {
        int n = problem.size();
        var requiredFrom = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            requiredFrom[i] = requiredFrom[i + 1] + (problem.lower()[i] > 0 ? 1 : 0);
        }
        return requiredFrom;
    }

    private static long[][][] reach(Problem problem, IntegerRows rows) {
        int n = problem.size();
        var reach = new long[rows.targets()][MAX_SUPPORT + 1][n + 1];
        for (int t = 0; t < rows.targets(); t++) {
            var coefficients = rows.minCoefficients()[t];
            var largest = new long[MAX_SUPPORT]; // the largest contributions seen so far, in decreasing order
            for (int i = n - 1; i >= 0 && coefficients != null; i--) {
                long contribution = (long) coefficients[i] * problem.upper()[i];
                for (int k = 0; k < MAX_SUPPORT; k++) {
                    if (contribution > largest[k]) {
                        long displaced = largest[k];
                        largest[k] = contribution;
                        contribution = displaced;
                    }
                }
                long sum = 0;
                for (int k = 1; k <= MAX_SUPPORT; k++) {
                    sum += largest[k - 1];
                    reach[t][k][i] = sum;
                }
            }
        }
        return reach;
    }
}

package nutriplan.planner.choco;

import java.util.Arrays;
import java.util.Comparator;

import nutriplan.planner.problem.IntegerProgram;
import nutriplan.planner.problem.LinearRelaxation;

/**
 * The least objective over plans of at most one serving per candidate and few products — a meal from a food table,
 * one portion of each food, at most k foods — by a depth-first search over product sets with a bound at every node
 * that is as strong as the linear relaxation there, yet costs no simplex.
 *
 * <p>Choco with a simplex at every node visited tens of nodes a second on 542 foods; CP-SAT closes such meals with
 * cuts and many workers. Here each node is a set S of chosen candidates and a position p in a fixed order: the
 * candidates before p are left out, the ones after may still join, at most t more. For multipliers λ ≥ 0 on the rows
 * (written as "≥" rows, a max row negated, the objective cap among them), the surrogate row Σᵢ wᵢ·xᵢ ≥ R with
 * wᵢ = Σᵣ λᵣ·aᵣᵢ holds for every plan; its best completion is S's own wᵢ plus the t largest positive wᵢ after p — the
 * "k best" of the surrogate. When even that falls short, no plan lies below the node. With the cardinality kept
 * inside, the best λ gives exactly the linear relaxation's bound at the node (its polytope has whole vertices), and
 * with a single row it is the plain "the k largest amounts must reach the minimum".
 *
 * <p>λ is sought in doubles, by a few steps of subgradient ascent warm-started from the parent's; the prune is then
 * decided in exact integer arithmetic, with λ rounded to whole weights (any weights ≥ 0 give a valid row, so
 * rounding can weaken a prune but never make a wrong one). A node's weights also screen its children in constant
 * time each, from the suffix sums of the t largest weights.
 *
 * <p>The search is exact: a plan found caps the objective below its own, and the search goes on; when it ends, the
 * last plan found is optimal (or none exists). A work or time budget that runs out leaves it undecided. Its work is
 * counted in term visits (one candidate's coefficient in one row, read once), not nodes: a node near the root
 * weighs hundreds of candidates over two dozen ascent steps, one deep down a handful.
 */
final class BinarySubsets {

    /** Most products a plan may have for this search to be tried: beyond, the product sets are too many. */
    static final int MOST_PRODUCTS = 8;
    /** Subgradient steps at a node. */
    private static final int STEPS = 24;
    /** The clock is read once per this many nodes. */
    private static final int CLOCK_EVERY = 64;
    /** Weights are λᵣ·2⁵⁰ / scaleᵣ: |wᵢ| stays below 2⁵⁰ per row, far from overflow in sums of a few. */
    private static final double WEIGHT_SCALE = 0x1p50;

    /**
     * @param plan    the best plan found (servings per candidate), or null
     * @param decided the search was exhaustive (or, when any plan would do, found one)
     * @param nodes   the nodes it visited
     * @param work    the term visits they took
     */
    record Answer(int[] plan, boolean decided, long nodes, long work) {
    }

    private final IntegerProgram program;
    private final int n;
    /** Candidates in search order (likely members first); only those that may have a serving. */
    private final int[] order;
    /** Rows as "≥": coefficient[r][i] per candidate (one serving and its use), right[r]; the last is the cap. */
    private final long[][] coefficient;
    private final long[] right;
    /** Per row: no coefficient is positive, so adding candidates never helps it. */
    private final boolean[] onlyFalls;
    private final double[] scale;
    /** scaled[p][r]: row r's coefficient of the candidate at position p, divided by the row's scale (for the ascent). */
    private final double[][] scaled;
    private final long[] goalOf;
    private final long leastGoal;
    private final int mostProducts;
    private final long deadlineNanos;
    /** Any plan will do: the search stops at the first. */
    private final boolean anyPlan;
    private final int[] chosen;
    private long nodes;
    private long work;
    private final long workBudget;
    private int[] best;
    private boolean stopped;

    private BinarySubsets(IntegerProgram program, int mostProducts, long objectiveAtMost, double[] priority,
                          long workBudget, long deadlineNanos, boolean anyPlan) {
        this.program = program;
        this.anyPlan = anyPlan;
        this.n = program.size();
        this.mostProducts = mostProducts;
        this.workBudget = workBudget;
        this.deadlineNanos = deadlineNanos;
        var rows = program.rows();
        int m = rows.size() + 1;
        coefficient = new long[m][n];
        right = new long[m];
        onlyFalls = new boolean[m];
        scale = new double[m];
        goalOf = new long[n];
        long least = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            goalOf[i] = program.cost()[i] + program.perProduct();
            if (program.upper()[i] > 0) {
                least = Math.min(least, goalOf[i]);
            }
        }
        leastGoal = least == Long.MAX_VALUE ? 0 : least;
        for (int r = 0; r < m; r++) {
            var row = r < rows.size() ? rows.get(r) : null;
            long sign = row == null || !row.atLeast() ? -1 : 1;
            right[r] = sign * (row == null ? objectiveAtMost : row.right());
            boolean falls = true;
            double largest = Math.max(1, Math.abs((double) right[r]));
            for (int i = 0; i < n; i++) {
                coefficient[r][i] = sign * (row == null ? goalOf[i] : row.perServing()[i] + row.perProduct());
                falls &= coefficient[r][i] <= 0;
                largest = Math.max(largest, Math.abs((double) coefficient[r][i]));
            }
            onlyFalls[r] = falls;
            scale[r] = largest;
        }
        var candidates = new java.util.ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            if (program.upper()[i] > 0 && program.lower()[i] == 0) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer i) -> priority[i]).thenComparing(i -> i));
        order = candidates.stream().mapToInt(Integer::intValue).toArray();
        scaled = new double[order.length][m];
        for (int p = 0; p < order.length; p++) {
            for (int r = 0; r < m; r++) {
                scaled[p][r] = coefficient[r][order[p]] / scale[r];
            }
        }
        chosen = new int[n];
    }

    /**
     * Whether this search applies: every candidate has at most one serving, and a plan has at most
     * {@link #MOST_PRODUCTS} products.
     */
    static boolean applies(IntegerProgram program, int mostProducts) {
        return mostProducts <= MOST_PRODUCTS && Arrays.stream(program.upper()).allMatch(cap -> cap <= 1);
    }

    /**
     * The plan of least goal at most {@code objectiveAtMost} (the program's goal: its cost and perProduct) with at
     * most {@code mostProducts} products, or proof that there is none; undecided when the budget runs out.
     *
     * @param root       the relaxation at the root, whose values order the candidates (may be undecided)
     * @param workBudget the term visits it may take
     */
    static Answer least(IntegerProgram program, int mostProducts, long objectiveAtMost, LinearRelaxation.Verdict root,
                        long workBudget, long deadlineNanos) {
        return new BinarySubsets(program, mostProducts, objectiveAtMost, priority(program, root), workBudget,
                deadlineNanos, false).run();
    }

    /** Any plan with at most {@code mostProducts} products, or proof that there is none; undecided past the budget. */
    static Answer any(IntegerProgram program, int mostProducts, LinearRelaxation.Verdict root, long workBudget,
                      long deadlineNanos) {
        return new BinarySubsets(program, mostProducts, ExactSearch.NO_PLAN_YET, priority(program, root), workBudget,
                deadlineNanos, true).run();
    }

    /** Reduced costs at the root's duals (lowest first: what the relaxation wants most), else 0 (index order). */
    private static double[] priority(IntegerProgram program, LinearRelaxation.Verdict root) {
        var priority = new double[program.size()];
        if (root != null && root.bounded()) {
            var bound = root.lagrangianBound(program, 0);
            for (int i = 0; i < priority.length; i++) {
                priority[i] = bound.reducedCost(i) + bound.fixedCost(i);
            }
        }
        return priority;
    }

    private Answer run() {
        int m = right.length;
        var sums = new long[m];
        int depth = 0;
        long goal = 0;
        for (int i = 0; i < n; i++) {
            if (program.lower()[i] > 0) {
                if (program.upper()[i] <= 0) {
                    return new Answer(null, true, 0, 0);
                }
                chosen[depth++] = i;
                goal += goalOf[i];
                for (int r = 0; r < m; r++) {
                    sums[r] += coefficient[r][i];
                }
            }
        }
        var lambda = new double[m];
        Arrays.fill(lambda, 1.0 / m);
        search(sums, 0, depth, goal, lambda);
        return new Answer(best, !stopped || (anyPlan && best != null), nodes, work);
    }

    /** The most products still allowed after {@code depth} with this goal so far, under the cap. */
    private int slots(int depth, long goal) {
        int slots = mostProducts - depth;
        if (leastGoal > 0) {
            slots = (int) Math.min(slots, (-right[right.length - 1] - goal) / leastGoal);
        }
        return Math.max(0, slots);
    }

    private void search(long[] sums, int position, int depth, long goal, double[] parentLambda) {
        if (stopped) {
            return;
        }
        nodes++;
        if (work > workBudget || (nodes % CLOCK_EVERY == 0 && System.nanoTime() > deadlineNanos)) {
            stopped = true;
            return;
        }
        int m = right.length;
        boolean met = true;
        for (int r = 0; r < m && met; r++) {
            met = sums[r] >= right[r];
        }
        if (met) {
            best = planOf(depth);
            right[m - 1] = -(goal - 1); // only cheaper plans from now on; this node's supersets cost more.
            stopped = anyPlan;
            return;
        }
        int slots = slots(depth, goal);
        if (slots == 0 || position >= order.length) {
            return;
        }
        var lambda = ascend(sums, position, slots, parentLambda);
        var weights = weights(lambda);
        work += (long) (order.length - position) * (m + slots); // weighing what is left, and its t largest
        var w = new long[order.length];
        long have;
        long need;
        try {
            for (int p = position; p < order.length; p++) {
                w[p] = weigh(weights, order[p]);
            }
            have = dot(weights, sums);
            need = dot(weights, right);
        } catch (ArithmeticException overflow) {
            stopped = true; // cannot happen with the scaling above; if it did, nothing is pruned unsoundly.
            return;
        }
        // top[q][p]: the sum of the q largest positive w from p on.
        var top = suffixTops(w, position, slots);
        long cap = right[m - 1];
        for (int p = position; p < order.length && !stopped; p++) {
            if (have + top[slots][p] < need) {
                return; // no completion from p on, nor from any later position.
            }
            int i = order[p];
            if (have + w[p] + top[slots - 1][p + 1] < need || breaksFallingRow(sums, i)) {
                continue;
            }
            var next = sums.clone();
            for (int r = 0; r < m; r++) {
                next[r] += coefficient[r][i];
            }
            chosen[depth] = i;
            search(next, p + 1, depth + 1, goal + goalOf[i], lambda);
            if (right[m - 1] != cap) {
                // A plan was found and the cap fell: the surrogate's right-hand side rises with it.
                cap = right[m - 1];
                need = dot(weights, right);
            }
        }
    }

    /** Σᵣ weightᵣ·valuesᵣ, exactly. */
    private static long dot(long[] weights, long[] values) {
        long sum = 0;
        for (int r = 0; r < weights.length; r++) {
            sum = Math.addExact(sum, Math.multiplyExact(weights[r], values[r]));
        }
        return sum;
    }

    /** Whether adding candidate i breaks a row that no further candidate can mend (a max row, the cap). */
    private boolean breaksFallingRow(long[] sums, int i) {
        for (int r = 0; r < right.length; r++) {
            if (onlyFalls[r] && sums[r] + coefficient[r][i] < right[r]) {
                return true;
            }
        }
        return false;
    }

    private int[] planOf(int depth) {
        var plan = new int[n];
        for (int d = 0; d < depth; d++) {
            plan[chosen[d]] = 1;
        }
        return plan;
    }

    /**
     * Multipliers for the node, in the rows' scaled units (each row divided by {@link #scale}), on the simplex:
     * subgradient ascent on f(λ) = Σᵣ λᵣ·(rightᵣ − sumᵣ) − (the t largest positive Σᵣ λᵣ·aᵣᵢ after the position),
     * from the parent's; the best λ seen. A doubles-only guess: the prune is decided exactly afterwards.
     */
    private double[] ascend(long[] sums, int position, int slots, double[] start) {
        int m = right.length;
        var lambda = start.clone();
        var best = start.clone();
        double bestValue = Double.NEGATIVE_INFINITY;
        var deficit = new double[m];
        for (int r = 0; r < m; r++) {
            deficit[r] = (right[r] - sums[r]) / scale[r];
        }
        var picked = new int[slots];
        var pickedValue = new double[slots];
        var gradient = new double[m];
        double step = 0.5;
        for (int k = 0; k < STEPS; k++) {
            work += (long) (order.length - position) * m;
            int count = 0;
            for (int p = position; p < order.length; p++) {
                var row = scaled[p];
                double value = 0;
                for (int r = 0; r < m; r++) {
                    value += lambda[r] * row[r];
                }
                if (value <= 0 || (count == slots && value <= pickedValue[count - 1])) {
                    continue;
                }
                int at = count < slots ? count++ : count - 1;
                while (at > 0 && pickedValue[at - 1] < value) {
                    pickedValue[at] = pickedValue[at - 1];
                    picked[at] = picked[at - 1];
                    at--;
                }
                pickedValue[at] = value;
                picked[at] = p;
            }
            double value = 0;
            for (int r = 0; r < m; r++) {
                value += lambda[r] * deficit[r];
                gradient[r] = deficit[r];
            }
            for (int q = 0; q < count; q++) {
                value -= pickedValue[q];
                for (int r = 0; r < m; r++) {
                    gradient[r] -= scaled[picked[q]][r];
                }
            }
            if (value > bestValue) {
                bestValue = value;
                System.arraycopy(lambda, 0, best, 0, m);
            }
            if (value > 0) {
                break; // proven in doubles: the exact check decides.
            }
            double norm = 0;
            for (double g : gradient) {
                norm += g * g;
            }
            if (norm == 0) {
                break;
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < m; r++) {
                lambda[r] += step * gradient[r] / norm;
            }
            projectOnSimplex(lambda);
            step *= 0.85;
        }
        return best;
    }

    /** Euclidean projection onto {λ ≥ 0, Σ λ = 1}. */
    static void projectOnSimplex(double[] lambda) {
        var sorted = lambda.clone();
        Arrays.sort(sorted);
        double sum = 0;
        double theta = 0;
        for (int k = sorted.length - 1; k >= 0; k--) {
            sum += sorted[k];
            double candidate = (sum - 1) / (sorted.length - k);
            if (k == 0 || sorted[k - 1] <= candidate) {
                theta = candidate;
                break;
            }
        }
        for (int r = 0; r < lambda.length; r++) {
            lambda[r] = Math.max(0, lambda[r] - theta);
        }
    }

    /** Whole weights ≥ 0 for the rows (λᵣ / scaleᵣ · 2⁵⁰, rounded down). */
    private long[] weights(double[] lambda) {
        var weights = new long[lambda.length];
        for (int r = 0; r < lambda.length; r++) {
            double weight = Math.floor(lambda[r] / scale[r] * WEIGHT_SCALE);
            weights[r] = weight > 0 && Double.isFinite(weight) ? (long) weight : 0;
        }
        return weights;
    }

    /** Σᵣ weightᵣ·aᵣᵢ, exactly (each term below 2⁵⁰ by the scaling). */
    private long weigh(long[] weights, int i) {
        long sum = 0;
        for (int r = 0; r < weights.length; r++) {
            sum = Math.addExact(sum, Math.multiplyExact(weights[r], coefficient[r][i]));
        }
        return sum;
    }

    private long[][] suffixTops(long[] w, int position, int slots) {
        var top = new long[slots + 1][order.length + 1];
        var largest = new long[slots];
        for (int p = order.length - 1; p >= position; p--) {
            long value = w[p];
            for (int q = 0; q < slots && value > 0; q++) {
                if (value > largest[q]) {
                    long swap = largest[q];
                    largest[q] = value;
                    value = swap;
                }
            }
            long sum = 0;
            for (int q = 1; q <= slots; q++) {
                sum += largest[q - 1];
                top[q][p] = sum;
            }
        }
        return top;
    }
}

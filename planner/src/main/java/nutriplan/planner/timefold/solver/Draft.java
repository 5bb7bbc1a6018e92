package nutriplan.planner.timefold.solver;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;

import nutriplan.planner.timefold.domain.CandidateLists;
import nutriplan.planner.timefold.domain.NutrientRow;
import nutriplan.planner.timefold.domain.PlanLimits;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;

/**
 * A change to a few products of the working plan, with the totals it leads to: what {@link MoveGenerator}'s moves
 * build, and the greedy repair they share (shed what breaks a max or a limit, fill what is short, drop what is no
 * longer needed). It becomes a {@link SetServings}; nothing changes in the plan until Timefold runs that move.
 *
 * <p>A concentration limit is not shed like a max: a serving that breaks it can be mended by another (water after a
 * gel). What the plan is over it by counts as short instead, which the fill covers with products more dilute than the
 * limit; and no serving is dropped that would take the plan over it.
 */
final class Draft {

    /** How often a greedy fill takes the second-best candidate instead of the best, for variety. */
    private static final double SECOND_BEST = 0.2;

    private final List<ProductServings> products;
    private final List<NutrientRow> rows;
    private final PlanLimits limits;
    private final CandidateLists candidates;
    private final int targets;
    /** The products with servings in the working plan. */
    private final int[] used;
    private final double[] shareWeights;
    private final RandomGenerator random;
    /** The concentration limit's reference (for shares), or 0 without one. */
    private final long concentrationReference;

    private int[] indices = new int[8];
    private int[] values = new int[8];
    private int size;
    private final long[] minTotal;
    private final long[] maxTotal;
    private long servingsTotal;
    private int productCount;
    /** The concentration row's total: above 0, more carbohydrate than the fluid allows. */
    private long concentrationTotal;

    /** No change yet: the working plan as it is. */
    Draft(WorkingPlan plan, RandomGenerator random) {
        this.products = plan.products();
        this.rows = plan.rows();
        this.limits = plan.limits();
        this.candidates = plan.candidates();
        this.targets = rows.size();
        this.used = plan.used();
        this.shareWeights = plan.shareWeights();
        this.random = random;
        this.minTotal = plan.minTotals().clone();
        this.maxTotal = plan.maxTotals().clone();
        this.servingsTotal = plan.servings();
        this.productCount = used.length;
        this.concentrationTotal = plan.concentration();
        this.concentrationReference = plan.concentrationRow() == null ? 0 : plan.concentrationRow().reference();
    }

    int size() {
        return size;
    }

    int value(int i) {
        for (int k = 0; k < size; k++) {
            if (indices[k] == i) {
                return values[k];
            }
        }
        return products.get(i).servings();
    }

    /** Sets product i's servings, clamped to its range. */
    void set(int i, int value) {
        var product = products.get(i);
        int clamped = Math.max(product.lower(), Math.min(product.upper(), value));
        int old = value(i);
        if (clamped == old) {
            return;
        }
        int k = 0;
        while (k < size && indices[k] != i) {
            k++;
        }
        if (k == size) {
            if (size == indices.length) {
                indices = Arrays.copyOf(indices, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            indices[size++] = i;
        }
        values[k] = clamped;
        int delta = clamped - old;
        for (int t = 0; t < targets; t++) {
            minTotal[t] += product.minAmount(t) * delta;
            maxTotal[t] += product.maxAmount(t) * delta;
        }
        servingsTotal += delta;
        productCount += (clamped > 0 ? 1 : 0) - (old > 0 ? 1 : 0);
        concentrationTotal += product.concentration() * delta;
    }

    long shortfall(int t) {
        return rows.get(t).shortfall(minTotal[t]);
    }

    /** The plan holds more carbohydrate than its fluid allows. */
    boolean concentrated() {
        return concentrationTotal > 0;
    }

    boolean changed() {
        for (int k = 0; k < size; k++) {
            if (values[k] != products.get(indices[k]).servings()) {
                return true;
            }
        }
        return false;
    }

    int copyIndices(int[] into, int from) {
        System.arraycopy(indices, 0, into, from, size);
        return from + size;
    }

    /** One serving more of product i breaks no max, no limit and no cap. */
    boolean canAdd(int i) {
        return canAdd(i, 1);
    }

    /** While a max or a limit is broken: one serving less of the product in the plan that adds most to it. */
    void shedExcess() {
        for (int guard = 0; guard < 64; guard++) {
            int worst = -1;
            double worstShare = 0;
            for (int i : planIndices()) {
                var product = products.get(i);
                if (value(i) <= product.lower()) {
                    continue;
                }
                double share = servingsTotal > limits.maxServings() ? 1 : 0;
                if (productCount > limits.maxProducts()) {
                    share += 1.0 / value(i); // the fewer servings, the cheaper to drop the product
                }
                for (int t = 0; t < targets; t++) {
                    var row = rows.get(t);
                    if (row.excess(maxTotal[t]) > 0) {
                        share += (double) product.maxAmount(t) / Math.max(1, row.max());
                    }
                }
                if (share > worstShare) {
                    worst = i;
                    worstShare = share;
                }
            }
            if (worst < 0) {
                return;
            }
            set(worst, productCount > limits.maxProducts() && random.nextBoolean()
                    ? products.get(worst).lower() : value(worst) - 1);
        }
    }

    /**
     * Adds servings while a minimum is short: the best coverage of the shortfalls per unit of cost (now and
     * then the second best, for variety) among the candidates, never past a max or a limit.
     */
    void fill(int[] candidateList) {
        // Half the time by the relaxation's prices (what the objective pays for the nutrients still short, so
        // a heavy drink that brings the fluid everyone needs anyway is not judged by its weight alone), else by
        // the share of each shortfall covered.
        boolean priced = candidates.hasPrices() && random.nextBoolean();
        boolean close = random.nextBoolean();
        for (int guard = 0; guard < 256 && hasShortfall(); guard++) {
            if (close && closeWithOne(candidateList)) {
                return;
            }
            int best = -1;
            int second = -1;
            double bestScore = 0;
            double secondScore = 0;
            for (int j : candidateList) {
                if (j == best || j == second || !canAdd(j)) {
                    continue;
                }
                double score = gain(j, priced ? candidates.prices() : shareWeights, priced) / cost(j);
                if (score > bestScore) {
                    second = best;
                    secondScore = bestScore;
                    best = j;
                    bestScore = score;
                } else if (score > secondScore) {
                    second = j;
                    secondScore = score;
                }
            }
            if (best < 0) {
                return;
            }
            int pick = second >= 0 && random.nextDouble() < SECOND_BEST ? second : best;
            set(pick, value(pick) + 1);
        }
    }

    /**
     * Closes every shortfall at once with servings of one candidate, the cheapest that can (within its cap, the
     * max targets and the limits): the last step a greedy fill takes piece by piece, and often less well.
     */
    private boolean closeWithOne(int[] candidateList) {
        int best = -1;
        int bestServings = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int j : candidateList) {
            int needed = servingsToClose(j);
            if (needed <= 0 || !canAdd(j, needed)) {
                continue;
            }
            var product = products.get(j);
            double cost = product.cost() * (double) needed + (value(j) == 0 ? product.fixedCost() : 0);
            if (cost < bestCost) {
                best = j;
                bestServings = needed;
                bestCost = cost;
            }
        }
        if (best < 0) {
            return false;
        }
        set(best, value(best) + bestServings);
        return true;
    }

    /**
     * The servings of product j that close every shortfall, the concentration's included, or 0 when it lacks a
     * nutrient that is short or leaves the plan over the concentration limit.
     */
    private int servingsToClose(int j) {
        var product = products.get(j);
        long needed = 0;
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            long missing = row.hasMin() ? row.min() - minTotal[t] : 0;
            if (missing > 0) {
                if (product.minAmount(t) <= 0) {
                    return 0;
                }
                needed = Math.max(needed, (missing + product.minAmount(t) - 1) / product.minAmount(t));
            }
        }
        long k = product.concentration();
        if (concentrated() && k < 0) {
            needed = Math.max(needed, (concentrationTotal + -k - 1) / -k);
        }
        if (concentrationTotal + k * needed > 0) {
            return 0;
        }
        return (int) Math.min(needed, Integer.MAX_VALUE);
    }

    /** {@code count} servings more of product i break no max, no limit and no cap. */
    private boolean canAdd(int i, int count) {
        var product = products.get(i);
        int current = value(i);
        if (current + (long) count > product.upper() || servingsTotal + count > limits.maxServings()
                || (current == 0 && productCount >= limits.maxProducts())) {
            return false;
        }
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            if (row.hasMax() && product.maxAmount(t) > 0 && maxTotal[t] + product.maxAmount(t) * count > row.max()) {
                return false;
            }
        }
        return true;
    }

    private boolean hasShortfall() {
        if (concentrated()) {
            return true;
        }
        for (int t = 0; t < targets; t++) {
            if (shortfall(t) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one serving of j adds to the minimums still short, each unit weighted (by 1/min, or by its price), and
     * takes off what the plan is over the concentration limit by (weighted by 1/reference, or by the row's price).
     */
    private double gain(int j, double[] weights, boolean priced) {
        var product = products.get(j);
        double gain = 0;
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            long missing = row.hasMin() ? row.min() - minTotal[t] : 0;
            if (missing > 0) {
                gain += weights[t] * Math.min(product.minAmount(t), missing);
            }
        }
        if (concentrated() && product.concentration() < 0) {
            // Never quite 0 when priced: a row the relaxation does not price must still draw a dilute product in.
            double weight = priced ? Math.max(candidates.concentrationPrice(), 1e-12) : 1.0 / concentrationReference;
            gain += weight * Math.min(-product.concentration(), concentrationTotal);
        }
        return gain;
    }

    private double cost(int j) {
        var product = products.get(j);
        return Math.max(product.cost() + (value(j) == 0 ? product.fixedCost() : 0), 1e-9);
    }

    /** Servings no minimum needs any more, most expensive first, down to each product's lower bound. */
    void dropUnneeded() {
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            int worst = -1;
            for (int i : planIndices()) {
                if (value(i) > products.get(i).lower() && stillMeetsWithout(i)
                        && (worst < 0 || cost(i) > cost(worst))) {
                    worst = i;
                }
            }
            if (worst >= 0) {
                set(worst, value(worst) - 1);
                dropped = true;
            }
        }
    }

    /** One serving less of i leaves every minimum it supplies met, and the plan within the concentration limit. */
    private boolean stillMeetsWithout(int i) {
        var product = products.get(i);
        if (product.concentration() < 0 && concentrationTotal - product.concentration() > 0) {
            return false;
        }
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            if (row.hasMin() && product.minAmount(t) > 0 && minTotal[t] - product.minAmount(t) < row.min()) {
                return false;
            }
        }
        return true;
    }

    /** The products with servings in the draft: the plan's and those the draft added. */
    private int[] planIndices() {
        var all = new int[used.length + size];
        int n = 0;
        for (int i : used) {
            if (value(i) > 0) {
                all[n++] = i;
            }
        }
        for (int k = 0; k < size; k++) {
            if (values[k] > 0 && products.get(indices[k]).servings() == 0) {
                all[n++] = indices[k];
            }
        }
        return Arrays.copyOf(all, n);
    }

    /** The move that sets every product the draft changed, through the solver's servings variable. */
    SetServings toMove(PlanningVariableMetaModel<ServingsPlan, ProductServings, Integer> variable) {
        int n = 0;
        var changedProducts = new ProductServings[size];
        var newValues = new int[size];
        for (int k = 0; k < size; k++) {
            var product = products.get(indices[k]);
            if (values[k] != product.servings()) {
                changedProducts[n] = product;
                newValues[n++] = values[k];
            }
        }
        return new SetServings(variable, Arrays.copyOf(changedProducts, n), Arrays.copyOf(newValues, n));
    }
}

package nutriplan.planner.timefold.solver;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;

import nutriplan.planner.timefold.domain.CandidateLists;
import nutriplan.planner.timefold.domain.NutrientRow;
import nutriplan.planner.timefold.domain.PlanLimits;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;

/**
 * Proposes moves for one step of the local search, from one reading of the working plan: which products it uses,
 * every nutrient's total, what is short and what is over. Out of the box Timefold would change a random product
 * among thousands to a random count; these moves suit integer servings:
 * <ul>
 * <li><b>step</b>: one serving more or less of a product in the plan;</li>
 * <li><b>add</b>: one serving of a product the relaxation likes, or one rich in a nutrient that is short;</li>
 * <li><b>transfer</b>: one serving from a product in the plan to another;</li>
 * <li><b>swap</b>: a product out, another rich in the nutrient it was there for in, with about its servings;</li>
 * <li><b>ruin and repair</b>: take one or two products (or a few servings) out, then add servings greedily —
 * best coverage of what is short per unit of cost, never past a max — and drop what is no longer needed: the
 * move that finds a plan one serving smaller, and repairs a plan that misses targets;</li>
 * <li><b>reseed</b>: a new plan from scratch, greedy from one serving of a candidate (a pilot method, as
 * {@link nutriplan.planner.problem.Greedy#solveSeeded}): how a plan of one or two products is found when the
 * current one has more.</li>
 * </ul>
 * Candidates to add come from {@link CandidateLists} (and, rarely, from anywhere), so a move costs the same on
 * 10,000 products as on 30. Every value stays within the product's range. Timefold scores each move and its
 * acceptor decides; nothing here needs to be right, only useful.
 */
final class MoveGenerator implements Iterator<SetServings> {

    /** How far down the candidate lists a move looks. */
    private static final int LIST_DEPTH = 64;
    /** The first entries of a list, always considered by a repair. */
    private static final int LIST_HEAD = 6;

    private final List<ProductServings> products;
    private final List<NutrientRow> rows;
    private final PlanLimits limits;
    private final CandidateLists candidates;
    private final PlanningVariableMetaModel<ServingsPlan, ProductServings, Integer> variable;
    private final RandomGenerator random;
    private final int targets;

    // The working plan at the start of the step.
    private final int[] used;
    private final long[] minTotals;
    private final long[] maxTotals;
    private final long servings;
    private final int[] shortRows;
    private final boolean feasible;
    /** 1/min per target with a minimum: a unit's share of its minimum. */
    private final double[] shareWeights;

    MoveGenerator(ServingsPlan plan, PlanningVariableMetaModel<ServingsPlan, ProductServings, Integer> variable,
                  RandomGenerator random) {
        this.products = plan.getProducts();
        this.rows = plan.getRows();
        this.limits = plan.getLimits();
        this.candidates = plan.candidates();
        this.variable = variable;
        this.random = random;
        this.targets = rows.size();
        this.minTotals = new long[targets];
        this.maxTotals = new long[targets];
        var usedList = new int[16];
        int count = 0;
        long total = 0;
        for (int i = 0; i < products.size(); i++) {
            int s = products.get(i).servings();
            if (s > 0) {
                if (count == usedList.length) {
                    usedList = Arrays.copyOf(usedList, count * 2);
                }
                usedList[count++] = i;
                total += s;
                var product = products.get(i);
                for (int t = 0; t < targets; t++) {
                    minTotals[t] += product.minAmount(t) * s;
                    maxTotals[t] += product.maxAmount(t) * s;
                }
            }
        }
        this.used = Arrays.copyOf(usedList, count);
        this.servings = total;
        int shortCount = 0;
        var shorts = new int[targets];
        boolean over = total > limits.maxServings() || count > limits.maxProducts();
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            if (row.shortfall(minTotals[t]) > 0) {
                shorts[shortCount++] = t;
            }
            over |= row.excess(maxTotals[t]) > 0;
        }
        this.shortRows = Arrays.copyOf(shorts, shortCount);
        this.feasible = shortCount == 0 && !over;
        this.shareWeights = new double[targets];
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            shareWeights[t] = row.hasMin() && row.min() > 0 ? 1.0 / row.min() : 0;
        }
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public SetServings next() {
        for (int attempt = 0; attempt < 8; attempt++) {
            var draft = propose();
            if (draft != null && draft.changed()) {
                return draft.toMove();
            }
        }
        return add(new Draft()).toMove();
    }

    private Draft propose() {
        if (used.length == 0) {
            return repair(new Draft());
        }
        if (!feasible && random.nextDouble() < 0.5) {
            return repair(new Draft());
        }
        double r = random.nextDouble();
        if (r < 0.15) {
            return step(new Draft());
        } else if (r < 0.25) {
            return add(new Draft());
        } else if (r < 0.40) {
            return transfer(new Draft());
        } else if (r < 0.55) {
            return swap(new Draft());
        } else if (r < 0.65) {
            return reseed(new Draft());
        }
        return ruinAndRepair(new Draft());
    }

    private Draft reseed(Draft draft) {
        for (int i : used) {
            draft.set(i, products.get(i).lower());
        }
        int j = random.nextBoolean() ? pick(candidates.broad()) : randomCandidate();
        draft.set(j, Math.max(1, draft.value(j)));
        return repair(draft);
    }

    private Draft step(Draft draft) {
        int i = used[random.nextInt(used.length)];
        int value = draft.value(i) + (random.nextBoolean() ? 1 : -1);
        draft.set(i, value);
        return draft;
    }

    private Draft add(Draft draft) {
        int j = randomCandidate();
        if (draft.value(j) < products.get(j).upper()) {
            draft.set(j, draft.value(j) + 1);
        }
        return draft;
    }

    private Draft transfer(Draft draft) {
        int i = used[random.nextInt(used.length)];
        int j = randomCandidate();
        if (i != j && draft.value(j) < products.get(j).upper()) {
            draft.set(i, draft.value(i) - 1);
            draft.set(j, draft.value(j) + 1);
        }
        return draft;
    }

    /** Product i out; a product rich in the nutrient i covers most of (relative to its minimum) in, with about i's servings. */
    private Draft swap(Draft draft) {
        int i = used[random.nextInt(used.length)];
        int j = richInWhatCovers(i);
        if (j < 0 || j == i) {
            return null;
        }
        int servingsOfI = draft.value(i);
        draft.set(i, products.get(i).lower());
        int wanted = Math.max(1, servingsOfI + random.nextInt(3) - 1);
        draft.set(j, Math.min(products.get(j).upper(), draft.value(j) + wanted));
        return draft;
    }

    private Draft ruinAndRepair(Draft draft) {
        double r = random.nextDouble();
        int i = used[random.nextInt(used.length)];
        if (r < 0.5) {
            draft.set(i, products.get(i).lower());
        } else if (r < 0.75 && used.length > 1) {
            int k = used[random.nextInt(used.length)];
            draft.set(i, products.get(i).lower());
            draft.set(k, products.get(k).lower());
        } else {
            draft.set(i, draft.value(i) - 1 - random.nextInt(2));
        }
        return repair(draft);
    }

    /** Takes servings away while a max or a limit is broken, then adds greedily while a minimum is short. */
    private Draft repair(Draft draft) {
        draft.shedExcess();
        draft.fill(candidatesFor(draft));
        draft.dropUnneeded();
        return draft;
    }

    /** A product to add: one the relaxation likes, one rich in a short (or any) nutrient, or rarely any at all. */
    private int randomCandidate() {
        double r = random.nextDouble();
        if (r < 0.05) {
            return random.nextInt(products.size());
        }
        if (r < 0.35 || !hasRichLists()) {
            return pick(candidates.attractive());
        }
        if (r < 0.5) {
            return pick(candidates.broad());
        }
        int t = shortRows.length > 0 ? shortRows[random.nextInt(shortRows.length)] : randomRichTarget();
        return pick(candidates.richIn()[t]);
    }

    private int richInWhatCovers(int i) {
        var product = products.get(i);
        int bestTarget = -1;
        double bestShare = 0;
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            if (row.hasMin() && row.min() > 0) {
                double share = (double) product.minAmount(t) / row.min();
                if (share > bestShare) {
                    bestShare = share;
                    bestTarget = t;
                }
            }
        }
        if (bestTarget < 0 || candidates.richIn()[bestTarget].length == 0) {
            return pick(candidates.attractive());
        }
        return pick(candidates.richIn()[bestTarget]);
    }

    private boolean hasRichLists() {
        for (var list : candidates.richIn()) {
            if (list.length > 0) {
                return true;
            }
        }
        return false;
    }

    private int randomRichTarget() {
        int t;
        do {
            t = random.nextInt(targets);
        } while (candidates.richIn()[t].length == 0);
        return t;
    }

    /** An entry of a list, the first ones more likely. */
    private int pick(int[] list) {
        if (list.length == 0) {
            return random.nextInt(products.size());
        }
        int depth = Math.min(list.length, LIST_DEPTH);
        int a = random.nextInt(depth);
        int b = random.nextInt(depth);
        return list[Math.min(a, b)];
    }

    /** What a repair may add: the products in the plan, the heads of the lists for short nutrients, a sample. */
    private int[] candidatesFor(Draft draft) {
        var list = new int[used.length + draft.size() + (targets + 2) * (LIST_HEAD + 4) + 1];
        int n = 0;
        for (int i : used) {
            list[n++] = i;
        }
        n = draft.copyIndices(list, n);
        for (int t = 0; t < targets; t++) {
            var rich = candidates.richIn()[t];
            if (rich.length == 0 || draft.shortfall(t) == 0) {
                continue;
            }
            for (int k = 0; k < Math.min(LIST_HEAD, rich.length); k++) {
                list[n++] = rich[k];
            }
            for (int k = 0; k < 4; k++) {
                list[n++] = pick(rich);
            }
        }
        for (var ranked : new int[][] {candidates.attractive(), candidates.broad()}) {
            for (int k = 0; k < Math.min(LIST_HEAD, ranked.length); k++) {
                list[n++] = ranked[k];
            }
            for (int k = 0; k < 4; k++) {
                list[n++] = pick(ranked);
            }
        }
        list[n++] = random.nextInt(products.size());
        return Arrays.copyOf(list, n);
    }

    /** A change to a few products, with the totals it leads to; becomes a {@link SetServings}. */
    private final class Draft {
        private int[] indices = new int[8];
        private int[] values = new int[8];
        private int size;
        private final long[] minTotal = minTotals.clone();
        private final long[] maxTotal = maxTotals.clone();
        private long servingsTotal = servings;
        private int productCount = used.length;

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
        }

        long shortfall(int t) {
            return rows.get(t).shortfall(minTotal[t]);
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
                    double score = gain(j, priced ? candidates.prices() : shareWeights) / cost(j);
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
                int pick = second >= 0 && random.nextDouble() < 0.2 ? second : best;
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

        /** The servings of product j that close every shortfall, or 0 when it lacks a nutrient that is short. */
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
            for (int t = 0; t < targets; t++) {
                if (shortfall(t) > 0) {
                    return true;
                }
            }
            return false;
        }

        /** What one serving of j adds to the minimums still short, each unit weighted (by 1/min, or by its price). */
        private double gain(int j, double[] weights) {
            var product = products.get(j);
            double gain = 0;
            for (int t = 0; t < targets; t++) {
                var row = rows.get(t);
                long missing = row.hasMin() ? row.min() - minTotal[t] : 0;
                if (missing > 0) {
                    gain += weights[t] * Math.min(product.minAmount(t), missing);
                }
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

        /** One serving less of i leaves every minimum it supplies met. */
        private boolean stillMeetsWithout(int i) {
            var product = products.get(i);
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

        SetServings toMove() {
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
}

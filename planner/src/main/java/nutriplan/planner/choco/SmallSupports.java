package nutriplan.planner.choco;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nutriplan.planner.choco.ChocoModel.Goal;
import nutriplan.planner.problem.IntegerRows;
import nutriplan.planner.problem.Problem;

/**
 * Exact search over plans of few products, by enumerating supports — the sets of products a plan uses — with
 * the same {@link IntegerRows} as the Choco model, so both decide the same question. Used where a plan's
 * product count is small and known to be so: the tie-break (fewest products, then least overshoot, with the
 * objective held at its optimum), and the objective itself when every better plan must use few products
 * (maxProducts ≤ 3, or a servings or products objective whose incumbent is ≤ 4). On a smaller node budget it goes
 * up to {@link Depth#WIDE} products where each node of Choco's search would pay a simplex (see {@link Depth}).
 *
 * <p>Why not Choco there: "is there a plan of k products within the objective?" is what a linear relaxation
 * answers worst — it sees a fraction of every product at once. On the marathon example Choco needed 220,000
 * nodes (3 s) to prove that no 2-product plan exists; on 1,000 generated products it could not prove in 3.5 s
 * that no 3-serving plan exists. Supports of size ≤ 3 are few once pruned, and each is checked in
 * nanoseconds.
 *
 * <p>The search is exact: every servings vector of at most {@code size} products is either visited or pruned
 * by a bound no completion can beat — amounts and costs are never negative, so a max row or the objective cap
 * once broken stays broken, a key once reached only grows, and a min row is only met if the best products still
 * allowed can lift it (by their caps, by the servings left, and by the objective left). When a node or time
 * budget runs out, it says it could not decide and Choco decides.
 *
 * <p>A concentration limit is the exception: its coefficients have both signs, so once broken it can be mended (a
 * drink after a gel). It is searched as a min row negated, Σᵢ −kᵢ·xᵢ ≥ 0, whose bounds here hold for signed
 * coefficients as they are: what products still allowed can lift it counts only their positive coefficients, the
 * fewest servings that meet it are those of a product that lifts it, and a plan is one only once every min row,
 * this one included, is met after its last product (which, with a negative coefficient, can break it).
 */
final class SmallSupports {

    /** The largest support enumerated on the full node budget. */
    static final int MAX_SUPPORT = 3;
    /** The clock is read once per this many nodes. */
    private static final long CLOCK_EVERY = 1024;

    /**
     * How far one search may go: supports of up to {@code widest} products, within {@code nodes} search nodes (about
     * 0.05–0.1 µs each); beyond, it says it could not decide and Choco takes over. A tie-break's sizes past
     * {@link #MAX_SUPPORT} get their {@code nodes} on top of what the narrow sizes used within their own budget, so
     * going wide never decides less than staying narrow.
     */
    record Depth(int widest, long nodes) {
        /** Supports of up to {@link #MAX_SUPPORT} products, on a million nodes (100 ms at most). */
        static final Depth NARROW = new Depth(MAX_SUPPORT, 1_000_000);
        /**
         * Up to 6 products on 100,000 nodes (a few milliseconds, about what a few nodes of Choco's search cost where
         * each solves the relaxation). On a real catalog the rows and the servings prune deep supports well: on
         * ultra-caffeine-late's 34 candidates, proving that no plan of up to 5 products has 8 servings takes 11,800
         * nodes and ranking its tie-break 20,900, where Choco visited 52 nodes, a simplex each, for the same answers.
         */
        static final Depth WIDE = new Depth(6, 100_000);
    }

    /**
     * @param plan    the best plan found, or null
     * @param decided true when the search was exhaustive: without a plan, none exists within its limits
     * @param nodes   the nodes it visited (0 where nobody counts them: a tie-break)
     */
    record Answer(int[] plan, boolean decided, long nodes) {
        static final Answer UNDECIDED = new Answer(null, false, 0);
    }

    /**
     * The tie-break's best plans of distinct product sets, best first, all of the fewest products any plan within
     * the objective has (fewer than asked for when fewer sets of that size have plans); undecided (and empty) when
     * the search could not say.
     */
    record Ranking(List<int[]> plans, boolean decided) {
        static final Ranking UNDECIDED = new Ranking(List.of(), false);
    }

    private final Problem problem;
    /** "≥" rows: each target's min (null where it has none), then the negated concentration row if any. */
    private final int[][] minCoefficients;
    private final long[] minRight;
    /** "≤" rows, each target's max (null where it has none): their coefficients are never negative. */
    private final int[][] maxCoefficients;
    private final long[] maxRight;
    /** Whether a min row has a negative coefficient (the concentration's): then a last product can break one. */
    private final boolean signedRows;
    private final long[] objective;
    private final long objectiveFixed;
    /** Plans above it are not wanted; when the key is the objective, it falls below each plan found. */
    private long objectiveLimit;
    private final boolean keyIsObjective;
    /** What is minimised: key·servings + keyFixed per product used. */
    private final long[] key;
    private final long keyFixed;
    private final List<Set<Integer>> excluded;
    private final long deadlineNanos;
    /** The search stops undecided past this many nodes. */
    private long nodeBudget;
    private final Reach reach;
    /** requiredFrom[i]: how many required products have index ≥ i. */
    private final int[] requiredFrom;
    /** nextRequired[i]: the first required product of index ≥ i, or n. */
    private final int[] nextRequired;

    private final int[] servings;
    private final long[] minTotals;
    private final long[] maxTotals;
    /** The best plans of distinct product sets found so far; the search keeps {@code leaders.count} of them. */
    private Leaders leaders;
    /** What a plan's key must be under to enter {@link #leaders}. */
    private long bestKey;
    private long nodes;

    private SmallSupports(Problem problem, long objectiveAtMost, Goal minimised, List<Set<Integer>> excluded,
                          int widest, long nodeBudget, long deadlineNanos) {
        this.problem = problem;
        var rows = IntegerRows.of(problem);
        int mins = rows.targets() + (rows.hasConcentration() ? 1 : 0);
        this.minCoefficients = java.util.Arrays.copyOf(rows.minCoefficients(), mins);
        this.minRight = java.util.Arrays.copyOf(rows.minRight(), mins);
        if (rows.hasConcentration()) {
            var negated = new int[problem.size()];
            for (int i = 0; i < negated.length; i++) {
                negated[i] = -rows.concentration()[i];
            }
            minCoefficients[mins - 1] = negated;
            minRight[mins - 1] = 0;
        }
        this.maxCoefficients = rows.maxCoefficients();
        this.maxRight = rows.maxRight();
        this.signedRows = rows.hasConcentration();
        this.objective = ChocoModel.perServingCoefficients(problem, Goal.OBJECTIVE);
        this.objectiveFixed = ChocoModel.fixedCoefficient(problem, Goal.OBJECTIVE);
        this.objectiveLimit = objectiveAtMost;
        this.keyIsObjective = minimised == Goal.OBJECTIVE;
        this.key = ChocoModel.perServingCoefficients(problem, minimised);
        // The tie-break's per-product weight is constant within a size (sizes are searched in turn): leave it out.
        this.keyFixed = minimised == Goal.OBJECTIVE ? objectiveFixed : 0;
        this.excluded = excluded;
        this.deadlineNanos = deadlineNanos;
        this.nodeBudget = nodeBudget;
        this.reach = new Reach(problem, minCoefficients, objective, widest);
        this.requiredFrom = requiredFrom(problem);
        this.nextRequired = nextRequired(problem);
        this.servings = new int[problem.size()];
        this.minTotals = new long[minCoefficients.length];
        this.maxTotals = new long[maxCoefficients.length];
    }

    /**
     * The tie-break: among plans whose scaled objective is at most {@code objectiveAtMost} and whose product set
     * is none of {@code excluded}, the fewest products, then the least overshoot; sizes are tried from the
     * smallest up, so the first size with a plan is the least. Undecided when that takes more products or nodes
     * than {@code depth} allows.
     *
     * @param knownProducts the products of a plan known to qualify (no need to look beyond)
     * @param deadlineNanos when to give up, on {@link System#nanoTime()}'s clock
     */
    static Answer tieBreak(Problem problem, long objectiveAtMost, List<Set<Integer>> excluded, int knownProducts,
                           Depth depth, long deadlineNanos) {
        var ranking = tieBreaks(problem, objectiveAtMost, excluded, knownProducts, 1, depth, deadlineNanos);
        return ranking.plans().isEmpty() ? Answer.UNDECIDED : new Answer(ranking.plans().get(0), true, 0);
    }

    /**
     * The tie-break's {@code count} best plans of distinct product sets, in one search: what the tie-break would
     * give, then what it would give with that plan's product set excluded, and so on, as long as plans of the
     * fewest products remain — a request's alternatives mostly have the same objective, so their tie-breaks need
     * not search again.
     */
    static Ranking tieBreaks(Problem problem, long objectiveAtMost, List<Set<Integer>> excluded, int knownProducts,
                             int count, Depth depth, long deadlineNanos) {
        int largest = Math.min(Math.min(knownProducts, depth.widest()), problem.maxProducts());
        var search = new SmallSupports(problem, objectiveAtMost, Goal.TIE_BREAK, excluded, depth.widest(),
                Depth.NARROW.nodes(), deadlineNanos);
        for (int size = 1; size <= largest; size++) {
            if (size == MAX_SUPPORT + 1) {
                search.nodeBudget = search.nodes + depth.nodes();
            }
            if (!search.run(size, count)) {
                return Ranking.UNDECIDED;
            }
            var plans = search.leaders.plans();
            if (!plans.isEmpty()) {
                return new Ranking(plans, true);
            }
        }
        return Ranking.UNDECIDED; // the best plans use more products than enumerated (or rounding hid the known plan).
    }

    /**
     * The least objective among plans of at most {@code size} products whose scaled objective is at most
     * {@code objectiveAtMost} and whose product set is none of {@code excluded}; decided (with or without a plan)
     * when the search was exhaustive.
     */
    static Answer leastObjective(Problem problem, long objectiveAtMost, int size, List<Set<Integer>> excluded,
                                 Depth depth, long deadlineNanos) {
        var search = new SmallSupports(problem, objectiveAtMost, Goal.OBJECTIVE, excluded, depth.widest(),
                depth.nodes(), deadlineNanos);
        // maxProducts is a limit like any other: the search never looks past it.
        int largest = Math.min(Math.min(size, depth.widest()), problem.maxProducts());
        boolean decided = search.run(largest, 1);
        return new Answer(decided ? search.leaders.best() : null, decided, search.nodes);
    }

    /**
     * Searches every plan of at most {@code size} products for the {@code count} best product sets; false when the
     * budget ran out first.
     */
    private boolean run(int size, int count) {
        leaders = new Leaders(count);
        bestKey = Long.MAX_VALUE;
        return visit(0, size, 0, 0, 0);
    }

    /**
     * Depth-first, the products of a plan in index order: picks the next product j ≥ {@code from} and its
     * servings, with at most {@code slots} products still to pick. The depth is at most {@link Depth#widest},
     * whatever the catalog's size. Returns false when the node budget or the time runs out.
     */
    private boolean visit(int from, int slots, long objectiveSoFar, long keySoFar, int servingsSoFar) {
        if (++nodes > nodeBudget || (nodes % CLOCK_EVERY == 0 && System.nanoTime() > deadlineNanos)) {
            return false;
        }
        if (keySoFar >= bestKey || requiredFrom[from] > slots
                || !minsReachable(from, slots, objectiveSoFar, servingsSoFar)) {
            return true; // nothing below can be better, or can meet the rows.
        }
        if (requiredFrom[from] == 0 && minsMet() && consider(keySoFar) && bestKey <= keySoFar) {
            return true; // every row is met, and more products only add to a key that already no longer ranks.
        }
        if (slots == 0 || from == servings.length) {
            return true;
        }
        if (slots == 1) {
            completeWithOne(from, objectiveSoFar, keySoFar, servingsSoFar);
            return true;
        }
        // A required product cannot be skipped: the next product is at the latest the next required one.
        int last = requiredFrom[from] > 0 ? nextRequired[from] : servings.length - 1;
        for (int j = from; j <= last && minsReachable(j, slots, objectiveSoFar, servingsSoFar); j++) {
            if (!tryServings(j, slots, objectiveSoFar, keySoFar, servingsSoFar)) {
                return false;
            }
        }
        return true;
    }

    /** Product j with 1..upper servings, then the rest. */
    private boolean tryServings(int j, int slots, long objectiveSoFar, long keySoFar, int servingsSoFar) {
        boolean withinBudget = true;
        for (int v = 1; v <= problem.upper()[j] && withinBudget; v++) {
            long objectiveNow = objectiveSoFar + objectiveFixed + objective[j] * v;
            if (objectiveNow > objectiveLimit || servingsSoFar + v > problem.maxServings() || !add(j, 1)) {
                break; // costs and amounts are never negative: more servings only go further over.
            }
            servings[j] = v;
            withinBudget = visit(j + 1, slots - 1, objectiveNow, keySoFar + keyFixed + key[j] * v, servingsSoFar + v);
        }
        add(j, -servings[j]);
        servings[j] = 0;
        return withinBudget;
    }

    /**
     * The last product: for each j ≥ i only its fewest servings that meet every min can be best (more only add
     * to the objective, the key and the max rows, and where j lowers the concentration row, it is one of the mins
     * those servings meet), so there is no need to try the others.
     */
    private void completeWithOne(int i, long objectiveSoFar, long keySoFar, int servingsSoFar) {
        int last = requiredFrom[i] > 0 ? nextRequired[i] : servings.length - 1;
        for (int j = requiredFrom[i] > 0 ? last : i; j <= last; j++) {
            nodes++;
            int v = fewestServingsMeetingMins(j);
            if (v > problem.upper()[j] || servingsSoFar + v > problem.maxServings()
                    || objectiveSoFar + objectiveFixed + objective[j] * v > objectiveLimit) {
                continue;
            }
            long keyNow = keySoFar + keyFixed + key[j] * v;
            if (keyNow >= bestKey || !add(j, v)) {
                continue;
            }
            servings[j] = v;
            if (!signedRows || minsMet()) {
                consider(keyNow); // a negative coefficient can break the concentration row the others met
            }
            add(j, -v);
            servings[j] = 0;
        }
    }

    /** At least 1; Integer.MAX_VALUE when product j lacks a nutrient a min still needs. */
    private int fewestServingsMeetingMins(int j) {
        long fewest = 1;
        for (int t = 0; t < minTotals.length; t++) {
            var coefficients = minCoefficients[t];
            long missing = coefficients == null ? 0 : minRight[t] - minTotals[t];
            if (missing > 0) {
                if (coefficients[j] <= 0) {
                    return Integer.MAX_VALUE;
                }
                fewest = Math.max(fewest, (missing + coefficients[j] - 1) / coefficients[j]);
            }
        }
        return (int) Math.min(fewest, Integer.MAX_VALUE);
    }

    /** Adds {@code v} servings of product i to the row totals; false (and nothing added) if a max row breaks. */
    private boolean add(int i, int v) {
        boolean withinMax = true;
        for (int t = 0; t < minTotals.length; t++) {
            if (minCoefficients[t] != null) {
                minTotals[t] += (long) minCoefficients[t][i] * v;
            }
        }
        for (int t = 0; t < maxTotals.length; t++) {
            if (maxCoefficients[t] != null) {
                maxTotals[t] += (long) maxCoefficients[t][i] * v;
                withinMax &= maxTotals[t] <= maxRight[t];
            }
        }
        if (!withinMax) {
            add(i, -v);
        }
        return withinMax;
    }

    private boolean minsMet() {
        for (int t = 0; t < minTotals.length; t++) {
            if (minCoefficients[t] != null && minTotals[t] < minRight[t]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code slots} more products of index ≥ i could still lift every min row to its right-hand side. */
    private boolean minsReachable(int i, int slots, long objectiveSoFar, int servingsSoFar) {
        long objectiveLeft = objectiveLimit - objectiveSoFar - (slots > 0 ? objectiveFixed : 0);
        long servingsLeft = (long) problem.maxServings() - servingsSoFar;
        for (int t = 0; t < minTotals.length; t++) {
            long missing = minCoefficients[t] == null ? 0 : minRight[t] - minTotals[t];
            if (missing > 0 && (slots == 0 || objectiveLeft < 0 || reach.most(t, i, slots, objectiveLeft, servingsLeft) < missing)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A plan that meets every row: offered to the leaders if its product set is allowed (the caller has checked
     * that its key is under {@link #bestKey}). Returns whether it was allowed.
     */
    private boolean consider(long keySoFar) {
        var support = ExactSearch.productSet(servings);
        if (excluded.contains(support)) {
            return false;
        }
        bestKey = leaders.offer(support, servings.clone(), keySoFar);
        if (keyIsObjective) {
            // Only a cheaper plan can be better now: the objective left bounds what the remaining products can add.
            objectiveLimit = keySoFar - 1;
        }
        return true;
    }

    /**
     * The best plans of at most {@code count} distinct product sets, by key, each set's best plan only; among equal
     * keys the first found stays ahead. Small: count is a request's alternatives plus one.
     */
    private static final class Leaders {

        private record Leader(Set<Integer> support, int[] plan, long key) {
        }

        private final int count;
        /** Best first. */
        private final List<Leader> ranked = new ArrayList<>();

        Leaders(int count) {
            this.count = count;
        }

        int[] best() {
            return ranked.isEmpty() ? null : ranked.get(0).plan();
        }

        List<int[]> plans() {
            return ranked.stream().map(Leader::plan).toList();
        }

        /** Takes the plan in if it ranks; returns the key a plan must now be under to rank. */
        long offer(Set<Integer> support, int[] plan, long key) {
            var same = ranked.stream().filter(leader -> leader.support().equals(support)).findFirst();
            if (same.isPresent() && same.get().key() <= key) {
                return threshold();
            }
            same.ifPresent(ranked::remove);
            int at = 0;
            while (at < ranked.size() && ranked.get(at).key() <= key) {
                at++;
            }
            ranked.add(at, new Leader(support, plan, key));
            if (ranked.size() > count) {
                ranked.remove(count);
            }
            return threshold();
        }

        private long threshold() {
            return ranked.size() < count ? Long.MAX_VALUE : ranked.get(count - 1).key();
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

    private static int[] nextRequired(Problem problem) {
        int n = problem.size();
        var nextRequired = new int[n + 1];
        nextRequired[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            nextRequired[i] = problem.lower()[i] > 0 ? i : nextRequired[i + 1];
        }
        return nextRequired;
    }

    /**
     * The most that products of index ≥ i can still add to a min row, bounded three ways: by the k of them with
     * the largest contribution at their caps; by the servings left times the largest amount per serving; and by
     * the objective left times the largest amount per unit of objective (a product whose serving costs nothing
     * leaves that bound infinite). Suffix tables, built once. A negative coefficient (the concentration row's) is
     * never among the largest: the best completion leaves such a product out, so each bound counts 0 for it.
     */
    private static final class Reach {
        /** atCaps[t][k][i]: the sum of the k largest contributions at their caps among products ≥ i. */
        private final long[][][] atCaps;
        /** perServing[t][i]: the largest amount per serving among products ≥ i. */
        private final long[][] perServing;
        /** perObjective[t][i]: the largest amount per unit of per-serving objective among products ≥ i. */
        private final double[][] perObjective;

        Reach(Problem problem, int[][] minCoefficients, long[] objective, int widest) {
            int n = problem.size();
            int targets = minCoefficients.length;
            atCaps = new long[targets][widest + 1][n + 1];
            perServing = new long[targets][n + 1];
            perObjective = new double[targets][n + 1];
            for (int t = 0; t < targets; t++) {
                var coefficients = minCoefficients[t];
                var largest = new long[widest]; // the largest contributions seen so far, in decreasing order
                for (int i = n - 1; i >= 0 && coefficients != null; i--) {
                    insert(largest, (long) coefficients[i] * problem.upper()[i]);
                    long sum = 0;
                    for (int k = 1; k <= widest; k++) {
                        sum += largest[k - 1];
                        atCaps[t][k][i] = sum;
                    }
                    perServing[t][i] = Math.max(perServing[t][i + 1], coefficients[i]);
                    double ratio = coefficients[i] <= 0 ? 0
                            : objective[i] == 0 ? Double.POSITIVE_INFINITY : (double) coefficients[i] / objective[i];
                    perObjective[t][i] = Math.max(perObjective[t][i + 1], ratio);
                }
            }
        }

        private static void insert(long[] largest, long contribution) {
            for (int k = 0; k < largest.length; k++) {
                if (contribution > largest[k]) {
                    long displaced = largest[k];
                    largest[k] = contribution;
                    contribution = displaced;
                }
            }
        }

        long most(int t, int i, int slots, long objectiveLeft, long servingsLeft) {
            long most = Math.min(atCaps[t][Math.min(slots, atCaps[t].length - 1)][i], servingsLeft * perServing[t][i]);
            double byObjective = objectiveLeft * perObjective[t][i];
            // Rounded up generously: a bound in doubles must never prune a plan that fits.
            return byObjective < most ? (long) Math.ceil(byObjective * (1 + 1e-9)) + 1 : most;
        }
    }
}

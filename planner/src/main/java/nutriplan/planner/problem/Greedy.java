package nutriplan.planner.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A quick feasible plan to start from: add the serving that covers the most of what is still missing per
 * unit of cost, without breaking a max target or limit, until every min is met; then drop servings that
 * turn out not to be needed. Returns null when it gets stuck (which proves nothing).
 *
 * <p>A concentration limit is the one row a serving can break and a later one mend (water after gels), so it is
 * not checked like a max: while the plan is over it, what it is over counts as missing, and a serving of a product
 * more dilute than the limit covers it; a serving that raises the concentration is taken only while the dilute
 * products left could still take it back. The row is the exact integer one ({@link IntegerRows}), so a plan found
 * here is one the exact searches accept too.
 */
public final class Greedy {

    private Greedy() {
    }

    public static int[] solve(Problem problem) {
        return solve(problem, problem.lower());
    }

    /**
     * The best (least objective) of the plain greedy plan and of greedy plans started from one serving of each of
     * the {@code seeds} products that cover the largest shares of the mins: a pilot method. The plain greedy
     * misses plans that need a rare product early — the one caffeinated gel when caffeine has a min and
     * maxProducts is tight — and a seed puts it in first. Returns null when every run gets stuck.
     */
    public static int[] solveSeeded(Problem problem, int seeds) {
        return solveSeeded(problem, seeds, Long.MAX_VALUE);
    }

    /** The same, with no restart begun after the deadline (on {@link System#nanoTime()}'s clock). */
    public static int[] solveSeeded(Problem problem, int seeds, long deadlineNanos) {
        var best = solve(problem);
        for (int seed : seedOrder(problem, seeds)) {
            if (System.nanoTime() >= deadlineNanos) {
                break;
            }
            var start = problem.lower().clone();
            start[seed] = 1;
            var plan = solve(problem, start);
            if (plan != null && (best == null || problem.value(plan) < problem.value(best) - 1e-9)) {
                best = plan;
            }
        }
        return best;
    }

    /** Optional products ranked by the share of each min they can cover at their cap, summed over the mins. */
    private static List<Integer> seedOrder(Problem problem, int seeds) {
        var targets = problem.targets();
        var reachable = new double[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            for (int i = 0; i < problem.size(); i++) {
                reachable[t] += problem.amounts()[t][i] * problem.upper()[i];
            }
        }
        var share = new double[problem.size()];
        var candidates = new ArrayList<Integer>();
        for (int i = 0; i < problem.size(); i++) {
            for (int t = 0; t < targets.size(); t++) {
                if (targets.get(t).hasMin() && reachable[t] > 0) {
                    share[i] += problem.amounts()[t][i] * problem.upper()[i] / reachable[t];
                }
            }
            if (problem.lower()[i] == 0 && share[i] > 0) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer i) -> -share[i]).thenComparing(i -> i));
        return candidates.subList(0, Math.min(seeds, candidates.size()));
    }

    private static int[] solve(Problem problem, int[] start) {
        int n = problem.size();
        var targets = problem.targets();
        var amounts = problem.amounts();
        var servings = start.clone();
        var totals = new double[targets.size()];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < targets.size(); t++) {
                totals[t] += amounts[t][i] * servings[i];
            }
        }
        var row = Row.of(problem, servings);
        int used = count(servings);
        int total = sum(servings);
        while (!meetsMins(problem, totals) || row.over()) {
            int pick = -1;
            double pickScore = 0;
            for (int i = 0; i < n; i++) {
                if (servings[i] >= problem.upper()[i] || total >= problem.maxServings()
                        || (servings[i] == 0 && used >= problem.maxProducts()) || breaksMax(problem, totals, i)
                        || !row.canTake(i)) {
                    continue;
                }
                double gain = row.gain(i);
                for (int t = 0; t < targets.size(); t++) {
                    var target = targets.get(t);
                    if (target.hasMin() && totals[t] < target.min()) {
                        gain += Math.min(amounts[t][i], target.min() - totals[t]) / target.min();
                    }
                }
                double cost = problem.costs()[i] + (servings[i] == 0 ? problem.fixedCosts()[i] : 0);
                double score = gain / Math.max(cost, 1e-9);
                if (gain > 0 && score > pickScore) {
                    pick = i;
                    pickScore = score;
                }
            }
            if (pick < 0) {
                return null;
            }
            // The pick stays the best while each further serving still adds its full amount to every min it helps
            // (its gain holds, every other gain can only fall): add those servings in one step, each checked as
            // one step would be. Same plan as one serving per step, without rescanning every product each time.
            int batch = Math.min(servingsAtFullGain(problem, totals, pick), row.servingsAtFullGain(pick));
            for (int k = 0; k < batch; k++) {
                if (k > 0 && (servings[pick] >= problem.upper()[pick] || total >= problem.maxServings()
                        || breaksMax(problem, totals, pick) || !row.canTake(pick))) {
                    break;
                }
                if (servings[pick]++ == 0) {
                    used++;
                }
                total++;
                for (int t = 0; t < targets.size(); t++) {
                    totals[t] += amounts[t][pick];
                }
                row.add(pick, 1);
            }
        }
        dropUnneeded(problem, servings, totals, row);
        // Required servings alone may already break a max or a limit: only a plan that meets everything is returned.
        return !row.over() && problem.plan(servings).violations(problem.request()).isEmpty() ? servings : null;
    }

    /** How many servings of product i in a row keep its full gain: until the first min it helps is nearly met. */
    private static int servingsAtFullGain(Problem problem, double[] totals, int i) {
        long servings = Integer.MAX_VALUE;
        var targets = problem.targets();
        for (int t = 0; t < targets.size(); t++) {
            double amount = problem.amounts()[t][i];
            double missing = targets.get(t).min() - totals[t];
            if (targets.get(t).hasMin() && amount > 0 && missing > 0) {
                servings = Math.min(servings, (long) Math.floor(missing / amount));
            }
        }
        return (int) Math.max(1, servings);
    }

    /** Removes servings, most expensive first, while every min still holds (and the plan keeps its concentration). */
    private static void dropUnneeded(Problem problem, int[] servings, double[] totals, Row row) {
        var amounts = problem.amounts();
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            int worst = -1;
            for (int i = 0; i < servings.length; i++) {
                if (servings[i] > problem.lower()[i] && stillMeetsMinsWithout(problem, totals, i) && row.canDrop(i)
                        && (worst < 0 || problem.costs()[i] > problem.costs()[worst])) {
                    worst = i;
                }
            }
            if (worst >= 0) {
                servings[worst]--;
                for (int t = 0; t < totals.length; t++) {
                    totals[t] -= amounts[t][worst];
                }
                row.add(worst, -1);
                dropped = true;
            }
        }
    }

    /**
     * The concentration row in its exact integer form, Σᵢ kᵢ·xᵢ ≤ 0, as the greedy plan grows: its total, and how much
     * the products more dilute than the limit could still take off it within their caps. Without a limit every
     * question has the answer that changes nothing.
     */
    private static final class Row {
        private static final Row NONE = new Row(null, 0, 0);

        private final int[] coefficients;
        private long total;
        /** Σ −kⱼ·(upperⱼ − xⱼ) over the products with kⱼ &lt; 0: the most the plan can still be diluted by. */
        private long dilution;

        private Row(int[] coefficients, long total, long dilution) {
            this.coefficients = coefficients;
            this.total = total;
            this.dilution = dilution;
        }

        static Row of(Problem problem, int[] servings) {
            if (!problem.hasConcentration()) {
                return NONE;
            }
            var coefficients = IntegerRows.of(problem).concentration();
            long total = 0;
            long dilution = 0;
            for (int i = 0; i < coefficients.length; i++) {
                total += (long) coefficients[i] * servings[i];
                if (coefficients[i] < 0) {
                    dilution -= (long) coefficients[i] * (problem.upper()[i] - servings[i]);
                }
            }
            return new Row(coefficients, total, dilution);
        }

        /** The plan holds more carbohydrate than its fluid allows. */
        boolean over() {
            return coefficients != null && total > 0;
        }

        /** A serving of i leaves the plan within reach of the limit: what it adds, the dilute products can take back. */
        boolean canTake(int i) {
            return coefficients == null || coefficients[i] <= 0 || total + coefficients[i] <= dilution;
        }

        /** The share of what the plan is over by that a serving of i takes off (0 when it is not over). */
        double gain(int i) {
            return over() && coefficients[i] < 0 ? Math.min(-coefficients[i], total) / (double) total : 0;
        }

        /** Servings of i in a row that each take their full amount off what the plan is over by. */
        int servingsAtFullGain(int i) {
            return over() && coefficients[i] < 0 ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, total / -coefficients[i]))
                    : Integer.MAX_VALUE;
        }

        /** One serving less of i keeps the plan within the limit (or no further over it). */
        boolean canDrop(int i) {
            return coefficients == null || coefficients[i] >= 0 || total - coefficients[i] <= 0;
        }

        void add(int i, int servings) {
            if (coefficients != null) {
                total += (long) coefficients[i] * servings;
                if (coefficients[i] < 0) {
                    dilution += (long) coefficients[i] * servings;
                }
            }
        }
    }

    private static boolean stillMeetsMinsWithout(Problem problem, double[] totals, int i) {
        var targets = problem.targets();
        for (int t = 0; t < targets.size(); t++) {
            if (targets.get(t).hasMin() && totals[t] - problem.amounts()[t][i] < targets.get(t).min()) {
                return false;
            }
        }
        return true;
    }

    private static boolean meetsMins(Problem problem, double[] totals) {
        var targets = problem.targets();
        for (int t = 0; t < targets.size(); t++) {
            if (totals[t] < targets.get(t).min()) {
                return false;
            }
        }
        return true;
    }

    private static boolean breaksMax(Problem problem, double[] totals, int i) {
        var targets = problem.targets();
        for (int t = 0; t < targets.size(); t++) {
            if (totals[t] + problem.amounts()[t][i] > targets.get(t).max()) {
                return true;
            }
        }
        return false;
    }

    private static int count(int[] servings) {
        int count = 0;
        for (int s : servings) {
            count += s > 0 ? 1 : 0;
        }
        return count;
    }

    private static int sum(int[] servings) {
        int sum = 0;
        for (int s : servings) {
            sum += s;
        }
        return sum;
    }
}

package nutriplan.planner.problem;

/**
 * A quick feasible plan to start from: add the serving that covers the most of what is still missing per
 * unit of cost, without breaking a max target or limit, until every min is met; then drop servings that
 * turn out not to be needed. Returns null when it gets stuck (which proves nothing).
 */
public final class Greedy {

    private Greedy() {
    }

    public static int[] solve(Problem problem) {
        int n = problem.size();
        var targets = problem.targets();
        var amounts = problem.amounts();
        var servings = problem.lower().clone();
        var totals = new double[targets.size()];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < targets.size(); t++) {
                totals[t] += amounts[t][i] * servings[i];
            }
        }
        int used = count(servings);
        int total = sum(servings);
        while (!meetsMins(problem, totals)) {
            int pick = -1;
            double pickScore = 0;
            for (int i = 0; i < n; i++) {
                if (servings[i] >= problem.upper()[i] || total >= problem.maxServings()
                        || (servings[i] == 0 && used >= problem.maxProducts()) || breaksMax(problem, totals, i)) {
                    continue;
                }
                double gain = 0;
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
            if (servings[pick]++ == 0) {
                used++;
            }
            total++;
            for (int t = 0; t < targets.size(); t++) {
                totals[t] += amounts[t][pick];
            }
        }
        dropUnneeded(problem, servings, totals);
        // Required servings alone may already break a max or a limit: only a plan that meets everything is returned.
        return problem.plan(servings).violations(problem.request()).isEmpty() ? servings : null;
    }

    /** Removes servings, most expensive first, while every min still holds. */
    private static void dropUnneeded(Problem problem, int[] servings, double[] totals) {
        var amounts = problem.amounts();
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            int worst = -1;
            for (int i = 0; i < servings.length; i++) {
                if (servings[i] > problem.lower()[i] && stillMeetsMinsWithout(problem, totals, i)
                        && (worst < 0 || problem.costs()[i] > problem.costs()[worst])) {
                    worst = i;
                }
            }
            if (worst >= 0) {
                servings[worst]--;
                for (int t = 0; t < totals.length; t++) {
                    totals[t] -= amounts[t][worst];
                }
                dropped = true;
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

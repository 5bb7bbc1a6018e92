package nutriplan.planner.problem;

import java.util.ArrayList;
import java.util.List;

import nutriplan.catalog.product.Product;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;

/**
 * Prepares a {@link Problem}: keeps the products the request allows and the objective accepts, and
 * tightens each one's servings cap before any search.
 */
public final class ProblemBuilder {

    private ProblemBuilder() {
    }

    /**
     * The candidates: allowed by include/exclude, eligible for the objective, not left out for an unknown value
     * under a maximum ({@link UnknownValues}), and able to hold a serving.
     */
    public static Problem build(PlanRequest request) {
        var candidates = new ArrayList<Product>();
        var lower = new ArrayList<Integer>();
        var upper = new ArrayList<Integer>();
        for (var product : request.allowedProducts()) {
            if (request.objective() == Objective.COST && product.price() == null
                    || UnknownValues.isLeftOut(request, product)) {
                continue;
            }
            int cap = cap(request, product);
            int least = request.required().contains(product.id()) ? 1 : 0;
            if (cap < Math.max(least, 1)) {
                // Any serving breaks a max target or a limit: the product cannot appear (when it is required, the
                // planner reports the request infeasible because of it).
                continue;
            }
            candidates.add(product);
            lower.add(least);
            upper.add(cap);
        }
        return of(request, candidates, lower.stream().mapToInt(Integer::intValue).toArray(),
                upper.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The same problem with each cap cut to the servings that can still help: beyond ⌈minₜ/aₜᵢ⌉ for every min it
     * contributes to, a product covers those mins on its own, and more of it only adds cost, overshoot and
     * max-target totals. So no lexicographically best plan, and no alternative's product set, is lost (a product
     * that helps no minimum keeps one serving, for alternatives). (Not for
     * questions such as "how much sodium can these products reach", which want the full caps.) With a concentration
     * limit, a product more dilute than the limit keeps its full cap: more of it can be what brings the plan's
     * carbohydrate per litre down (water beside gels), which no minimum says; for the others more servings only
     * raise the concentration, so the argument holds for them.
     */
    public static Problem withUsefulCaps(Problem problem) {
        var upper = problem.upper().clone();
        var targets = problem.targets();
        var concentration = problem.concentration();
        for (int i = 0; i < upper.length; i++) {
            if (concentration != null && concentration[i] < 0) {
                continue;
            }
            // At least one serving: an alternative may need a product that helps no minimum at all.
            long useful = Math.max(problem.lower()[i], 1);
            for (int t = 0; t < targets.size(); t++) {
                double amount = problem.amounts()[t][i];
                if (targets.get(t).hasMin() && amount > 0) {
                    useful = Math.max(useful, (long) Math.ceil(targets.get(t).min() / amount - 1e-9));
                }
            }
            upper[i] = (int) Math.min(upper[i], useful);
        }
        return new Problem(problem.request(), problem.products(), problem.lower(), upper, problem.amounts(),
                problem.costs(), problem.fixedCosts());
    }

    /** A problem over exactly these candidates with these bounds (the engines reuse it for sub-problems). */
    public static Problem of(PlanRequest request, List<Product> candidates, int[] lower, int[] upper) {
        int n = candidates.size();
        var targets = request.targets();
        var amounts = new double[targets.size()][n];
        var costs = new double[n];
        var fixedCosts = new double[n];
        for (int i = 0; i < n; i++) {
            var product = candidates.get(i);
            for (int t = 0; t < targets.size(); t++) {
                amounts[t][i] = product.amount(targets.get(t).nutrient());
            }
            costs[i] = switch (request.objective()) {
                case SERVINGS -> 1;
                case PRODUCTS -> 0;
                case MASS -> product.serving().value();
                case COST -> product.price().amount();
            };
            fixedCosts[i] = request.objective() == Objective.PRODUCTS ? 1 : 0;
        }
        return new Problem(request, List.copyOf(candidates), lower, upper, amounts, costs, fixedCosts);
    }

    /**
     * The most servings of a product any plan can hold: its own maxServings, maxServingsPerProduct,
     * maxServings in total, and for each max target the servings that stay under it on their own
     * (amounts are never negative, so other products can only add to the total). The concentration row gives no cap
     * here: its coefficients have both signs, so other products can take a total back under it.
     */
    static int cap(PlanRequest request, Product product) {
        long cap = Math.min(request.limits().maxServingsPerProduct(), request.limits().maxServings());
        if (product.maxServings() != null) {
            cap = Math.min(cap, product.maxServings());
        }
        for (var target : request.targets()) {
            double amount = product.amount(target.nutrient());
            if (target.hasMax() && amount > 0) {
                cap = Math.min(cap, (long) Math.floor(target.max() / amount * (1 + 1e-12)));
            }
        }
        // Even without any limit the cap is finite: it keeps the engines' integer sums safe.
        return (int) Math.min(cap, PlanningLimits.UNCAPPED_SERVINGS);
    }
}

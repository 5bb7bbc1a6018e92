package nutriplan.planner.problem;

import java.util.List;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Product;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanItem;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/**
 * A request turned into plain arrays, once, for the engines: the candidate products, their servings caps,
 * the amount of each targeted nutrient per serving, and the objective's cost per serving.
 *
 * @param products  the candidates, in catalog order
 * @param lower     least servings of each candidate (1 when required)
 * @param upper     most servings of each candidate: product maxServings, limits, the servings any max target allows
 * @param amounts   amounts[t][i]: canonical amount of target t's nutrient in one serving of candidate i
 * @param costs     objective cost of one serving (1 for servings, 0 for products, grams for mass, price for cost)
 * @param fixedCosts objective cost of using a candidate at all (1 for the products objective, else 0)
 */
public record Problem(PlanRequest request, List<Product> products, int[] lower, int[] upper, double[][] amounts,
                      double[] costs, double[] fixedCosts) {

    public int size() {
        return products.size();
    }

    public List<Target> targets() {
        return request.targets();
    }

    public Objective objective() {
        return request.objective();
    }

    public int maxProducts() {
        return request.limits().maxProducts();
    }

    public int maxServings() {
        return request.limits().maxServings();
    }

    /** Whether the request limits the plan's carbohydrate per litre of fluid ({@link #concentration}). */
    public boolean hasConcentration() {
        return request.concentration() != null;
    }

    /**
     * The concentration row's real coefficients, or null without a limit: per serving of each candidate, its
     * carbohydrate less what its fluid allows, cᵢ − C·fᵢ in grams (C the limit in g per mL), so that a plan keeps the
     * limit exactly when Σᵢ (cᵢ − C·fᵢ)·xᵢ ≤ 0. Unlike every target's amounts these have both signs: a drink more
     * dilute than the limit helps, a gel with no fluid hurts. (A fluid that is not known counts 0, which can only
     * overstate the concentration; a carbohydrate that is not known keeps the product out, see {@link UnknownValues}.)
     */
    public double[] concentration() {
        var limit = request.concentration();
        if (limit == null) {
            return null;
        }
        var coefficients = new double[products.size()];
        for (int i = 0; i < coefficients.length; i++) {
            var product = products.get(i);
            coefficients[i] = product.amount(Nutrient.CARBOHYDRATE)
                    - limit.gramsPerMillilitre() * product.amount(Nutrient.FLUID);
        }
        return coefficients;
    }

    /** The same problem with candidate i allowed no serving (it must not be required). */
    public Problem without(int i) {
        var newUpper = upper.clone();
        newUpper[i] = 0;
        return new Problem(request, products, lower, newUpper, amounts, costs, fixedCosts);
    }

    /** The plan of a servings vector over the candidates. */
    public Plan plan(int[] servings) {
        var items = new java.util.ArrayList<PlanItem>();
        for (int i = 0; i < servings.length; i++) {
            if (servings[i] > 0) {
                items.add(new PlanItem(products.get(i), servings[i]));
            }
        }
        return new Plan(items);
    }

    /** The objective value of a servings vector, in doubles. */
    public double value(int[] servings) {
        double value = 0;
        for (int i = 0; i < servings.length; i++) {
            if (servings[i] > 0) {
                value += costs[i] * servings[i] + fixedCosts[i];
            }
        }
        return value;
    }
}

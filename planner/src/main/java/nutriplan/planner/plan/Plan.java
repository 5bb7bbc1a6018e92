package nutriplan.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Product;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/** One combination of servings, with its totals computed in doubles from the products. */
public record Plan(List<PlanItem> items) {

    /** Relative slack for comparing totals with bounds: absorbs float noise, never a real excess. */
    public static final double TOLERANCE = 1e-9;

    public Plan {
        items = List.copyOf(items);
    }

    public double total(Nutrient nutrient) {
        double total = 0;
        for (var item : items) {
            total += item.product().amount(nutrient) * item.servings();
        }
        return total;
    }

    public int servings() {
        return items.stream().mapToInt(PlanItem::servings).sum();
    }

    public int productCount() {
        return items.size();
    }

    /** Serving mass, mL counted as g. */
    public double mass() {
        return items.stream().mapToDouble(item -> item.product().serving().value() * item.servings()).sum();
    }

    /** Price of the plan; products without a price count as 0 (they are not eligible for "cost"). */
    public double cost() {
        return items.stream()
                .mapToDouble(item -> item.product().price() == null ? 0 : item.product().price().amount() * item.servings())
                .sum();
    }

    public double value(Objective objective) {
        return switch (objective) {
            case SERVINGS -> servings();
            case PRODUCTS -> productCount();
            case MASS -> mass();
            case COST -> cost();
        };
    }

    /** Relative excess over each minimum, summed: the last tie-break (API.md). */
    public double overshoot(List<Target> targets) {
        double overshoot = 0;
        for (var target : targets) {
            if (target.hasMin()) {
                overshoot += Math.max(0, total(target.nutrient()) - target.min()) / target.min();
            }
        }
        return overshoot;
    }

    public Set<String> productIds() {
        var ids = new TreeSet<String>();
        items.forEach(item -> ids.add(item.product().id()));
        return ids;
    }

    public int servingsOf(String productId) {
        return items.stream().filter(item -> item.product().id().equals(productId)).mapToInt(PlanItem::servings).sum();
    }

    /**
     * Every bound and limit of the request this plan breaks, checked in doubles; empty when it meets them all.
     * The solvers call this on every plan before returning it.
     */
    public List<String> violations(PlanRequest request) {
        var violations = new ArrayList<String>();
        for (var target : request.targets()) {
            double total = total(target.nutrient());
            if (total < target.min() * (1 - TOLERANCE)) {
                violations.add(target.nutrient() + " total " + total + " is below min " + target.min());
            }
            if (total > target.max() * (1 + TOLERANCE)) {
                violations.add(target.nutrient() + " total " + total + " is above max " + target.max());
            }
        }
        if (request.concentration() != null && !keepsConcentration(request)) {
            violations.add("carbohydrate " + total(Nutrient.CARBOHYDRATE) + " g in " + total(Nutrient.FLUID)
                    + " mL of fluid is above " + request.concentration().maxGramsPerLitre() + " g per litre");
        }
        var limits = request.limits();
        if (servings() > limits.maxServings()) {
            violations.add(servings() + " servings exceed maxServings " + limits.maxServings());
        }
        if (productCount() > limits.maxProducts()) {
            violations.add(productCount() + " products exceed maxProducts " + limits.maxProducts());
        }
        for (var item : items) {
            checkItem(request, item, violations);
        }
        for (var id : request.required()) {
            if (servingsOf(id) == 0) {
                violations.add("required product " + id + " is missing");
            }
        }
        return violations;
    }

    /**
     * Whether the plan's carbohydrate is at most the request's concentration limit times its fluid (true without a
     * limit), in doubles with the same relative tolerance as a bound, here relative to the two sides.
     */
    public boolean keepsConcentration(PlanRequest request) {
        var limit = request.concentration();
        if (limit == null) {
            return true;
        }
        double carbohydrate = total(Nutrient.CARBOHYDRATE);
        double allowed = limit.gramsPerMillilitre() * total(Nutrient.FLUID);
        return carbohydrate - allowed <= TOLERANCE * (carbohydrate + allowed);
    }

    /** Grams of carbohydrate per litre of the plan's fluid: 0 without carbohydrate, infinite without fluid. */
    public double concentration() {
        double carbohydrate = total(Nutrient.CARBOHYDRATE);
        if (carbohydrate <= 0) {
            return 0;
        }
        double fluid = total(Nutrient.FLUID);
        return fluid <= 0 ? Double.POSITIVE_INFINITY : carbohydrate / fluid * 1000;
    }

    private static void checkItem(PlanRequest request, PlanItem item, List<String> violations) {
        Product product = item.product();
        if (!request.allows(product)) {
            violations.add(product.id() + " is not allowed by include, exclude or phase");
        }
        if (item.servings() > request.limits().maxServingsPerProduct()) {
            violations.add(product.id() + " has " + item.servings() + " servings, above maxServingsPerProduct");
        }
        if (product.maxServings() != null && item.servings() > product.maxServings()) {
            violations.add(product.id() + " has " + item.servings() + " servings, above its maxServings " + product.maxServings());
        }
        if (request.objective() == Objective.COST && product.price() == null) {
            violations.add(product.id() + " has no price, so it is not eligible for the cost objective");
        }
    }
}

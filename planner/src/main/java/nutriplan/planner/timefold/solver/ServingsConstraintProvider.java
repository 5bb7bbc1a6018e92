package nutriplan.planner.timefold.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toSet;
import static ai.timefold.solver.core.api.score.stream.Joiners.filtering;

import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.ToLongBiFunction;

import ai.timefold.solver.core.api.score.BendableScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;

import nutriplan.planner.timefold.domain.ConcentrationRow;
import nutriplan.planner.timefold.domain.EarlierPlan;
import nutriplan.planner.timefold.domain.NutrientRow;
import nutriplan.planner.timefold.domain.PlanLimits;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;
import nutriplan.planner.timefold.solver.justifications.BoundMissed;
import nutriplan.planner.timefold.solver.justifications.ConcentrationExceeded;
import nutriplan.planner.timefold.solver.justifications.LimitExceeded;
import nutriplan.planner.timefold.solver.justifications.Overshoot;
import nutriplan.planner.timefold.solver.justifications.ProductShare;
import nutriplan.planner.timefold.solver.justifications.SameProducts;

/**
 * The rules of a plan. Hard: every target bound and limit, each penalised by how far it is missed relative to
 * itself (in millionths), so that the search is guided towards feasibility. Soft, one level each, in API.md's
 * order: the request's objective, then fewer products, then less overshoot of the minimums. The servings cap of
 * each product and {@code require} are its value range, not rules: no move can break them.
 */
public final class ServingsConstraintProvider implements ConstraintProvider {

    // The hard rules' names, shared with BrokenRules, which explains a plan by them.
    public static final String BELOW_MINIMUM = "Below a minimum";
    public static final String ABOVE_MAXIMUM = "Above a maximum";
    public static final String TOO_CONCENTRATED = "Too concentrated";
    public static final String TOO_MANY_SERVINGS = "Too many servings";
    public static final String TOO_MANY_PRODUCTS = "Too many products";
    public static final String SAME_PRODUCTS = "Same products as an earlier plan";

    static final BendableScore HARD = BendableScore.ofHard(ServingsPlan.HARD_LEVELS, ServingsPlan.SOFT_LEVELS, 0, 1);
    static final BendableScore OBJECTIVE = soft(ServingsPlan.OBJECTIVE_LEVEL);
    static final BendableScore PRODUCTS = soft(ServingsPlan.PRODUCTS_LEVEL);
    static final BendableScore OVERSHOOT = soft(ServingsPlan.OVERSHOOT_LEVEL);

    // Shared by the rules on minimums (one network node for both): the same function instances.
    private static final BiPredicate<NutrientRow, ProductServings> SUPPLIES_MIN =
            (row, product) -> product.isUsed() && product.minAmount(row.index()) > 0;
    private static final ToLongBiFunction<NutrientRow, ProductServings> MIN_TOTAL =
            (row, product) -> product.minAmount(row.index()) * product.servings();
    private static final BiFunction<NutrientRow, ProductServings, NutrientRow> ROW = (row, product) -> row;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard constraints
                belowMinimum(factory),
                aboveMaximum(factory),
                tooConcentrated(factory),
                tooManyServings(factory),
                tooManyProducts(factory),
                sameProductsAsEarlierPlan(factory),
                // Soft constraints, most important first
                objective(factory),
                productCount(factory),
                overshoot(factory)
        };
    }

    /** A nutrient's total reaches its minimum; a shortfall is penalised relative to the minimum. */
    Constraint belowMinimum(ConstraintFactory factory) {
        return minTotals(factory)
                .complement(NutrientRow.class, row -> 0L) // a nutrient no product in the plan supplies totals 0
                .filter((row, total) -> row.shortfall(total) > 0)
                .penalize(HARD, NutrientRow::shortfall)
                .justifyWith((row, total, score) -> BoundMissed.below(row, total))
                .asConstraint(BELOW_MINIMUM);
    }

    /** A nutrient's total stays within its maximum; an excess is penalised relative to the maximum. */
    Constraint aboveMaximum(ConstraintFactory factory) {
        return factory.forEach(NutrientRow.class)
                .filter(NutrientRow::hasMax)
                .join(ProductServings.class, filtering((row, product) -> product.isUsed() && product.maxAmount(row.index()) > 0))
                .groupBy(ROW, sum((row, product) -> product.maxAmount(row.index()) * product.servings()))
                .filter((row, total) -> row.excess(total) > 0)
                .penalize(HARD, NutrientRow::excess)
                .justifyWith((row, total, score) -> BoundMissed.above(row, total))
                .asConstraint(ABOVE_MAXIMUM);
    }

    /**
     * The plan's carbohydrate stays within what its fluid allows at the concentration limit (Σ kᵢ·xᵢ ≤ 0, coefficients
     * of both signs); an excess is penalised relative to the carbohydrate the plan is about, as a max's is.
     */
    Constraint tooConcentrated(ConstraintFactory factory) {
        return factory.forEach(ConcentrationRow.class)
                .join(ProductServings.class, filtering((row, product) -> product.isUsed() && product.concentration() != 0))
                .groupBy((row, product) -> row, sum((row, product) -> product.concentration() * product.servings()))
                .filter((row, total) -> row.excess(total) > 0)
                .penalize(HARD, ConcentrationRow::excess)
                .justifyWith((row, total, score) -> ConcentrationExceeded.of(row, total))
                .asConstraint(TOO_CONCENTRATED);
    }

    /** The plan holds at most maxServings servings in total. */
    Constraint tooManyServings(ConstraintFactory factory) {
        return factory.forEach(ProductServings.class)
                .filter(ProductServings::isUsed)
                .groupBy(sum(ProductServings::servings))
                .join(PlanLimits.class)
                .filter((servings, limits) -> servings > limits.maxServings())
                .penalize(HARD, (servings, limits) -> PlanLimits.excess(servings, limits.maxServings()))
                .justifyWith((servings, limits, score) -> new LimitExceeded("maxServings", servings, limits.maxServings()))
                .asConstraint(TOO_MANY_SERVINGS);
    }

    /** The plan uses at most maxProducts distinct products. */
    Constraint tooManyProducts(ConstraintFactory factory) {
        return factory.forEach(ProductServings.class)
                .filter(ProductServings::isUsed)
                .groupBy(count())
                .join(PlanLimits.class)
                .filter((products, limits) -> products > limits.maxProducts())
                .penalize(HARD, (products, limits) -> PlanLimits.excess(products, limits.maxProducts()))
                .justifyWith((products, limits, score) -> new LimitExceeded("maxProducts", products, limits.maxProducts()))
                .asConstraint(TOO_MANY_PRODUCTS);
    }

    /** An alternative uses a set of products different from every plan given before it. */
    Constraint sameProductsAsEarlierPlan(ConstraintFactory factory) {
        return factory.forEach(ProductServings.class)
                .filter(ProductServings::isUsed)
                .groupBy(toSet(ProductServings::index))
                .join(EarlierPlan.class, filtering((products, earlier) -> earlier.products().equals(products)))
                .penalize(HARD, (products, earlier) -> NutrientRow.PER_WHOLE_BOUND)
                .justifyWith((products, earlier, score) -> new SameProducts(earlier.rank()))
                .asConstraint(SAME_PRODUCTS);
    }

    /** The request's objective (servings, products, mass or cost), in the exact engine's integer units. */
    Constraint objective(ConstraintFactory factory) {
        return factory.forEach(ProductServings.class)
                .filter(product -> product.objective() > 0)
                .penalize(OBJECTIVE, ProductServings::objective)
                .justifyWith((product, score) -> new ProductShare(product.product().id(), product.servings(), product.objective()))
                .asConstraint("Objective");
    }

    /** Ties on the objective go to fewer distinct products. */
    Constraint productCount(ConstraintFactory factory) {
        return factory.forEach(ProductServings.class)
                .filter(ProductServings::isUsed)
                .penalize(PRODUCTS)
                .justifyWith((product, score) -> new ProductShare(product.product().id(), product.servings(), 1))
                .asConstraint("Fewer products");
    }

    /** Then to less overshoot: each total above its minimum, relative to the minimum. */
    Constraint overshoot(ConstraintFactory factory) {
        return minTotals(factory)
                .filter((row, total) -> row.overshoot(total) > 0)
                .penalize(OVERSHOOT, NutrientRow::overshoot)
                .justifyWith((row, total, score) -> Overshoot.of(row, total))
                .asConstraint("Less overshoot");
    }

    /** Each min row with the total of the products in the plan that supply it (rows none supplies are absent). */
    private static BiConstraintStream<NutrientRow, Long> minTotals(ConstraintFactory factory) {
        return factory.forEach(NutrientRow.class)
                .filter(NutrientRow::hasMin)
                .join(ProductServings.class, filtering(SUPPLIES_MIN))
                .groupBy(ROW, sum(MIN_TOTAL));
    }

    private static BendableScore soft(int level) {
        return BendableScore.ofSoft(ServingsPlan.HARD_LEVELS, ServingsPlan.SOFT_LEVELS, level, 1);
    }
}

package nutriplan.planner.timefold.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.valuerange.ValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import nutriplan.catalog.product.Product;

/**
 * The servings of one candidate product: the planning entity, one per candidate. Its value range is
 * lower..upper: 1.. for a required product, and the cap that the limits and max targets allow (tightened as for
 * the exact engine), so neither can be broken by a move.
 *
 * <p>The amounts are the product's per serving in the integer rows the score sums (min rows rounded down, max
 * rows rounded up, as {@link nutriplan.planner.problem.Scaling} explains), indexed like the request's targets;
 * 0 where the target has no such row.
 */
@PlanningEntity
public class ProductServings {

    private int index;
    private Product product;
    private int lower;
    private int upper;
    private long[] minAmounts;
    private long[] maxAmounts;
    private long cost;
    private long fixedCost;
    private long concentration;

    @PlanningVariable(valueRangeProviderRefs = "servingsRange")
    private Integer servings;

    /** For Timefold's solution cloner. */
    ProductServings() {
    }

    /**
     * @param cost      the objective's integer cost of one serving
     * @param fixedCost the objective's integer cost of using the product at all (1 for the products objective)
     */
    public ProductServings(int index, Product product, int lower, int upper, long[] minAmounts, long[] maxAmounts,
                           long cost, long fixedCost, int servings) {
        this(index, product, lower, upper, minAmounts, maxAmounts, 0, cost, fixedCost, servings);
    }

    /**
     * @param concentration the product's coefficient in the concentration row ({@link ConcentrationRow}): its
     *                      carbohydrate less what its fluid allows, in the row's integer units; 0 without a limit
     */
    public ProductServings(int index, Product product, int lower, int upper, long[] minAmounts, long[] maxAmounts,
                           long concentration, long cost, long fixedCost, int servings) {
        this.index = index;
        this.product = product;
        this.lower = lower;
        this.upper = upper;
        this.minAmounts = minAmounts;
        this.maxAmounts = maxAmounts;
        this.cost = cost;
        this.fixedCost = fixedCost;
        this.concentration = concentration;
        this.servings = servings;
    }

    @ValueRangeProvider(id = "servingsRange")
    public ValueRange<Integer> getServingsRange() {
        return ValueRangeFactory.createIntValueRange(lower, upper + 1);
    }

    public int index() {
        return index;
    }

    public Product product() {
        return product;
    }

    public int lower() {
        return lower;
    }

    public int upper() {
        return upper;
    }

    public Integer getServings() {
        return servings;
    }

    public void setServings(Integer servings) {
        this.servings = servings;
    }

    /** The servings, 0 while unassigned. */
    public int servings() {
        return servings == null ? 0 : servings;
    }

    public boolean isUsed() {
        return servings != null && servings > 0;
    }

    public long minAmount(int target) {
        return minAmounts[target];
    }

    public long maxAmount(int target) {
        return maxAmounts[target];
    }

    /** One serving's coefficient in the concentration row: negative for a product more dilute than the limit. */
    public long concentration() {
        return concentration;
    }

    public long cost() {
        return cost;
    }

    public long fixedCost() {
        return fixedCost;
    }

    /** This product's share of the objective. */
    public long objective() {
        return isUsed() ? cost * servings + fixedCost : 0;
    }

    @Override
    public String toString() {
        return product.id() + "×" + servings();
    }
}

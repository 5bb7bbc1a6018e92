package nutriplan.planner.timefold.solver;

import java.util.Arrays;
import java.util.List;

import nutriplan.planner.timefold.domain.CandidateLists;
import nutriplan.planner.timefold.domain.ConcentrationRow;
import nutriplan.planner.timefold.domain.NutrientRow;
import nutriplan.planner.timefold.domain.PlanLimits;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;

/**
 * The working plan at the start of a step, read once: which products it uses, every nutrient's total, what is short
 * and whether it breaks anything. {@link MoveGenerator} picks moves from it and every {@link Draft} starts from it.
 * The arrays are never changed after {@link #read}.
 *
 * @param used         the indices of the products with servings
 * @param minTotals    per target, the total by the products' min-row amounts (rounded down)
 * @param maxTotals    per target, the total by the max-row amounts (rounded up)
 * @param servings     the servings in all
 * @param concentration the concentration row's total, Σ kᵢ·xᵢ (above 0: more carbohydrate than the fluid allows)
 * @param shortRows    the targets whose minimum is not met
 * @param feasible     nothing short, nothing over, no limit broken
 * @param shareWeights 1/min per target with a minimum: a unit's share of its minimum
 * @param concentrationRow the concentration limit, or null
 */
record WorkingPlan(List<ProductServings> products, List<NutrientRow> rows, PlanLimits limits, CandidateLists candidates,
                   int[] used, long[] minTotals, long[] maxTotals, long servings, long concentration, int[] shortRows,
                   boolean feasible, double[] shareWeights, ConcentrationRow concentrationRow) {

    static WorkingPlan read(ServingsPlan plan) {
        var products = plan.getProducts();
        var rows = plan.getRows();
        var limits = plan.getLimits();
        int targets = rows.size();
        var minTotals = new long[targets];
        var maxTotals = new long[targets];
        var usedList = new int[16];
        int count = 0;
        long total = 0;
        long concentration = 0;
        for (int i = 0; i < products.size(); i++) {
            int s = products.get(i).servings();
            if (s > 0) {
                if (count == usedList.length) {
                    usedList = Arrays.copyOf(usedList, count * 2);
                }
                usedList[count++] = i;
                total += s;
                var product = products.get(i);
                concentration += product.concentration() * s;
                for (int t = 0; t < targets; t++) {
                    minTotals[t] += product.minAmount(t) * s;
                    maxTotals[t] += product.maxAmount(t) * s;
                }
            }
        }
        int shortCount = 0;
        var shorts = new int[targets];
        boolean over = total > limits.maxServings() || count > limits.maxProducts() || concentration > 0;
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            if (row.shortfall(minTotals[t]) > 0) {
                shorts[shortCount++] = t;
            }
            over |= row.excess(maxTotals[t]) > 0;
        }
        var shareWeights = new double[targets];
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            shareWeights[t] = row.hasMin() && row.min() > 0 ? 1.0 / row.min() : 0;
        }
        return new WorkingPlan(products, rows, limits, plan.candidates(), Arrays.copyOf(usedList, count), minTotals,
                maxTotals, total, concentration, Arrays.copyOf(shorts, shortCount), shortCount == 0 && !over, shareWeights,
                plan.concentrationRow());
    }
}

package nutriplan.planner.timefold.solver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import nutriplan.planner.plan.Warning;
import nutriplan.planner.timefold.domain.PlanLimits;
import nutriplan.planner.timefold.domain.ServingsPlan;
import nutriplan.planner.timefold.solver.justifications.BoundMissed;
import nutriplan.planner.timefold.solver.justifications.ConcentrationExceeded;
import nutriplan.planner.timefold.solver.justifications.LimitExceeded;
import nutriplan.planner.timefold.solver.justifications.SameProducts;

/**
 * The hard rules a plan breaks and by how much, one sentence each, with the rule's name and its justification
 * as {@link ServingsConstraintProvider} gives them: what an UNKNOWN answer says about the best attempt.
 *
 * <p>Why not Timefold's {@code SolutionManager.analyze}: in Timefold 2.x score analysis is a feature of the
 * commercial editions (the community jar throws "A commercial feature "Score analysis" was requested but it could
 * not be loaded"). This recount uses the rules' own penalty functions and justification records, which the
 * ConstraintVerifier tests pin, so both say the same.
 */
public final class BrokenRules {

    private BrokenRules() {
    }

    public static List<Warning> of(ServingsPlan plan) {
        var rows = plan.getRows();
        var minTotals = new long[rows.size()];
        var maxTotals = new long[rows.size()];
        long servings = 0;
        long concentration = 0;
        var products = new HashSet<Integer>();
        for (var product : plan.getProducts()) {
            if (product.isUsed()) {
                servings += product.servings();
                concentration += product.concentration() * product.servings();
                products.add(product.index());
                for (int t = 0; t < rows.size(); t++) {
                    minTotals[t] += product.minAmount(t) * product.servings();
                    maxTotals[t] += product.maxAmount(t) * product.servings();
                }
            }
        }
        var sentences = new ArrayList<Warning>();
        for (int t = 0; t < rows.size(); t++) {
            var row = rows.get(t);
            if (row.shortfall(minTotals[t]) > 0) {
                sentences.add(warning(ServingsConstraintProvider.BELOW_MINIMUM, BoundMissed.below(row, minTotals[t])));
            }
            if (row.excess(maxTotals[t]) > 0) {
                sentences.add(warning(ServingsConstraintProvider.ABOVE_MAXIMUM, BoundMissed.above(row, maxTotals[t])));
            }
        }
        var row = plan.concentrationRow();
        if (row != null && row.excess(concentration) > 0) {
            sentences.add(Warning.text(ServingsConstraintProvider.TOO_CONCENTRATED + ": "
                    + ConcentrationExceeded.of(row, concentration).description()));
        }
        var limits = plan.getLimits();
        if (PlanLimits.excess(servings, limits.maxServings()) > 0) {
            sentences.add(Warning.text(ServingsConstraintProvider.TOO_MANY_SERVINGS + ": "
                    + new LimitExceeded("maxServings", servings, limits.maxServings()).description()));
        }
        if (PlanLimits.excess(products.size(), limits.maxProducts()) > 0) {
            sentences.add(Warning.text(ServingsConstraintProvider.TOO_MANY_PRODUCTS + ": "
                    + new LimitExceeded("maxProducts", products.size(), limits.maxProducts()).description()));
        }
        for (var earlier : plan.getEarlierPlans()) {
            if (earlier.products().equals(products)) {
                sentences.add(Warning.text(ServingsConstraintProvider.SAME_PRODUCTS + ": " + new SameProducts(earlier.rank()).description()));
            }
        }
        return sentences;
    }

    private static Warning warning(String rule, BoundMissed missed) {
        return Warning.boundMissed(rule + ": " + missed.description(), missed.nutrient(), missed.side(), missed.bound(),
                missed.total());
    }
}

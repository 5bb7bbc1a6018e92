package nutriplan.planner.timefold.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.BendableScore;

/**
 * The planning solution: the servings of every candidate product, and the facts the score reads.
 *
 * <p>The score is a {@link BendableScore} with one hard level and three soft levels, compared in order: hard is
 * how far the targets and limits are missed; soft are the request's objective, then the number of products, then
 * the overshoot of the minimums — API.md's order, exactly lexicographic, with no weights to choose and no
 * scaling of one level under another (a HardMediumSoftScore would have to fold products and overshoot into one
 * level).
 */
@PlanningSolution
public class ServingsPlan {

    public static final int HARD_LEVELS = 1;
    public static final int SOFT_LEVELS = 3;
    public static final int OBJECTIVE_LEVEL = 0;
    public static final int PRODUCTS_LEVEL = 1;
    public static final int OVERSHOOT_LEVEL = 2;

    @ProblemFactCollectionProperty
    private List<NutrientRow> rows;
    /** The concentration limit, or none. */
    @ProblemFactCollectionProperty
    private List<ConcentrationRow> concentration;
    @ProblemFactProperty
    private PlanLimits limits;
    @ProblemFactCollectionProperty
    private List<EarlierPlan> earlierPlans;
    @PlanningEntityCollectionProperty
    private List<ProductServings> products;
    @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
    private BendableScore score;

    private CandidateLists candidates;

    /** For Timefold's solution cloner. */
    ServingsPlan() {
    }

    public ServingsPlan(List<NutrientRow> rows, List<ConcentrationRow> concentration, PlanLimits limits,
                        List<EarlierPlan> earlierPlans, List<ProductServings> products, CandidateLists candidates) {
        this.rows = rows;
        this.concentration = concentration;
        this.limits = limits;
        this.earlierPlans = earlierPlans;
        this.products = products;
        this.candidates = candidates;
    }

    public List<NutrientRow> getRows() {
        return rows;
    }

    public List<ConcentrationRow> getConcentration() {
        return concentration;
    }

    /** The concentration limit, or null without one. */
    public ConcentrationRow concentrationRow() {
        return concentration.isEmpty() ? null : concentration.get(0);
    }

    public PlanLimits getLimits() {
        return limits;
    }

    public List<EarlierPlan> getEarlierPlans() {
        return earlierPlans;
    }

    public List<ProductServings> getProducts() {
        return products;
    }

    /** Not a fact: read by the moves only. */
    public CandidateLists candidates() {
        return candidates;
    }

    public BendableScore getScore() {
        return score;
    }

    public void setScore(BendableScore score) {
        this.score = score;
    }

    /** The servings of every candidate, by index. */
    public int[] servings() {
        var servings = new int[products.size()];
        for (var product : products) {
            servings[product.index()] = product.servings();
        }
        return servings;
    }
}

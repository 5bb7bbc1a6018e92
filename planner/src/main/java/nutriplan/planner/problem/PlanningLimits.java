package nutriplan.planner.problem;

/** Engine-wide limits that keep integer arithmetic safe. */
public final class PlanningLimits {

    /**
     * The most servings of one product when nothing else caps it. Targets are at most a million canonical units
     * and a product supplies at least 0.001 of its useful nutrient, so real plans never approach it; it keeps
     * integer sums far from overflow.
     */
    public static final int UNCAPPED_SERVINGS = 10_000;

    private PlanningLimits() {
    }
}

package nutriplan.planner.timefold.domain;

import nutriplan.planner.request.Limits;

/**
 * The request's limits on the whole plan; {@link Limits#NONE} means no limit. A problem fact. (The cap on each
 * product's servings is its value range.)
 */
public record PlanLimits(int maxServings, int maxProducts) {

    /** How far a count is above its limit, relative to the limit, in millionths rounded up (0 when it holds). */
    public static long excess(long count, int limit) {
        return count > limit ? NutrientRow.relative(count - limit, limit) : 0;
    }
}

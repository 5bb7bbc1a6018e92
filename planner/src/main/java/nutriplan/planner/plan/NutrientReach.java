package nutriplan.planner.plan;

import nutriplan.catalog.nutrient.Nutrient;

/**
 * For one targeted nutrient of an infeasible request: what is required and what the allowed products can
 * reach under the limits, ignoring the other targets.
 *
 * @param bound     "min" or "max": which side of the target is out of reach
 * @param required  the target's bound, canonical unit
 * @param reachable the most (for a min) or least (for a max) the allowed products reach under the limits
 * @param binding   which limit keeps it out of reach, in words ("maxServings 4", "the exclusion of tag
 *                  caffeine"), or null when the products themselves cannot
 */
public record NutrientReach(Nutrient nutrient, String bound, double required, double reachable, String binding) {
}

package nutriplan.planner.timefold.domain;

/**
 * Where moves look for products to add, so that a catalog of thousands is not searched at random: the products
 * the linear relaxation likes best, and per targeted nutrient the richest in it per unit of cost. Indices of
 * candidates, best first. Not a problem fact: no constraint reads it.
 *
 * @param attractive by reduced cost at the relaxation's multipliers, lowest first
 * @param broad      by how much of all the minimums the product covers alone at its cap, most first: a product
 *                   that can make a plan on its own comes first
 * @param richIn     richIn[t]: by amount of target t's nutrient per unit of objective cost, highest first; empty
 *                   for a target without a minimum
 * @param prices     prices[t]: what one integer unit of target t's minimum is worth in objective units, at the
 *                   relaxation's multipliers (0 without a minimum, or all 0 without a relaxation)
 * @param diluting   under a concentration limit, the products more dilute than it, by how much carbohydrate their
 *                   fluid allows beyond their own per unit of cost, most first: what brings a plan back under the
 *                   limit; empty without one
 * @param concentrationPrice what one integer unit of the concentration row is worth in objective units, at the
 *                   relaxation's multipliers (0 without the row, or when it does not bind there)
 */
public record CandidateLists(int[] attractive, int[] broad, int[][] richIn, double[] prices, int[] diluting,
                             double concentrationPrice) {

    public boolean hasPrices() {
        for (double price : prices) {
            if (price > 0) {
                return true;
            }
        }
        return false;
    }
}

package nutriplan.planner.timefold.domain;

/**
 * The request's concentration limit in the model's integer units ({@link nutriplan.planner.problem.IntegerRows}):
 * Σ kᵢ·xᵢ ≤ 0 over the products' coefficients ({@link ProductServings#concentration}), each the carbohydrate of a
 * serving less what its fluid allows, rounded up. A problem fact; a plan without a limit has none.
 *
 * @param gramsPerLitre the limit, to say a miss in words
 * @param reference     the positive amount an excess is measured against, in the row's units: the carbohydrate
 *                      minimum when there is one, else what the fluid minimum allows, else 1 g. A fixed amount keeps
 *                      the penalty a plain sum over the products, as a max row's is
 * @param scale         integer units per gram of carbohydrate
 */
public record ConcentrationRow(double gramsPerLitre, long reference, double scale) {

    public ConcentrationRow {
        if (reference <= 0 || !(scale > 0)) {
            throw new IllegalArgumentException("reference (" + reference + ") and scale (" + scale + ") must be positive.");
        }
    }

    /** How far a total is above 0 (carbohydrate beyond what the fluid allows), relative to the reference, rounded up. */
    public long excess(long total) {
        return total > 0 ? NutrientRow.relative(total, reference) : 0;
    }

    /** A total in grams of carbohydrate. */
    public double grams(long total) {
        return total / scale;
    }
}

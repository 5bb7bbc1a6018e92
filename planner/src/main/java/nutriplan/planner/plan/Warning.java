package nutriplan.planner.plan;

import nutriplan.catalog.nutrient.Nutrient;

/**
 * Something a caller should know about an answer: a sentence for people, and where it concerns one nutrient's
 * bound, that nutrient, the bound's side ("min" or "max"), the bound and the total, in the nutrient's canonical unit,
 * so that a program need not read the sentence. Fields that do not apply are null.
 *
 * @param product the product concerned (a product whose value for the nutrient is not known), else null
 * @param total   the plan's (or the best attempt's) total of the nutrient; null when not the point
 */
public record Warning(String message, Nutrient nutrient, String side, Double bound, Double total, String product) {

    /** A warning with no data beside its sentence. */
    public static Warning text(String message) {
        return new Warning(message, null, null, null, null, null);
    }

    /** A bound missed by the best attempt: "min" or "max", the bound and the total. */
    public static Warning boundMissed(String message, Nutrient nutrient, String side, double bound, double total) {
        return new Warning(message, nutrient, side, bound, total, null);
    }

    /** A product used whose value of a targeted nutrient is not known (counted as 0); its bound is the target's. */
    public static Warning unknownValue(String message, String product, Nutrient nutrient, String side, double bound) {
        return new Warning(message, nutrient, side, bound, null, product);
    }

    @Override
    public String toString() {
        return message;
    }
}

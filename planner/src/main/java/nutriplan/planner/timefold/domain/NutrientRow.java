package nutriplan.planner.timefold.domain;

import java.util.Objects;

import nutriplan.catalog.nutrient.Nutrient;

/**
 * One targeted nutrient in the model's integer units ({@link nutriplan.planner.problem.IntegerRows}): the min row's
 * right-hand side and the max row's, each present or not. A problem fact.
 *
 * @param index  the target's position in the request, also the index into each product's amounts
 * @param min    the scaled minimum (0 when there is none)
 * @param max    the scaled maximum (meaningless when there is none)
 * @param scale  integer units per canonical unit, to say totals in words
 */
public record NutrientRow(int index, Nutrient nutrient, boolean hasMin, long min, boolean hasMax, long max,
                          double scale) {

    /** Hard penalties are relative misses in millionths: 1,000,000 is a bound missed by all of itself. */
    public static final long PER_WHOLE_BOUND = 1_000_000;

    public NutrientRow {
        Objects.requireNonNull(nutrient, "nutrient");
    }

    /** How far a total is below the minimum, relative to the minimum, rounded up (0 when it is met). */
    public long shortfall(long total) {
        return hasMin && total < min ? relative(min - total, min) : 0;
    }

    /** How far a total is above the maximum, relative to the maximum, rounded up (0 when it holds). */
    public long excess(long total) {
        return hasMax && total > max ? relative(total - max, max) : 0;
    }

    /** How far a total is above the minimum, relative to the minimum (rounded down): the last tie-break. */
    public long overshoot(long total) {
        return hasMin && total > min ? (total - min) * PER_WHOLE_BOUND / min : 0;
    }

    /** A scaled total in the nutrient's canonical unit. */
    public double canonical(long scaledTotal) {
        return scaledTotal / scale;
    }

    static long relative(long miss, long bound) {
        long whole = Math.max(bound, 1);
        return (miss * PER_WHOLE_BOUND + whole - 1) / whole;
    }
}

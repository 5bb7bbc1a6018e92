package nutriplan.planner.request;

import java.util.Objects;

import nutriplan.catalog.nutrient.Nutrient;

/**
 * A bound on the total of one nutrient, in its canonical unit.
 *
 * @param min 0 when there is no minimum
 * @param max {@link Double#POSITIVE_INFINITY} when there is no maximum
 */
public record Target(Nutrient nutrient, double min, double max) {

    public Target {
        Objects.requireNonNull(nutrient, "nutrient");
        if (!(min >= 0) || !(max >= min)) {
            throw new IllegalArgumentException("target " + nutrient + " needs 0 <= min <= max, got " + min + ".." + max);
        }
    }

    public static Target between(Nutrient nutrient, double min, double max) {
        return new Target(nutrient, min, max);
    }

    public static Target atLeast(Nutrient nutrient, double min) {
        return new Target(nutrient, min, Double.POSITIVE_INFINITY);
    }

    public static Target atMost(Nutrient nutrient, double max) {
        return new Target(nutrient, 0, max);
    }

    public boolean hasMin() {
        return min > 0;
    }

    public boolean hasMax() {
        return max != Double.POSITIVE_INFINITY;
    }

    public Target withMin(double newMin) {
        return new Target(nutrient, newMin, max);
    }

    public Target withMax(double newMax) {
        return new Target(nutrient, min, newMax);
    }
}

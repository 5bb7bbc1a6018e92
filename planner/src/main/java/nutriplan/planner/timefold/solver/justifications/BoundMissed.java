package nutriplan.planner.timefold.solver.justifications;

import java.util.Locale;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.timefold.domain.NutrientRow;

/**
 * A target bound the plan misses, in the nutrient's canonical unit.
 *
 * @param side  "min" or "max"
 * @param bound the target's bound
 * @param total the plan's total as the score counts it (amounts rounded towards the safe side, to 0.001 unit)
 */
public record BoundMissed(Nutrient nutrient, String side, double bound, double total) implements ConstraintJustification {

    public static BoundMissed below(NutrientRow row, long total) {
        return new BoundMissed(row.nutrient(), "min", row.canonical(row.min()), row.canonical(total));
    }

    public static BoundMissed above(NutrientRow row, long total) {
        return new BoundMissed(row.nutrient(), "max", row.canonical(row.max()), row.canonical(total));
    }

    /** By how much, in the canonical unit. */
    public double miss() {
        return Math.abs(total - bound);
    }

    public String description() {
        var unit = nutrient.canonicalUnit();
        return String.format(Locale.ROOT, "%s total %s %s is %s %s %s its %s of %s %s", nutrient.jsonName(),
                number(total), unit, number(miss()), unit, side.equals("min") ? "below" : "above",
                side.equals("min") ? "minimum" : "maximum", number(bound), unit);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }

    @Override
    public String toString() {
        return description();
    }
}

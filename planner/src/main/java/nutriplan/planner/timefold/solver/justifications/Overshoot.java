package nutriplan.planner.timefold.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.timefold.domain.NutrientRow;

/** A minimum exceeded, in the nutrient's canonical unit: the last tie-break prefers less of this. */
public record Overshoot(Nutrient nutrient, double min, double total) implements ConstraintJustification {

    public static Overshoot of(NutrientRow row, long total) {
        return new Overshoot(row.nutrient(), row.canonical(row.min()), row.canonical(total));
    }
}

package nutriplan.planner.schedule.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import nutriplan.catalog.nutrient.Quantities;
import nutriplan.planner.schedule.domain.Tracked;

/**
 * A slot's carbohydrate is too much for the fluid taken with it.
 *
 * @param atMin          the slot's minute
 * @param carbohydrate   what the slot holds, thousandths of a gram
 * @param fluid          the fluid taken at it, thousandths of a mL (sips, and foods' own water)
 * @param gramsPerLitre  the limit
 */
public record TooConcentrated(int atMin, long carbohydrate, long fluid, double gramsPerLitre) implements ConstraintJustification {

    public String description() {
        String taken = Justifications.show(carbohydrate, Tracked.CARBOHYDRATE) + " of carbohydrate with "
                + Justifications.show(fluid, Tracked.FLUID) + " of fluid";
        String limit = Quantities.format(Math.round(gramsPerLitre * 10) / 10.0) + " g/L";
        return "at " + atMin + " min: " + taken + (fluid == 0 ? ", above " + limit
                : " is " + Quantities.format(Math.round(carbohydrate * 1000.0 / fluid)) + " g/L, above " + limit);
    }

    @Override
    public String toString() {
        return description();
    }
}

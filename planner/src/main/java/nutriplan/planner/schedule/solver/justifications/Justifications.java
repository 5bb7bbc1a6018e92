package nutriplan.planner.schedule.solver.justifications;

import nutriplan.catalog.nutrient.Quantities;
import nutriplan.planner.schedule.domain.Tracked;

/** Amounts in sentences: thousandths back to the canonical unit, to 0.1. */
final class Justifications {

    private Justifications() {
    }

    static String show(long thousandths, Tracked nutrient) {
        return Quantities.format(Math.round(thousandths / 100.0) / 10.0) + " " + nutrient.unit();
    }
}

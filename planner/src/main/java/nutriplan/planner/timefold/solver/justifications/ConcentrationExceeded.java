package nutriplan.planner.timefold.solver.justifications;

import java.util.Locale;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import nutriplan.planner.timefold.domain.ConcentrationRow;

/**
 * A plan holding more carbohydrate than its fluid allows at the request's concentration limit.
 *
 * @param gramsPerLitre the limit
 * @param excess        grams of carbohydrate beyond what the plan's fluid allows, as the score counts them (each
 *                      serving's rounded up, to 0.001 g)
 */
public record ConcentrationExceeded(double gramsPerLitre, double excess) implements ConstraintJustification {

    public static ConcentrationExceeded of(ConcentrationRow row, long total) {
        return new ConcentrationExceeded(row.gramsPerLitre(), row.grams(total));
    }

    public String description() {
        return String.format(Locale.ROOT, "carbohydrate is %s g above what the plan's fluid allows at %s g per litre",
                number(excess), number(gramsPerLitre));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }

    @Override
    public String toString() {
        return description();
    }
}

package nutriplan.needs;

import java.util.List;

/**
 * What a session needs: the targets (rule values), the plannable targets a plan of whole servings can meet,
 * and everything an intake schedule needs (duration, carbohydrate per hour, the safety rails).
 *
 * @param carbPerHourG  the carbohydrate tolerance per hour the targets were built with
 * @param multipleTransportable true when carbohydrate above 60 g/h must come from glucose/maltodextrin + fructose
 * @param targets       the rules' values, for the rationale
 * @param plannable     ranges a plan of whole servings can meet, never above a safety cap; with the caps that are no
 *                      rule value of their own: single-source carbohydrate (60 g/h × h when the carbohydrate range
 *                      needs multiple transportable carbohydrates) and caffeine at 0 mg unless it was asked for
 * @param recovery      after-session targets, only when the next demanding session is given
 */
public record Needs(double durationMin, double carbPerHourG, boolean multipleTransportable, List<Range> targets,
                    List<Range> plannable, List<Range> recovery, List<Rationale> rationale, List<Assumption> assumed, List<Fault> warnings,
                    Safety safety) {

    /** Single-source carbohydrate is oxidised up to about 60 g/h [JEU14]. */
    public static final double SINGLE_SOURCE_G_PER_H = 60;
    /** The target that caps it: carbohydrate not stated to be glucose/maltodextrin + fructose. */
    public static final String SINGLE_SOURCE_CARBOHYDRATE = "singleSourceCarbohydrate";

    public Needs {
        targets = List.copyOf(targets);
        plannable = List.copyOf(plannable);
        recovery = List.copyOf(recovery);
        rationale = List.copyOf(rationale);
        assumed = List.copyOf(assumed);
        warnings = List.copyOf(warnings);
    }

    /** The most single-source carbohydrate the session may plan: 60 g/h × hours. */
    public double singleSourceCarbMaxG() {
        return SINGLE_SOURCE_G_PER_H * durationMin / 60;
    }

    /** The recovery ranges as a plan of whole servings can meet them (a point, such as 1.5 × the deficit, widened). */
    public List<Range> plannableRecovery() {
        return recovery.stream().map(NeedsRules::plannable).toList();
    }

    public Range target(String nutrient) {
        return targets.stream().filter(range -> range.nutrient().equals(nutrient)).findFirst().orElse(null);
    }
}

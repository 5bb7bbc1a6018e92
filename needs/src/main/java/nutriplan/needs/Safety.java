package nutriplan.needs;

/**
 * The rails a plan or an intake schedule must stay inside.
 *
 * @param fluidPerHourMl      the most fluid per hour that is safe to plan: never above the sweat loss nor 1 L/h
 * @param sodiumPerHourMg     the most sodium per hour
 * @param caffeineTotalMg     0 when no caffeine was asked for
 * @param caffeinePerDoseMg   the largest single dose, at most EFSA's 200 mg
 * @param carbohydratePerLitreG      the most carbohydrate the plan may hold per litre of its fluid (R-CONCENTRATION)
 * @param carbohydratePerLitreInSlotG the most per litre of the fluid taken at the same moment: a gel needs a sip
 * @param confidence          what was measured and what assumed, in words
 */
public record Safety(double fluidPerHourMl, double sodiumPerHourMg, double caffeineTotalMg, double caffeinePerDoseMg,
                     double carbohydratePerLitreG, double carbohydratePerLitreInSlotG, String confidence) {

    /** EFSA 2015: single doses up to 200 mg raise no safety concern. */
    public static final double CAFFEINE_SINGLE_DOSE_MG = 200;
    /** EFSA 2015: habitual intake up to 400 mg a day raises no concern for non-pregnant adults. */
    public static final double CAFFEINE_DAY_MG = 400;
}

package nutriplan.planner.problem;

/**
 * Choco's linear constraints take int coefficients (and the Timefold score sums the same integer rows), so
 * amounts are scaled to integers once, in a way that can never let a plan break a real bound:
 * <ul>
 * <li>a min row uses ⌊a·s⌋ per serving and ⌈min·s⌉ on the right: the scaled total never exceeds the real one,
 * so meeting the scaled min meets the real min;</li>
 * <li>a max row uses ⌈a·s⌉ and ⌊max·s⌋: the scaled total never falls below the real one.</li>
 * </ul>
 * The price is that a plan sitting within 1/s of a bound may be missed; with s = 1000 that is 0.001 g or mg or
 * mL, below any label's precision. Plans are checked again in doubles before they are returned.
 */
public final class Scaling {

    /** Units of 0.001 canonical unit: 0.001 g, 0.001 mg, 0.001 mL, 0.001 kcal. */
    public static final double AMOUNT = 1000;
    /** Mass objective in 0.01 g; cost objective in 0.0001 of the currency. */
    public static final double MASS = 100;
    public static final double COST = 10_000;

    private static final double NOISE = 1e-9;
    /** Every scaled sum stays below this, far from int overflow in Choco's linear constraints. */
    public static final double SUM_LIMIT = 1 << 30;

    private Scaling() {
    }

    /**
     * The scale for target t: {@link #AMOUNT}, or a smaller power of ten when the catalog is so large that the
     * scaled total of every product at its cap would come near int overflow (coarser, but still sound).
     */
    public static double amountScale(Problem problem, int t) {
        double reachable = 0;
        var amounts = problem.amounts()[t];
        for (int i = 0; i < amounts.length; i++) {
            reachable += amounts[i] * problem.upper()[i];
        }
        var target = problem.targets().get(t);
        reachable = Math.max(reachable, Math.max(target.min(), target.hasMax() ? target.max() : 0));
        return fit(AMOUNT, reachable);
    }

    /**
     * The concentration row's scale ({@link Problem#concentration}): {@link #AMOUNT} (0.001 g), or a smaller power of
     * ten when Σᵢ |cᵢ − C·fᵢ|·upperᵢ would come near int overflow. Its coefficients have both signs, so it is the sum
     * of their sizes that bounds every partial sum. Unlike {@link #fit} there is no floor: a huge limit times a
     * litre of fluid can need a very coarse unit, and a coarser row rounded up is still sound.
     */
    public static double concentrationScale(Problem problem, double[] coefficients) {
        double reachable = 0;
        for (int i = 0; i < coefficients.length; i++) {
            reachable += Math.abs(coefficients[i]) * problem.upper()[i];
        }
        double scale = AMOUNT;
        while (reachable * scale > SUM_LIMIT) {
            scale /= 10;
        }
        return scale;
    }

    /**
     * One serving's coefficient in the integer concentration row Σᵢ kᵢ·xᵢ ≤ 0: kᵢ = ⌈s·(c − C·f)⌉, the carbohydrate
     * less what its fluid allows, rounded up once. Rounding up is what makes the row sound: kᵢ ≥ s·(cᵢ − C·fᵢ) and
     * xᵢ ≥ 0, so a plan with Σ kᵢ·xᵢ ≤ 0 has Σ (cᵢ − C·fᵢ)·xᵢ ≤ 0, whatever the signs — never a plan over the limit.
     * It is the same as rounding the carbohydrate up and the fluid's allowance down, as a max row and a min row do,
     * only done on the difference: ⌈a − b⌉ ≤ ⌈a⌉ − ⌊b⌋, so it is as sound and never stricter (a drink exactly at the
     * limit gets 0, where rounding each side could give it +1 and refuse a plan that only holds that drink). The
     * noise allowed is relative to the two terms, as {@link #up}'s is to its value and {@link
     * nutriplan.planner.plan.Plan#TOLERANCE} to a bound: 30 g in 500 mL at 60 g/L is 0 here, not +1 from a last bit.
     *
     * @param gramsPerLitre the limit C, in g/L
     * @param scale         the row's units per gram ({@link #concentrationScale})
     */
    public static int concentrationCoefficient(double carbohydrate, double fluid, double gramsPerLitre, double scale) {
        double carbohydrateUnits = carbohydrate * scale;
        double allowanceUnits = gramsPerLitre * fluid * (scale / 1000);
        double noise = NOISE * (Math.abs(carbohydrateUnits) + Math.abs(allowanceUnits));
        double rounded = Math.ceil(carbohydrateUnits - allowanceUnits - noise);
        return (int) Math.max(-(Integer.MAX_VALUE / 2.0), Math.min(rounded, Integer.MAX_VALUE / 2.0));
    }

    /** Servings and products count in whole units; mass in 0.01 g and cost in 0.0001, coarser only for huge catalogs. */
    public static double objectiveScale(Problem problem) {
        double preferred = switch (problem.objective()) {
            case SERVINGS, PRODUCTS -> 1;
            case MASS -> MASS;
            case COST -> COST;
        };
        double reachable = 0;
        for (int i = 0; i < problem.size(); i++) {
            reachable += problem.costs()[i] * problem.upper()[i];
        }
        return fit(preferred, reachable);
    }

    /** The largest power of ten up to {@code preferred} that keeps {@code reachable × scale} under the sum limit. */
    public static double fit(double preferred, double reachable) {
        double scale = preferred;
        while (scale > 1e-6 && reachable * scale > SUM_LIMIT) {
            scale /= 10;
        }
        return scale;
    }

    /*
     * The noise allowed is relative, as Plan.violations' tolerance is: an absolute one made a min of 2e-20 g (the
     * fuzzer's "20 zg") scale up to 0, and a plan with none of the nutrient was answered as meeting it.
     */
    public static int down(double value, double scale) {
        double scaled = value * scale;
        return toInt(Math.floor(scaled + NOISE * Math.abs(scaled)));
    }

    public static int up(double value, double scale) {
        double scaled = value * scale;
        return toInt(Math.ceil(scaled - NOISE * Math.abs(scaled)));
    }

    public static int nearest(double value, double scale) {
        return toInt(Math.rint(value * scale));
    }

    private static int toInt(double value) {
        if (value > Integer.MAX_VALUE / 2.0) {
            return Integer.MAX_VALUE / 2;
        }
        return (int) value;
    }
}

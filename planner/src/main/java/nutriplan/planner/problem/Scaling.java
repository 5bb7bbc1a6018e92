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

package nutriplan.planner.choco;

/**
 * Choco's linear constraints take int coefficients, so amounts are scaled to integers once, in a way that
 * can never let a plan break a real bound:
 * <ul>
 * <li>a min row uses ⌊a·s⌋ per serving and ⌈min·s⌉ on the right: the scaled total never exceeds the real one,
 * so meeting the scaled min meets the real min;</li>
 * <li>a max row uses ⌈a·s⌉ and ⌊max·s⌋: the scaled total never falls below the real one.</li>
 * </ul>
 * The price is that a plan sitting within 1/s of a bound may be missed; with s = 1000 that is 0.001 g or mg or
 * mL, below any label's precision. Plans are checked again in doubles before they are returned.
 */
final class Scaling {

    /** Units of 0.001 canonical unit: 0.001 g, 0.001 mg, 0.001 mL, 0.001 kcal. */
    static final double AMOUNT = 1000;
    /** Mass objective in 0.01 g; cost objective in 0.0001 of the currency. */
    static final double MASS = 100;
    static final double COST = 10_000;

    private static final double NOISE = 1e-9;

    private Scaling() {
    }

    static int down(double value, double scale) {
        double scaled = value * scale;
        return toInt(Math.floor(scaled + NOISE * Math.max(1, Math.abs(scaled))));
    }

    static int up(double value, double scale) {
        double scaled = value * scale;
        return toInt(Math.ceil(scaled - NOISE * Math.max(1, Math.abs(scaled))));
    }

    static int nearest(double value, double scale) {
        return toInt(Math.rint(value * scale));
    }

    private static int toInt(double value) {
        if (value > Integer.MAX_VALUE / 2.0) {
            return Integer.MAX_VALUE / 2;
        }
        return (int) value;
    }
}

package nutriplan.planner.schedule.domain;

import nutriplan.catalog.nutrient.Nutrient;

/** The nutrients a schedule spreads and caps, with their index in a placement's amounts. */
public enum Tracked {
    CARBOHYDRATE(Nutrient.CARBOHYDRATE),
    FLUID(Nutrient.FLUID),
    SODIUM(Nutrient.SODIUM),
    CAFFEINE(Nutrient.CAFFEINE);

    /** Amounts are held in thousandths of the canonical unit (0.001 g, 0.001 mL, 0.001 mg), as the planner's rules are. */
    public static final long SCALE = 1000;

    private final Nutrient nutrient;

    Tracked(Nutrient nutrient) {
        this.nutrient = nutrient;
    }

    public Nutrient nutrient() {
        return nutrient;
    }

    public String unit() {
        return nutrient.canonicalUnit();
    }

    public static long scaled(double amount) {
        return Math.round(amount * SCALE);
    }

    public static double unscaled(long amount) {
        return amount / (double) SCALE;
    }
}

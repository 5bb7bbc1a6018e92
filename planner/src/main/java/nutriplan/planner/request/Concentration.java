package nutriplan.planner.request;

/**
 * The most carbohydrate a plan may hold per litre of the fluid it holds, as a whole: Σ carbohydrate (g) ≤
 * {@code maxGramsPerLitre} / 1000 × Σ fluid (mL), every amount as taken ({@code Product.amount}, the preparation's
 * water counted as fluid). How concentrated what is drunk may be decides how fast it leaves the stomach, so a plan
 * from a workout carries one (the needs rules give it, with their sources).
 *
 * @param maxGramsPerLitre grams of carbohydrate per litre of fluid, above 0 and finite
 */
public record Concentration(double maxGramsPerLitre) {

    public Concentration {
        if (!(maxGramsPerLitre > 0) || Double.isInfinite(maxGramsPerLitre)) {
            throw new IllegalArgumentException("maxGramsPerLitre must be above 0 and finite, got " + maxGramsPerLitre);
        }
    }

    /** Grams of carbohydrate allowed per mL of fluid, the unit the rows are written in. */
    public double gramsPerMillilitre() {
        return maxGramsPerLitre / 1000;
    }
}

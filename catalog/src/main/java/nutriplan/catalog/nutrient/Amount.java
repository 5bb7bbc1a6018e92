package nutriplan.catalog.nutrient;

/** A parsed amount in the canonical unit of its dimension (g, mL, kcal or mmol). */
public record Amount(double value, Dimension dimension) {

    public static Amount grams(double value) {
        return new Amount(value, Dimension.MASS);
    }

    public static Amount millilitres(double value) {
        return new Amount(value, Dimension.VOLUME);
    }

    /** "591 mL": the canonical text, which parses back to an equal amount. */
    @Override
    public String toString() {
        return Quantities.format(value) + " " + dimension.canonicalUnit();
    }
}

package nutriplan.catalog.nutrient;

/** The physical dimension of an amount, as the edge checks it before converting. */
public enum Dimension {
    MASS("a mass", "g", "3 g"),
    VOLUME("a volume", "mL", "3 L"),
    ENERGY("an energy", "kcal", "3 kcal"),
    AMOUNT_OF_SUBSTANCE("an amount of substance", "mmol", "3 mmol");

    private final String description;
    private final String canonicalUnit;
    private final String example;

    Dimension(String description, String canonicalUnit, String example) {
        this.description = description;
        this.canonicalUnit = canonicalUnit;
        this.example = example;
    }

    /** "a mass", "a volume": for messages. */
    public String description() {
        return description;
    }

    /** The unit every amount of this dimension is held in after parsing. */
    public String canonicalUnit() {
        return canonicalUnit;
    }

    /** An example quantity of this dimension with the given number, for messages: "3 L". */
    public String example(String number) {
        return number + example.substring(1);
    }
}

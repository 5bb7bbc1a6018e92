package nutriplan.catalog.nutrient;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The nutrients nutriplan knows (API.md), each with its canonical unit and dimension.
 * Sodium and potassium may also be given in millimoles, converted with their molar mass.
 */
public enum Nutrient {
    ENERGY("energy", Dimension.ENERGY, "kcal", 0),
    CARBOHYDRATE("carbohydrate", Dimension.MASS, "g", 0),
    PROTEIN("protein", Dimension.MASS, "g", 0),
    FAT("fat", Dimension.MASS, "g", 0),
    /** Water the serving supplies. */
    FLUID("fluid", Dimension.VOLUME, "mL", 0),
    SODIUM("sodium", Dimension.MASS, "mg", 22.99),
    POTASSIUM("potassium", Dimension.MASS, "mg", 39.10),
    MAGNESIUM("magnesium", Dimension.MASS, "mg", 0),
    CALCIUM("calcium", Dimension.MASS, "mg", 0),
    CAFFEINE("caffeine", Dimension.MASS, "mg", 0),
    /**
     * Carbohydrate that is not stated to be glucose or maltodextrin with fructose (a product's carbohydrateType):
     * one gut transporter takes up about 60 g of it an hour, so a session plan caps it (guidelines §5). Derived
     * from carbohydrate and carbohydrateType, never listed by a catalog; a request may bound it from above.
     */
    SINGLE_SOURCE_CARBOHYDRATE("singleSourceCarbohydrate", Dimension.MASS, "g", 0);

    private static final List<Nutrient> STATED = Arrays.stream(values()).filter(nutrient -> !nutrient.isDerived()).toList();

    private static final Map<String, Nutrient> BY_JSON_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Nutrient::jsonName, Function.identity()));

    private final String jsonName;
    private final Dimension dimension;
    private final String canonicalUnit;
    private final double molarMassGramsPerMole;

    Nutrient(String jsonName, Dimension dimension, String canonicalUnit, double molarMassGramsPerMole) {
        this.jsonName = jsonName;
        this.dimension = dimension;
        this.canonicalUnit = canonicalUnit;
        this.molarMassGramsPerMole = molarMassGramsPerMole;
    }

    /** The nutrient with this JSON name, or null when there is none. */
    public static Nutrient fromJsonName(String name) {
        return BY_JSON_NAME.get(name);
    }

    /** The known names, for messages: "energy, carbohydrate, ...". */
    public static String knownNames() {
        return Arrays.stream(values()).map(Nutrient::jsonName).collect(Collectors.joining(", "));
    }

    /** The nutrients a product lists (every one but the derived), in order. */
    public static List<Nutrient> stated() {
        return STATED;
    }

    /** The names a product may list, for messages. */
    public static String statedNames() {
        return STATED.stream().map(Nutrient::jsonName).collect(Collectors.joining(", "));
    }

    /** True for an amount computed from a product's other fields rather than listed. */
    public boolean isDerived() {
        return this == SINGLE_SOURCE_CARBOHYDRATE;
    }

    public String jsonName() {
        return jsonName;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** "kcal", "g", "mL" or "mg": the unit amounts are held in after parsing. */
    public String canonicalUnit() {
        return canonicalUnit;
    }

    /** True for sodium and potassium, which may be given in millimoles. */
    public boolean acceptsAmountOfSubstance() {
        return molarMassGramsPerMole > 0;
    }

    /** Grams per mole, which is also milligrams per millimole; 0 when moles are not accepted. */
    public double molarMass() {
        return molarMassGramsPerMole;
    }

    /** What an amount of this nutrient must be, for messages: "a volume such as \"3 L\"". */
    public String expectation(String number) {
        var expected = dimension.description() + " such as \"" + dimension.example(number) + "\"";
        if (acceptsAmountOfSubstance()) {
            expected += " or " + Dimension.AMOUNT_OF_SUBSTANCE.description() + " such as \""
                    + Dimension.AMOUNT_OF_SUBSTANCE.example(number) + "\"";
        }
        return expected;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}

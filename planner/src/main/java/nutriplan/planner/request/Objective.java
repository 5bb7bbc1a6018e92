package nutriplan.planner.request;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What "smallest" means for a plan (API.md); ties are broken by fewer products, then less overshoot. */
public enum Objective {
    /** Fewest servings in total. */
    SERVINGS,
    /** Fewest distinct products. */
    PRODUCTS,
    /** Least to carry: serving mass, mL counted as g. */
    MASS,
    /** Cheapest; products without a price are not eligible. */
    COST;

    public static Objective fromJsonName(String name) {
        return Arrays.stream(values()).filter(o -> o.jsonName().equals(name)).findFirst().orElse(null);
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(Objective::jsonName).collect(Collectors.joining(", "));
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return jsonName();
    }
}

package nutriplan.planner.request;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a request does with a product whose amount of a nutrient it bounds from above is not known: such a
 * product cannot be shown to keep the plan under that maximum.
 */
public enum UnknownUnderMax {
    /** The default: the product is left out of the request, and the response says which and why. */
    EXCLUDE,
    /** The product may be used, its unknown counted as 0: the totals concerned are lower bounds, not proven. */
    ALLOW;

    public static UnknownUnderMax fromJsonName(String name) {
        return Arrays.stream(values()).filter(policy -> policy.jsonName().equals(name)).findFirst().orElse(null);
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(UnknownUnderMax::jsonName).collect(Collectors.joining(", "));
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

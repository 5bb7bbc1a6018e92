package nutriplan.catalog.product;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a product is, as API.md lists the kinds. */
public enum Kind {
    DRINK, POWDER, GEL, CHEW, BAR, SHAKE, FOOD, SUPPLEMENT;

    /** The kind with this JSON name, or null when there is none. */
    public static Kind fromJsonName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName().equals(name)).findFirst().orElse(null);
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(Kind::jsonName).collect(Collectors.joining(", "));
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return jsonName();
    }
}

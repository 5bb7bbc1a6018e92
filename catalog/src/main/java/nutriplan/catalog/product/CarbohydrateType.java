package nutriplan.catalog.product;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a product's carbohydrate is made of. Glucose or maltodextrin together with fructose use two gut
 * transporters ("multiple transportable carbohydrates"), which makes intakes above about 60 g an hour
 * tolerable; a single source saturates one transporter. {@link #UNKNOWN} is the catalog's {@code null}:
 * the maker does not say.
 */
public enum CarbohydrateType {
    MULTIPLE_TRANSPORTABLE, SINGLE, UNKNOWN;

    /** The type with this JSON name (not {@code UNKNOWN}, which is JSON null), or null when there is none. */
    public static CarbohydrateType fromJsonName(String name) {
        return Arrays.stream(values()).filter(type -> type != UNKNOWN && type.jsonName().equals(name))
                .findFirst().orElse(null);
    }

    public static String knownNames() {
        return Arrays.stream(values()).filter(type -> type != UNKNOWN).map(CarbohydrateType::jsonName)
                .collect(Collectors.joining(", ")) + ", or null when not known";
    }

    /** "multiple-transportable"; null for UNKNOWN. */
    public String jsonName() {
        return this == UNKNOWN ? null : name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

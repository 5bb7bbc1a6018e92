package nutriplan.catalog.json;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum that JSON names by its constant in lower case ({@code DRINK} is {@code "drink"}): the kinds, objectives
 * and solver choices of API.md. Enums cannot share a superclass, so the naming lives here once.
 */
public interface JsonEnum {

    /** The constant's name; every enum has it. */
    String name();

    /** The name in JSON: the constant's, in lower case. */
    default String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} with this JSON name, or null when there is none. */
    static <E extends Enum<E> & JsonEnum> E fromJsonName(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.jsonName().equals(name))
                .findFirst().orElse(null);
    }

    /** Every JSON name of {@code type}, in declaration order: "drink, powder, gel…", for error messages. */
    static <E extends Enum<E> & JsonEnum> String knownNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(JsonEnum::jsonName).collect(Collectors.joining(", "));
    }
}

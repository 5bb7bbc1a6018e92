package nutriplan.catalog.json;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Dimension;
import nutriplan.catalog.nutrient.InvalidQuantityException;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.nutrient.Quantities;

/**
 * Typed reads of the fields of one JSON object, each fault reported to {@link Findings} under its
 * field path instead of thrown, so that a document's every fault is found in one pass.
 * Each read returns null (or the given default) when the field is absent or wrong.
 */
public final class JsonFields {

    private final JsonNode object;
    private final String prefix;
    private final Findings findings;

    private JsonFields(JsonNode object, String prefix, Findings findings) {
        this.object = object;
        this.prefix = prefix;
        this.findings = findings;
    }

    /**
     * Starts reading an object; reports unknown fields, naming them and the known ones.
     *
     * @param prefix the path of the object within the scope of {@code findings}, "" or "limits."
     * @return null when the node is not an object (reported)
     */
    public static JsonFields of(JsonNode node, String prefix, Findings findings, Set<String> knownFields) {
        if (node == null || !node.isObject()) {
            findings.error(trimDot(prefix), "must be a JSON object, got " + describe(node));
            return null;
        }
        var unknown = new ArrayList<String>();
        node.fieldNames().forEachRemaining(name -> {
            if (!knownFields.contains(name)) {
                unknown.add(name);
            }
        });
        for (var name : unknown) {
            findings.error(prefix + name, "unknown field \"" + name + "\"; known fields: " + String.join(", ", sorted(knownFields)));
        }
        return new JsonFields(node, prefix, findings);
    }

    public boolean has(String field) {
        return object.hasNonNull(field);
    }

    public JsonNode node(String field) {
        return object.get(field);
    }

    public String path(String field) {
        return prefix + field;
    }

    public Findings findings() {
        return findings;
    }

    /** A string; null when absent (an error when required) or not a string. */
    public String text(String field, boolean required, int maxLength) {
        var node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                findings.error(path(field), "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            findings.error(path(field), "must be a string, got " + describe(node));
            return null;
        }
        var value = node.textValue();
        if (required && value.isBlank()) {
            findings.error(path(field), "must not be blank");
            return null;
        }
        if (value.length() > maxLength) {
            findings.error(path(field), "is too long (" + value.length() + " characters, at most " + maxLength + ")");
            return null;
        }
        return value;
    }

    /** A whole number within [min, max]; null when absent or wrong. */
    public Integer integer(String field, int min, int max) {
        var node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            findings.error(path(field), "must be a whole number from " + min + " to " + max + ", got " + describe(node));
            return null;
        }
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            findings.error(path(field), "must be from " + min + " to " + max + ", got " + node.asText());
            return null;
        }
        return node.intValue();
    }

    /** A finite number within [min, max]; null when absent or wrong. */
    public Double number(String field, double min, double max) {
        var node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            findings.error(path(field), "must be a finite number, got " + describe(node));
            return null;
        }
        var value = node.doubleValue();
        if (value < min || value > max) {
            findings.error(path(field), "must be from " + Quantities.format(min) + " to " + Quantities.format(max)
                    + ", got " + node.asText());
            return null;
        }
        return value;
    }

    /** One of the JSON names of an enum ({@code "drink"} for {@code Kind.DRINK}), reported when unknown. */
    public <E extends Enum<E> & JsonEnum> E choice(String field, boolean required, Class<E> type) {
        var text = text(field, required, 100);
        if (text == null) {
            return null;
        }
        var value = JsonEnum.fromJsonName(type, text);
        if (value == null) {
            findings.error(path(field), "unknown value \"" + text + "\"; expected one of " + JsonEnum.knownNames(type));
        }
        return value;
    }

    /**
     * A list of JSON names of an enum ({@code ["gel", "chew"]}), each once; null when absent, the faults reported
     * under the item's path ({@code use[1]}).
     */
    public <E extends Enum<E> & JsonEnum> Set<E> choices(String field, Class<E> type) {
        var node = object.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            findings.error(path(field), "must be an array of " + JsonEnum.knownNames(type) + ", got " + describe(node));
            return null;
        }
        var values = EnumSet.noneOf(type);
        int errorsBefore = findings.errorCount();
        for (int i = 0; i < node.size(); i++) {
            var item = node.get(i);
            var value = item.isTextual() ? JsonEnum.fromJsonName(type, item.textValue()) : null;
            if (value == null) {
                findings.error(path(field) + "[" + i + "]", "must be one of " + JsonEnum.knownNames(type) + ", got "
                        + describe(item));
            } else if (!values.add(value)) {
                findings.error(path(field), "lists \"" + value.jsonName() + "\" twice");
            }
        }
        return findings.errorCount() > errorsBefore ? null : values;
    }

    /** A list of strings; empty when absent, reported when not an array of strings. */
    public List<String> texts(String field, int maxItems) {
        var node = object.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            findings.error(path(field), "must be an array of strings, got " + describe(node));
            return List.of();
        }
        if (node.size() > maxItems) {
            findings.error(path(field), "has " + node.size() + " items, at most " + maxItems);
            return List.of();
        }
        var values = new ArrayList<String>();
        for (int i = 0; i < node.size(); i++) {
            var item = node.get(i);
            if (item.isTextual()) {
                values.add(item.textValue());
            } else {
                findings.error(path(field) + "[" + i + "]", "must be a string, got " + describe(item));
            }
        }
        return values;
    }

    /** An amount of a nutrient in its canonical unit: a quantity string or a plain number. */
    public Double amount(String field, Nutrient nutrient) {
        return readAmount(object.get(field), path(field), nutrient, findings);
    }

    /** A size that must be one of the given dimensions (a serving: a mass or a volume). */
    public Amount measure(String field, boolean required, String expected, Dimension... allowed) {
        var node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                findings.error(path(field), "is required: " + expected);
            }
            return null;
        }
        var text = quantityText(node);
        if (text == null) {
            findings.error(path(field), "must be a string with a unit: " + expected + ", got " + describe(node));
            return null;
        }
        try {
            return Quantities.parse(text, expected, allowed);
        } catch (InvalidQuantityException e) {
            findings.error(path(field), e.getMessage());
            return null;
        }
    }

    /**
     * Reads an amount of {@code nutrient}: a string with a unit, or a plain number in the canonical unit.
     *
     * @return null when absent, JSON null, or wrong (reported)
     */
    public static Double readAmount(JsonNode node, String path, Nutrient nutrient, Findings findings) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return Quantities.checkPlainNumber(node.doubleValue());
            }
            var text = quantityText(node);
            if (text != null) {
                return Quantities.parse(text, nutrient);
            }
            findings.error(path, "must be a quantity such as \"" + nutrient.dimension().example("36") + "\" or a number in "
                    + nutrient.canonicalUnit() + ", got " + describe(node));
        } catch (InvalidQuantityException e) {
            findings.error(path, e.getMessage());
        }
        return null;
    }

    /**
     * A quantity's text: a string as it is, or the {@code {"amount": 270, "unit": "mg"}} the service writes as
     * "270 mg", so that what it answers reads back through the one parser; null for anything else.
     */
    private static String quantityText(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isObject() && node.size() == 2 && node.path("amount").isNumber() && node.path("unit").isTextual()) {
            return node.get("amount").decimalValue().toPlainString() + " " + node.get("unit").textValue();
        }
        return null;
    }

    /** "a string", "an array", "1.5": what a node is, for messages. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            var text = node.textValue();
            return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        return node.asText();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static String trimDot(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}

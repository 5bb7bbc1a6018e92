package nutriplan.needs;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.JsonFields;
import nutriplan.catalog.nutrient.Dimension;
import nutriplan.catalog.nutrient.InvalidQuantityException;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.nutrient.Quantities;

/**
 * Reads the workout object of API.md ("Needs from a workout") into a {@link Workout}, units through the catalog's one
 * parser ({@code "1.2 L/h"}, {@code "40 mmol/L"}, {@code "20 fl oz/h"}, {@code "86 °F"}, {@code "154 lb"}). Every
 * fault goes to the findings under its path ({@code workout.sweatRate} inside a plan request).
 */
public final class WorkoutJson {

    private static final Set<String> FIELDS = Set.of("durationMin", "intensity", "bodyMass", "sweatRate", "weighIn",
            "sweatSodium", "temperature", "carbTolerance", "caffeine", "recovery");
    private static final Set<String> WEIGH_IN_FIELDS = Set.of("before", "after", "drank", "urine", "durationMin");
    private static final String MASS = "a mass such as \"70 kg\" or \"154 lb\"";
    private static final String VOLUME = "a volume such as \"500 mL\"";

    private WorkoutJson() {
    }

    /**
     * @param prefix "" for {@code POST /api/v1/targets}, "workout." inside a plan request
     * @return null when the workout has a fault (reported)
     */
    public static Workout read(JsonNode node, String prefix, Findings findings) {
        // Counted before the fields are read: an unknown field ("sweatrate") is a fault of the workout too.
        int errorsBefore = findings.errorCount();
        var fields = JsonFields.of(node, prefix, findings, FIELDS);
        if (fields == null) {
            return null;
        }
        var duration = fields.number("durationMin", -1e6, 1e6);
        if (!fields.has("durationMin")) {
            findings.error(fields.path("durationMin"), "is required: the session's length in minutes, such as 90");
        }
        var bodyMass = kilograms(fields, "bodyMass", true);
        var intensity = intensity(fields);
        var sweatRate = quantity(fields, "sweatRate",
                text -> Quantities.perHour(text, "a volume per hour such as \"1.2 L/h\" or \"20 fl oz/h\"", Dimension.VOLUME) / 1000);
        var weighIn = weighIn(fields.node("weighIn"), fields.path("weighIn") + ".", findings);
        if (fields.has("sweatRate") && fields.has("weighIn")) {
            findings.error(fields.path("weighIn"), "give the sweat rate or a weigh-in, not both");
        }
        var sweatSodium = quantity(fields, "sweatSodium", text -> Quantities.perLitre(text, Nutrient.SODIUM));
        var temperature = quantity(fields, "temperature", Quantities::celsius);
        var carbTolerance = quantity(fields, "carbTolerance",
                text -> Quantities.perHour(text, "a mass per hour such as \"90 g/h\"", Dimension.MASS));
        var caffeine = quantity(fields, "caffeine", text -> Quantities.perKilogram(text, Nutrient.CAFFEINE));
        var recovery = fields.number("recovery", 0, 1e6);
        if (duration == null || bodyMass == null) {
            return null;
        }
        // The range checks run on what did parse, so that every fault is reported at once.
        var workout = new Workout(duration, bodyMass, intensity, sweatRate, weighIn, sweatSodium, temperature,
                carbTolerance, caffeine, recovery);
        for (var fault : NeedsRules.rejects(workout)) {
            findings.error(prefix + fault.field(), fault.message());
        }
        return findings.errorCount() > errorsBefore ? null : workout;
    }

    private static Intensity intensity(JsonFields fields) {
        var text = fields.text("intensity", false, 100);
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "low", "moderate", "high" -> Intensity.valueOf(text.toUpperCase(Locale.ROOT));
            default -> {
                fields.findings().error(fields.path("intensity"), "must be \"low\", \"moderate\" or \"high\", got "
                        + JsonFields.describe(fields.node("intensity")));
                yield null;
            }
        };
    }

    private static WeighIn weighIn(JsonNode node, String prefix, Findings findings) {
        if (node == null || node.isNull()) {
            return null;
        }
        var fields = JsonFields.of(node, prefix, findings, WEIGH_IN_FIELDS);
        if (fields == null) {
            return null;
        }
        var before = kilograms(fields, "before", true);
        var after = kilograms(fields, "after", true);
        var drank = fields.measure("drank", false, VOLUME, Dimension.VOLUME);
        var urine = fields.measure("urine", false, VOLUME, Dimension.VOLUME);
        var duration = fields.number("durationMin", -1e6, 1e6);
        if (!fields.has("durationMin")) {
            findings.error(fields.path("durationMin"), "is required: the test's length in minutes, such as 60");
        }
        if (before == null || after == null || duration == null) {
            return null;
        }
        return new WeighIn(before, after, drank == null ? 0 : drank.value() / 1000, urine == null ? 0 : urine.value() / 1000,
                duration);
    }

    private static Double kilograms(JsonFields fields, String field, boolean required) {
        var mass = fields.measure(field, required, MASS, Dimension.MASS);
        return mass == null ? null : mass.value() / 1000;
    }

    private static Double quantity(JsonFields fields, String field, Function<String, Double> parse) {
        var node = fields.node(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            fields.findings().error(fields.path(field), "must be a string with a unit, got " + JsonFields.describe(node));
            return null;
        }
        try {
            return parse.apply(node.textValue());
        } catch (InvalidQuantityException e) {
            fields.findings().error(fields.path(field), e.getMessage());
            return null;
        }
    }
}

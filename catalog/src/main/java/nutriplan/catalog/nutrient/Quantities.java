package nutriplan.catalog.nutrient;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.measure.IncommensurableException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import javax.measure.format.UnitFormat;

import systems.uom.ucum.format.UCUMFormat;

/**
 * Reads quantities at the edge: {@code "20 fl oz"}, {@code "270 mg"}, {@code "40 mmol"} or a plain
 * number in the canonical unit, and converts them once to plain doubles.
 *
 * <p>Units are parsed with the case-sensitive UCUM format, never with
 * {@code Quantities.getQuantity(String)}, which reads "20 fl oz" as 20 femtolitres and ignores
 * trailing text. Number and unit are split by a strict pattern, a few everyday spellings are mapped
 * to UCUM codes, and each parsed unit's converter is cached, so a warm parse costs a regex and a
 * map look-up.
 */
public final class Quantities {

    /** Anything above this, in any canonical unit (g, mL, kcal, mg), is a typing slip, not food. */
    public static final double MAX_AMOUNT = 1_000_000;

    private static final Pattern NUMBER_AND_UNIT =
            Pattern.compile("([+-]?(?:\\d{1,15}(?:\\.\\d{0,17})?|\\.\\d{1,17})(?:[eE][+-]?\\d{1,3})?)\\s*(.*)");
    /** The most decimals {@link #format} prints in plain notation. */
    private static final int PLAIN_DECIMALS = 15;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * A number of three digits or more inside a unit: no unit of food has one, and UCUM reads "g11111" as grams to
     * the 11,111th power, which overflows Indriya's stack (found by QuantitiesFuzzTest).
     */
    private static final Pattern LONG_NUMBER_IN_UNIT = Pattern.compile("\\d{3,}");
    private static final int MAX_TEXT_LENGTH = 64;
    private static final int MAX_CACHED_UNITS = 512;

    /** Everyday spellings that UCUM writes differently. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("fl oz", "[foz_us]"),
            Map.entry("fl. oz", "[foz_us]"),
            Map.entry("fl.oz", "[foz_us]"),
            Map.entry("floz", "[foz_us]"),
            Map.entry("oz", "[oz_av]"),
            Map.entry("lb", "[lb_av]"),
            Map.entry("µg", "ug"),
            Map.entry("mcg", "ug"),
            Map.entry("ml", "mL"),
            Map.entry("l", "L"),
            Map.entry("°C", "Cel"));

    private static final UnitFormat UCUM = UCUMFormat.getInstance(UCUMFormat.Variant.CASE_SENSITIVE);
    private static final Map<Dimension, Unit<?>> CANONICAL_UNITS = Map.of(
            Dimension.MASS, parseUcum("g"),
            Dimension.VOLUME, parseUcum("mL"),
            Dimension.ENERGY, parseUcum("kcal"),
            Dimension.AMOUNT_OF_SUBSTANCE, parseUcum("mmol"));
    private static final Map<String, CanonicalConversion> UNIT_CACHE = new ConcurrentHashMap<>();

    private record CanonicalConversion(Dimension dimension, UnitConverter converter) {
    }

    private Quantities() {
    }

    /**
     * Parses an amount of a nutrient into its canonical unit.
     *
     * @param text "36 g", "20 fl oz", "40 mmol" (sodium, potassium)
     * @return the amount in {@link Nutrient#canonicalUnit()}
     * @throws InvalidQuantityException saying what was given and what the nutrient needs
     */
    public static double parse(String text, Nutrient nutrient) {
        var reading = read(text, nutrient.expectation("3"));
        if (reading.unit().equals(nutrient.canonicalUnit())) {
            // Exactly as written: through the base unit and back, "1.6000000000000002E-22 mg" came back as
            // 1.6000000000000004E-22, and an exported catalog read back different (found by CatalogFileFuzzTest).
            return checkRange(reading.number(), text);
        }
        var amount = reading.amount();
        if (amount.dimension() == nutrient.dimension()) {
            return checkRange(amount.value() * scaleFromCanonical(nutrient), text);
        }
        if (amount.dimension() == Dimension.AMOUNT_OF_SUBSTANCE && nutrient.acceptsAmountOfSubstance()) {
            // mmol × g/mol = mg, which is the canonical unit of both sodium and potassium.
            return checkRange(amount.value() * nutrient.molarMass(), text);
        }
        throw wrongDimension(text, amount.dimension(), nutrient + " needs " + nutrient.expectation(numberOf(text)));
    }

    /**
     * Parses an amount that must have one of the given dimensions (a serving: a mass or a volume).
     *
     * @param expected what is expected, for messages: "a mass such as \"30 g\" or a volume such as \"500 mL\""
     */
    public static Amount parse(String text, String expected, Dimension... allowed) {
        var amount = read(text, expected).amount();
        for (var dimension : allowed) {
            if (amount.dimension() == dimension) {
                return new Amount(checkRange(amount.value(), text), dimension);
            }
        }
        throw wrongDimension(text, amount.dimension(), "expected " + expected);
    }

    /**
     * Parses a rate per hour: {@code "1.2 L/h"}, {@code "20 fl oz/h"}, {@code "90 g/h"}, {@code "15 g/min"}.
     *
     * @return the amount per hour in the canonical unit of {@code dimension} (mL/h, g/h)
     */
    public static double perHour(String text, String expected, Dimension dimension) {
        var parts = splitRatio(text, expected);
        double hours = switch (parts[1]) {
            case "h", "hr", "hour" -> 1;
            case "min" -> 1.0 / 60;
            default -> throw new InvalidQuantityException("\"" + text + "\": unknown time unit \"" + parts[1]
                    + "\"; expected " + expected);
        };
        return parse(parts[0], expected, dimension).value() / hours;
    }

    /**
     * Parses a concentration per litre: {@code "950 mg/L"}, {@code "40 mmol/L"} (sodium, potassium), {@code "95 mg/dL"}.
     *
     * @return the nutrient's canonical unit per litre (mg/L)
     */
    public static double perLitre(String text, Nutrient nutrient) {
        return perLitre(text, nutrient, nutrient.expectation("40") + " per litre, such as \"40 mmol/L\" or \"900 mg/L\"");
    }

    /** As {@link #perLitre(String, Nutrient)}, saying what was expected in the caller's words. */
    public static double perLitre(String text, Nutrient nutrient, String expected) {
        return perThousand(text, nutrient, Dimension.VOLUME, "a volume", expected);
    }

    /**
     * Parses a dose per kilogram of body mass: {@code "3 mg/kg"}.
     *
     * @return the nutrient's canonical unit per kg
     */
    public static double perKilogram(String text, Nutrient nutrient) {
        return perThousand(text, nutrient, Dimension.MASS, "a mass",
                nutrient.expectation("3") + " per kilogram of body mass, such as \"3 mg/kg\"");
    }

    /**
     * The nutrient's canonical unit per 1,000 canonical units of {@code per} (mL or g): per litre, per kilogram.
     *
     * @param perName {@code per} in words, for messages: "a volume"
     */
    private static double perThousand(String text, Nutrient nutrient, Dimension per, String perName, String expected) {
        var parts = splitRatio(text, expected);
        var denominator = read("1 " + parts[1], expected).amount();
        if (denominator.dimension() != per) {
            throw new InvalidQuantityException("\"" + text + "\": \"" + parts[1] + "\" is not " + perName + "; expected " + expected);
        }
        return parse(parts[0], nutrient) / (denominator.value() / 1000);
    }

    private static final Pattern TEMPERATURE =
            Pattern.compile("([+\\-−]?\\d{1,4}(?:\\.\\d{0,6})?)\\s*(°C|℃|C|Cel|°F|℉|F|\\[degF\\]|K)");

    /**
     * Parses a temperature, which may be below zero: {@code "28 °C"}, {@code "86 °F"}, {@code "301 K"}.
     *
     * @return degrees Celsius
     */
    public static double celsius(String text) {
        checkLength(text);
        var matcher = TEMPERATURE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidQuantityException("\"" + text + "\"" + " is not a temperature; expected a number and °C, °F"
                    + " or K, such as \"28 °C\" or \"86 °F\"");
        }
        double value = Double.parseDouble(matcher.group(1).replace('−', '-'));
        return switch (matcher.group(2)) {
            case "°F", "℉", "F", "[degF]" -> (value - 32) * 5 / 9;
            case "K" -> value - 273.15;
            default -> value;
        };
    }

    private static void checkLength(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidQuantityException("is too long for a quantity (" + text.length() + " characters)");
        }
    }

    /** "1.2 L/h" → {"1.2 L", "h"}. */
    private static String[] splitRatio(String text, String expected) {
        checkLength(text);
        int slash = text.lastIndexOf('/');
        if (slash < 0) {
            throw new InvalidQuantityException("\"" + text + "\"" + " is not a ratio; expected " + expected);
        }
        return new String[] {text.substring(0, slash).strip(), text.substring(slash + 1).strip()};
    }

    /**
     * Checks a plain JSON number given in the canonical unit.
     *
     * @throws InvalidQuantityException when it is negative, not finite or absurdly large
     */
    public static double checkPlainNumber(double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidQuantityException("must be a finite number");
        }
        return checkRange(value, format(value));
    }

    /**
     * Prints a canonical number so that parsing it back gives the same double: "591", "0.0027", and for a number
     * whose plain form would need more than {@value #PLAIN_DECIMALS} decimals, "1.6000000000000002E-22" (found by
     * CatalogFileFuzzTest: "160 rg" of sodium was exported as a plain number too long to read back).
     */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        var decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        if (decimal.scale() <= PLAIN_DECIMALS) {
            return decimal.toPlainString();
        }
        // The shortest decimal of a double has at most 17 digits: one before the point, 16 after, and an exponent.
        var digits = decimal.unscaledValue().abs().toString();
        var mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "E" + (digits.length() - 1 - decimal.scale());
    }

    /** A quantity as written, its unit known: the number in that unit, and the way to the canonical unit. */
    private record Reading(double number, String unit, CanonicalConversion conversion) {

        Amount amount() {
            return new Amount(conversion.converter().convert(number), conversion.dimension());
        }
    }

    private static Reading read(String text, String expected) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidQuantityException("is too long for a quantity (" + text.length()
                    + " characters); expected " + expected);
        }
        var matcher = NUMBER_AND_UNIT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidQuantityException("\"" + text + "\" is not a number followed by a unit; expected " + expected);
        }
        var number = Double.parseDouble(matcher.group(1));
        var unitText = SPACES.matcher(matcher.group(2)).replaceAll(" ");
        if (unitText.isEmpty()) {
            throw new InvalidQuantityException("\"" + text + "\" has no unit; expected " + expected
                    + ", or a plain JSON number in the canonical unit");
        }
        var conversion = conversionOf(unitText);
        if (conversion == null) {
            throw new InvalidQuantityException("\"" + text + "\": unknown unit \"" + unitText + "\"; expected " + expected);
        }
        if (number < 0) {
            throw new InvalidQuantityException("\"" + text + "\" is negative; amounts cannot be");
        }
        // "30e616 kJ" reads as Infinity, which Indriya's converters refuse with an IllegalArgumentException
        // (found by QuantitiesFuzzTest).
        if (!Double.isFinite(number)) {
            throw new InvalidQuantityException("\"" + text + "\" is not a finite amount");
        }
        return new Reading(number, ALIASES.getOrDefault(unitText, unitText), conversion);
    }

    /** The conversion of a unit to its dimension's canonical unit, or null when the unit is unknown. */
    private static CanonicalConversion conversionOf(String unitText) {
        var cached = UNIT_CACHE.get(unitText);
        if (cached != null) {
            return cached;
        }
        if (LONG_NUMBER_IN_UNIT.matcher(unitText).find()) {
            return null;
        }
        var conversion = convertToCanonical(ALIASES.getOrDefault(unitText, unitText));
        // Only known units are cached, and only so many: the cache must not grow with hostile input.
        if (conversion != null && UNIT_CACHE.size() < MAX_CACHED_UNITS) {
            UNIT_CACHE.put(unitText, conversion);
        }
        return conversion;
    }

    private static CanonicalConversion convertToCanonical(String ucumCode) {
        Unit<?> unit;
        try {
            unit = parseUcum(ucumCode);
        } catch (RuntimeException e) { // includes TokenError
            return null;
        }
        for (var entry : CANONICAL_UNITS.entrySet()) {
            if (unit.isCompatible(entry.getValue())) {
                try {
                    return new CanonicalConversion(entry.getKey(), unit.getConverterToAny(entry.getValue()));
                } catch (IncommensurableException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The UCUM parser reports some faults as {@link Error}s (TokenMgrError): turn them into a catchable type. */
    private static final class TokenError extends RuntimeException {
        TokenError(Error cause) {
            super(cause);
        }
    }

    private static Unit<?> parseUcum(String code) {
        try {
            synchronized (UCUM) {
                return UCUM.parse(code);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            throw new TokenError(e);
        }
    }

    /** Energy canonical unit is kcal, mass g; sodium and the other minerals are held in mg. */
    private static double scaleFromCanonical(Nutrient nutrient) {
        return "mg".equals(nutrient.canonicalUnit()) ? 1000 : 1;
    }

    private static double checkRange(double value, String text) {
        if (!Double.isFinite(value)) {
            throw new InvalidQuantityException("\"" + text + "\" is not a finite amount");
        }
        if (value < 0) {
            throw new InvalidQuantityException("\"" + text + "\" is negative; amounts cannot be");
        }
        if (value > MAX_AMOUNT) {
            throw new InvalidQuantityException("\"" + text + "\" is absurdly large (over " + format(MAX_AMOUNT)
                    + " in the canonical unit)");
        }
        return value + 0.0; // "-0 g" is 0 g: -0.0 would print as -0.0 in JSON (found by QuantitiesFuzzTest)
    }

    private static InvalidQuantityException wrongDimension(String text, Dimension given, String expected) {
        return new InvalidQuantityException("\"" + text.strip() + "\" is " + given.description() + "; " + expected);
    }

    private static String numberOf(String text) {
        var matcher = NUMBER_AND_UNIT.matcher(text.strip());
        return matcher.matches() ? matcher.group(1) : "3";
    }
}

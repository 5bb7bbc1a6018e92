package nutriplan.api.json;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.catalog.nutrient.Nutrient;

/**
 * The one writer of a quantity that leaves the service: {@code {"amount": 270.0, "unit": "mg"}} (docs/API.md,
 * "Quantities"). One shape, an object rather than a string such as {@code "270 mg"}, because a program reads the
 * number without parsing text and the unit without guessing; the service reads the same object back.
 */
public final class AmountJson {

    /**
     * Amounts are written to 0.001 of their canonical unit (mg, g, mL, kcal): finer than any label, coarse enough to
     * hide the float noise of summing servings.
     */
    public static final int DECIMALS = 3;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AmountJson() {
    }

    /** An amount of a nutrient, in its canonical unit. */
    public static ObjectNode of(double value, Nutrient nutrient) {
        return of(value, nutrient.canonicalUnit());
    }

    /** An amount in {@code unit}: "g" or "mL" for a serving, a per-hour limit's unit, a currency's code for money. */
    public static ObjectNode of(double value, String unit) {
        return NODES.objectNode().put("amount", round(value)).put("unit", unit);
    }

    public static double round(double value) {
        return round(value, RoundingMode.HALF_EVEN);
    }

    public static double round(double value, RoundingMode rounding) {
        return BigDecimal.valueOf(value).setScale(DECIMALS, rounding).doubleValue();
    }
}

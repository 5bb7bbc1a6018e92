package nutriplan.catalog.product;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;

/**
 * One product or food, per serving, with every amount in its nutrient's canonical unit.
 *
 * <p>{@code nutrients} tells three states apart, as API.md does: a nutrient left out is 0; one
 * mapped to {@code null} is not known (the label does not say) and also counts as 0, but a plan
 * that relies on it says so.
 *
 * @param brand       may be null
 * @param serving     one serving's size: a mass in g or a volume in mL
 * @param maxServings the most servings one plan may hold, or null for no cap of the product's own
 * @param price       may be null
 * @param source      where the numbers come from; may be null
 */
public record Product(String id, String name, String brand, Kind kind, Amount serving,
                      Map<Nutrient, Double> nutrients, List<String> tags, Integer maxServings,
                      Price price, String source) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(serving, "serving");
        // EnumMap, not Map.copyOf: null values (unknown amounts) are part of the data.
        var copy = new EnumMap<Nutrient, Double>(Nutrient.class);
        copy.putAll(nutrients);
        nutrients = Collections.unmodifiableMap(copy);
        tags = List.copyOf(tags);
    }

    /** The amount per serving in the canonical unit; 0 when left out or not known. */
    public double amount(Nutrient nutrient) {
        var amount = nutrients.get(nutrient);
        return amount == null ? 0 : amount;
    }

    /** True when the product lists the nutrient as not known ({@code null}). */
    public boolean isUnknown(Nutrient nutrient) {
        return nutrients.containsKey(nutrient) && nutrients.get(nutrient) == null;
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}

package nutriplan.catalog.product;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;

/**
 * One product or food, per serving, with every amount in its nutrient's canonical unit.
 *
 * <p>{@code nutrients} tells three states apart, as API.md does: a nutrient left out is 0; one
 * mapped to {@code null} is not known (the label does not say). The planner counts an unknown as 0
 * under a minimum and says so; under a maximum it leaves the product out unless the request allows it.
 *
 * <p>{@code nutrients} are as listed, for the serving itself; {@link #amount} is per serving as taken,
 * with the water of the {@code preparation} added to the fluid.
 *
 * @param brand       may be null
 * @param serving     one serving's size: a mass in g or a volume in mL
 * @param maxServings the most servings one plan may hold, or null for no cap of the product's own
 * @param price       may be null
 * @param source      where the numbers come from; may be null
 * @param preparation how a serving is taken (mixed into water, or dry); null when the catalog does not say
 * @param carbohydrateType what the carbohydrate is made of; null when the catalog does not give the field
 *                    ({@link CarbohydrateType#UNKNOWN} when it says the maker does not publish it)
 * @param use         the phases the product is fit for (before, during, after a session); null when the catalog does
 *                    not say, which no plan for a phase takes for fit
 */
public record Product(String id, String name, String brand, Kind kind, Amount serving,
                      Map<Nutrient, Double> nutrients, List<String> tags, Integer maxServings,
                      Price price, String source, Preparation preparation, CarbohydrateType carbohydrateType,
                      Set<Phase> use) {

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
        use = use == null ? null : Collections.unmodifiableSet(use.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(use));
    }

    /** A product whose catalog entry says nothing of when it is taken. */
    public Product(String id, String name, String brand, Kind kind, Amount serving, Map<Nutrient, Double> nutrients,
                   List<String> tags, Integer maxServings, Price price, String source, Preparation preparation,
                   CarbohydrateType carbohydrateType) {
        this(id, name, brand, kind, serving, nutrients, tags, maxServings, price, source, preparation, carbohydrateType,
                null);
    }

    /** A product whose catalog entry says nothing of preparation, carbohydrate type or use. */
    public Product(String id, String name, String brand, Kind kind, Amount serving, Map<Nutrient, Double> nutrients,
                   List<String> tags, Integer maxServings, Price price, String source) {
        this(id, name, brand, kind, serving, nutrients, tags, maxServings, price, source, null, null, null);
    }

    /**
     * The amount one serving supplies as taken, in the canonical unit: the listed amount, and for fluid the
     * water the serving is prepared with too (what is drunk). Left out or not known counts 0.
     */
    public double amount(Nutrient nutrient) {
        if (nutrient == Nutrient.SINGLE_SOURCE_CARBOHYDRATE) {
            return isMultipleTransportable() ? 0 : listed(Nutrient.CARBOHYDRATE);
        }
        double water = nutrient == Nutrient.FLUID && preparation != null ? preparation.water() : 0;
        return listed(nutrient) + water;
    }

    /** Only a product stated to be glucose/maltodextrin + fructose counts as such: not known is a single source. */
    private boolean isMultipleTransportable() {
        return carbohydrateType == CarbohydrateType.MULTIPLE_TRANSPORTABLE;
    }

    /** The amount the catalog lists for the serving itself; 0 when left out or not known. */
    public double listed(Nutrient nutrient) {
        var amount = nutrients.get(nutrient);
        return amount == null ? 0 : amount;
    }

    /** True when the product lists the nutrient as not known ({@code null}). */
    public boolean isUnknown(Nutrient nutrient) {
        if (nutrient == Nutrient.SINGLE_SOURCE_CARBOHYDRATE) {
            return !isMultipleTransportable() && isUnknown(Nutrient.CARBOHYDRATE);
        }
        return nutrients.containsKey(nutrient) && nutrients.get(nutrient) == null;
    }

    /** True when the catalog says the product is fit for the phase; a product that does not say is not. */
    public boolean isFitFor(Phase phase) {
        return use != null && use.contains(phase);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}

package nutriplan.catalog.product;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.JsonEnum;
import nutriplan.catalog.json.JsonFields;
import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Dimension;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.nutrient.Quantities;

/** Reads and writes one product in the JSON shape of API.md. */
public final class ProductJson {

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    public static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final int MAX_MAX_SERVINGS = 1000;

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of(
            "id", "name", "brand", "kind", "serving", "nutrients", "tags", "maxServings", "price", "source",
            "preparation", "carbohydrateType", "use"));
    private static final Set<String> PREPARATION_FIELDS = Set.of("water", "dry", "unit");
    private static final Set<String> PRICE_FIELDS = Set.of("amount", "currency");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String SERVING_EXPECTED = "a mass such as \"30 g\" or a volume such as \"500 mL\"";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProductJson() {
    }

    /** The product's id if the node has a usable one, for naming findings before it is read. */
    public static String idOf(JsonNode node) {
        var id = node == null ? null : node.get("id");
        return id != null && id.isTextual() && !id.textValue().isBlank() ? id.textValue() : null;
    }

    /**
     * Reads a product, reporting every fault to {@code findings} (already scoped to the product).
     *
     * @return the product, or null when any fault was an error
     */
    public static Product read(JsonNode node, Findings findings) {
        int errorsBefore = findings.errorCount();
        var fields = JsonFields.of(node, "", findings, FIELDS);
        if (fields == null) {
            return null;
        }
        var id = fields.text("id", true, 80);
        if (id != null && !ID.matcher(id).matches()) {
            findings.error("id", "\"" + id + "\" is not a slug: lowercase letters, digits and '-', starting with a letter or digit, at most 80 characters");
        }
        var name = fields.text("name", true, 200);
        var brand = fields.text("brand", false, 200);
        var kind = fields.choice("kind", true, Kind.class);
        var serving = fields.measure("serving", true, SERVING_EXPECTED, Dimension.MASS, Dimension.VOLUME);
        if (serving != null && serving.value() <= 0) {
            // "0 g" reads as an amount, but no one takes a serving of nothing (found by CatalogFileFuzzTest).
            findings.error("serving", "must be more than 0: the size of one serving, such as \"40 g\" or \"500 mL\"");
        }
        var nutrients = readNutrients(fields);
        var tags = readTags(fields);
        var maxServings = fields.integer("maxServings", 1, MAX_MAX_SERVINGS);
        var price = readPrice(fields);
        var source = fields.text("source", false, 2000);
        var preparation = readPreparation(fields);
        var carbohydrateType = readCarbohydrateType(fields);
        var use = readUse(fields);
        if (findings.errorCount() > errorsBefore) {
            return null;
        }
        return new Product(id, name, brand, kind, serving, nutrients, tags, maxServings, price, source, preparation,
                carbohydrateType, use);
    }

    private static Map<Nutrient, Double> readNutrients(JsonFields fields) {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        var node = fields.node("nutrients");
        if (node == null || node.isNull()) {
            fields.findings().error("nutrients", "is required: per-serving amounts such as {\"carbohydrate\": \"36 g\"}");
            return nutrients;
        }
        if (!node.isObject()) {
            fields.findings().error("nutrients", "must be an object of per-serving amounts, got " + JsonFields.describe(node));
            return nutrients;
        }
        node.fields().forEachRemaining(entry -> {
            var path = "nutrients." + entry.getKey();
            var nutrient = Nutrient.fromJsonName(entry.getKey());
            if (nutrient == null) {
                fields.findings().error(path, "unknown nutrient \"" + entry.getKey() + "\"; known: " + Nutrient.statedNames());
                return;
            }
            if (nutrient.isDerived()) {
                fields.findings().error(path, "is derived from carbohydrate and carbohydrateType, not listed; known: "
                        + Nutrient.statedNames());
                return;
            }
            // JSON null means "not known", which is kept apart from a left-out nutrient (0).
            nutrients.put(nutrient, JsonFields.readAmount(entry.getValue(), path, nutrient, fields.findings()));
        });
        return nutrients;
    }

    private static List<String> readTags(JsonFields fields) {
        var tags = fields.texts("tags", 50);
        for (int i = 0; i < tags.size(); i++) {
            if (!TAG.matcher(tags.get(i)).matches()) {
                fields.findings().error("tags[" + i + "]", "\"" + tags.get(i) + "\" is not a tag: lowercase letters, digits and '-', such as \"caffeine-free\"");
            }
        }
        if (new LinkedHashSet<>(tags).size() != tags.size()) {
            fields.findings().error("tags", "lists a tag twice");
        }
        return tags;
    }

    private static Price readPrice(JsonFields fields) {
        if (!fields.has("price")) {
            return null;
        }
        var price = JsonFields.of(fields.node("price"), "price.", fields.findings(), PRICE_FIELDS);
        if (price == null) {
            return null;
        }
        var amount = price.number("amount", 0, 100_000);
        var currency = price.text("currency", true, 3);
        if (amount == null && !price.has("amount")) {
            fields.findings().error("price.amount", "is required: the price of one serving, such as 2.29");
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            fields.findings().error("price.currency", "\"" + currency + "\" is not an ISO 4217 code such as \"USD\"");
        }
        return amount == null || currency == null ? null : new Price(amount, currency);
    }

    /** {"water": "355 mL", "unit": "scoop"} or {"dry": true, "unit": "capsule"}; null when absent or faulty (reported). */
    private static Preparation readPreparation(JsonFields fields) {
        if (!fields.has("preparation")) {
            return null;
        }
        var preparation = JsonFields.of(fields.node("preparation"), "preparation.", fields.findings(), PREPARATION_FIELDS);
        if (preparation == null) {
            return null;
        }
        var unit = preparation.text("unit", false, 40);
        if (unit != null && !Preparation.UNIT.matcher(unit).matches()) {
            fields.findings().error("preparation.unit", "\"" + unit + "\" is not a word for one serving such as \"scoop\", \"sachet\" or \"tablet\"");
        }
        unit = unit == null ? Preparation.DEFAULT_UNIT : unit;
        var dry = preparation.node("dry");
        if (dry != null && !dry.isNull()) {
            if (!dry.isBoolean() || !dry.booleanValue()) {
                fields.findings().error("preparation.dry", "must be true (taken dry), got " + JsonFields.describe(dry)
                        + "; a serving mixed into water gives \"water\" instead");
                return null;
            }
            if (preparation.has("water")) {
                fields.findings().error("preparation", "gives both \"water\" and \"dry\": a serving is mixed into water or taken dry");
                return null;
            }
            return Preparation.dry(unit);
        }
        var water = preparation.measure("water", false, "a volume such as \"355 mL\" or \"12 fl oz\"", Dimension.VOLUME);
        if (water == null) {
            if (!preparation.has("water")) {
                fields.findings().error("preparation", "says neither how much water a serving is mixed into, such as"
                        + " {\"water\": \"355 mL\"}, nor that it is taken dry, {\"dry\": true}");
            }
            return null;
        }
        if (water.value() <= 0) {
            fields.findings().error("preparation.water", "must be more than 0 mL; a serving taken without water is {\"dry\": true}");
            return null;
        }
        return Preparation.mixedInto(water.value(), unit);
    }

    /** ["before", "during"]: at least one phase, each once; null when absent or faulty (reported). */
    private static Set<Phase> readUse(JsonFields fields) {
        var use = fields.choices("use", Phase.class);
        if (use != null && use.isEmpty()) {
            fields.findings().error("use", "lists no phase: give when the product is taken, one or more of "
                    + JsonEnum.knownNames(Phase.class) + ", or leave the field out when not known");
            return null;
        }
        return use;
    }

    /** "multiple-transportable", "single", or JSON null (not known); null when absent or faulty (reported). */
    private static CarbohydrateType readCarbohydrateType(JsonFields fields) {
        var node = fields.node("carbohydrateType");
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return CarbohydrateType.UNKNOWN;
        }
        var type = node.isTextual() ? CarbohydrateType.fromJsonName(node.textValue()) : null;
        if (type == null) {
            fields.findings().error("carbohydrateType", "must be " + CarbohydrateType.knownNames() + ", got " + JsonFields.describe(node));
        }
        return type;
    }

    /** Writes a product as API.md shows it; reading the result gives an equal product. */
    public static ObjectNode write(Product product) {
        var node = NODES.objectNode();
        node.put("id", product.id());
        node.put("name", product.name());
        if (product.brand() != null) {
            node.put("brand", product.brand());
        }
        node.put("kind", product.kind().jsonName());
        node.put("serving", product.serving().toString());
        var nutrients = node.putObject("nutrients");
        product.nutrients().forEach((nutrient, amount) -> {
            if (amount == null) {
                nutrients.putNull(nutrient.jsonName());
            } else {
                nutrients.put(nutrient.jsonName(), format(amount, nutrient));
            }
        });
        if (!product.tags().isEmpty()) {
            var tags = node.putArray("tags");
            product.tags().forEach(tags::add);
        }
        if (product.maxServings() != null) {
            node.put("maxServings", product.maxServings());
        }
        if (product.price() != null) {
            node.putObject("price").put("amount", product.price().amount()).put("currency", product.price().currency());
        }
        if (product.source() != null) {
            node.put("source", product.source());
        }
        if (product.preparation() != null) {
            node.set("preparation", write(product.preparation()));
        }
        if (product.carbohydrateType() != null) {
            node.put("carbohydrateType", product.carbohydrateType().jsonName());
        }
        if (product.use() != null) {
            var use = node.putArray("use");
            product.use().forEach(phase -> use.add(phase.jsonName()));
        }
        return node;
    }

    private static ObjectNode write(Preparation preparation) {
        var node = NODES.objectNode();
        if (preparation.isDry()) {
            node.put("dry", true);
        } else {
            node.put("water", Quantities.format(preparation.water()) + " mL");
        }
        if (!preparation.unit().equals(Preparation.DEFAULT_UNIT)) {
            node.put("unit", preparation.unit());
        }
        return node;
    }

    /** "36 g", "270 mg": an amount in its nutrient's canonical unit. */
    public static String format(double amount, Nutrient nutrient) {
        return Quantities.format(amount) + " " + nutrient.canonicalUnit();
    }

    /** The serving as text, for messages and tables. */
    public static String format(Amount serving) {
        return serving.toString();
    }
}

package nutriplan.api.catalogs;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.json.AmountJson;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.product.Dominance;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;

/** The bodies of the catalog endpoints; products are written as API.md shows them, units included. */
public final class CatalogJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CatalogJson() {
    }

    /** {@code {"catalogs": [{"name", "version", "products"}]}}: names, versions and product counts. */
    static ObjectNode list(List<Catalog> catalogs) {
        var body = NODES.objectNode();
        var array = body.putArray("catalogs");
        for (var catalog : catalogs) {
            array.addObject()
                    .put("name", catalog.name())
                    .put("version", catalog.version())
                    .put("products", catalog.products().size());
        }
        return body;
    }

    /** {@code {"catalog": {"name", "version"}, "count", "products": [...]}}. */
    static ObjectNode products(Catalog catalog, List<Product> products) {
        var body = NODES.objectNode();
        body.putObject("catalog").put("name", catalog.name()).put("version", catalog.version());
        body.put("count", products.size());
        var array = body.putArray("products");
        products.forEach(product -> array.add(product(product)));
        return body;
    }

    /**
     * A product as the API answers it: the catalog file's shape, every quantity an {@code {"amount", "unit"}} (docs/API.md,
     * "Quantities"). The export keeps the file's strings ({@code "140 kcal"}), which check-catalog and people read; the
     * service reads both back.
     */
    public static ObjectNode product(Product product) {
        var node = ProductJson.write(product);
        node.set("serving", AmountJson.of(product.serving().value(), product.serving().dimension().canonicalUnit()));
        var nutrients = node.putObject("nutrients");
        product.nutrients().forEach((nutrient, amount) -> {
            if (amount == null) {
                nutrients.putNull(nutrient.jsonName());
            } else {
                nutrients.set(nutrient.jsonName(), AmountJson.of(amount, nutrient));
            }
        });
        var preparation = product.preparation();
        if (preparation != null && !preparation.isDry()) {
            ((ObjectNode) node.get("preparation")).set("water", AmountJson.of(preparation.water(), "mL"));
        }
        return node;
    }

    /** {@code {"catalog": {"name", "version"}, "dominated": [{product, name, by, byName}]}}: see {@link Dominance}. */
    static ObjectNode dominated(Catalog catalog) {
        var body = NODES.objectNode();
        body.putObject("catalog").put("name", catalog.name()).put("version", catalog.version());
        var array = body.putArray("dominated");
        for (var each : Dominance.of(catalog.products())) {
            array.addObject().put("product", each.product().id()).put("name", each.product().name())
                    .put("by", each.by().id()).put("byName", each.by().name());
        }
        return body;
    }

    /** {@code {"catalog": {"name", "version", "products"}}}: a catalog after a change. */
    public static ObjectNode changed(Catalog catalog) {
        var body = NODES.objectNode();
        body.putObject("catalog").put("name", catalog.name()).put("version", catalog.version())
                .put("products", catalog.products().size());
        return body;
    }
}

package nutriplan.api.catalogs;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.product.Dominance;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;

/** The bodies of the catalog endpoints; products are written as API.md shows them, units included. */
final class CatalogJson {

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
        products.forEach(product -> array.add(ProductJson.write(product)));
        return body;
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
    static ObjectNode changed(Catalog catalog) {
        var body = NODES.objectNode();
        body.putObject("catalog").put("name", catalog.name()).put("version", catalog.version())
                .put("products", catalog.products().size());
        return body;
    }
}

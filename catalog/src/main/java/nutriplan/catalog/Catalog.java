package nutriplan.catalog;

import java.util.List;
import java.util.Objects;

import nutriplan.catalog.product.Product;

/** A named list of products, as a catalog file holds it. */
public record Catalog(String name, List<Product> products) {

    public Catalog {
        Objects.requireNonNull(name, "name");
        products = List.copyOf(products);
    }

    /** The product with this id, or null. */
    public Product product(String id) {
        return products.stream().filter(product -> product.id().equals(id)).findFirst().orElse(null);
    }
}

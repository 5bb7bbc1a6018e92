package nutriplan.catalog;

import java.util.List;
import java.util.Objects;

import nutriplan.catalog.product.Product;

/**
 * A named list of products, as a catalog file holds it, at one version of the store.
 *
 * @param version the store's version of it, bumped by every change; a catalog file is version 1
 */
public record Catalog(String name, List<Product> products, long version) {

    public Catalog {
        Objects.requireNonNull(name, "name");
        products = List.copyOf(products);
    }

    /** A catalog as a file holds it: its first version. */
    public Catalog(String name, List<Product> products) {
        this(name, products, 1);
    }

    /** The product with this id, or null. */
    public Product product(String id) {
        return products.stream().filter(product -> product.id().equals(id)).findFirst().orElse(null);
    }
}

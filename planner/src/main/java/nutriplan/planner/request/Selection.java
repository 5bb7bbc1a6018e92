package nutriplan.planner.request;

import java.util.Set;

import nutriplan.catalog.product.Product;

/**
 * Which products a plan may use: {@code include} narrows the catalog to the listed ids and tags
 * (when it lists any), {@code exclude} then removes ids and tags.
 */
public record Selection(Set<String> includeProducts, Set<String> includeTags,
                        Set<String> excludeProducts, Set<String> excludeTags) {

    public static final Selection ALL = new Selection(Set.of(), Set.of(), Set.of(), Set.of());

    public Selection {
        includeProducts = Set.copyOf(includeProducts);
        includeTags = Set.copyOf(includeTags);
        excludeProducts = Set.copyOf(excludeProducts);
        excludeTags = Set.copyOf(excludeTags);
    }

    public boolean allows(Product product) {
        return isIncluded(product) && !isExcluded(product);
    }

    public boolean isIncluded(Product product) {
        boolean narrows = !includeProducts.isEmpty() || !includeTags.isEmpty();
        return !narrows || includeProducts.contains(product.id()) || product.tags().stream().anyMatch(includeTags::contains);
    }

    public boolean isExcluded(Product product) {
        return excludeProducts.contains(product.id()) || product.tags().stream().anyMatch(excludeTags::contains);
    }
}

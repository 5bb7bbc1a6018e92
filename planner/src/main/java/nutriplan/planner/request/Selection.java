package nutriplan.planner.request;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Phase;
import nutriplan.catalog.product.Product;

/**
 * Which products a plan may use: {@code include} narrows the catalog to the products that match any of its ids, tags
 * or kinds (when it lists any), {@code exclude} then removes ids, tags and kinds, and a {@code phase} keeps only the
 * products the catalog says are fit for it (a plan for during a session uses no cooked rice).
 *
 * @param phase null for a plan for no phase in particular: every product whatever its {@code use}
 */
public record Selection(Set<String> includeProducts, Set<String> includeTags, Set<Kind> includeKinds,
                        Set<String> excludeProducts, Set<String> excludeTags, Set<Kind> excludeKinds, Phase phase) {

    public static final Selection ALL = new Selection(Set.of(), Set.of(), Set.of(), Set.of());

    public Selection {
        includeProducts = Set.copyOf(includeProducts);
        includeTags = Set.copyOf(includeTags);
        includeKinds = Set.copyOf(includeKinds);
        excludeProducts = Set.copyOf(excludeProducts);
        excludeTags = Set.copyOf(excludeTags);
        excludeKinds = Set.copyOf(excludeKinds);
    }

    /** By ids and tags only, for any phase. */
    public Selection(Set<String> includeProducts, Set<String> includeTags, Set<String> excludeProducts,
                     Set<String> excludeTags) {
        this(includeProducts, includeTags, Set.of(), excludeProducts, excludeTags, Set.of(), null);
    }

    public boolean allows(Product product) {
        return allowsInAnyPhase(product) && fitsPhase(product);
    }

    /** Allowed by include and exclude, whatever the phase. */
    public boolean allowsInAnyPhase(Product product) {
        return isIncluded(product) && !isExcluded(product);
    }

    public boolean narrows() {
        return !includeProducts.isEmpty() || !includeTags.isEmpty() || !includeKinds.isEmpty();
    }

    public boolean isIncluded(Product product) {
        return !narrows() || includeProducts.contains(product.id()) || includeKinds.contains(product.kind())
                || product.tags().stream().anyMatch(includeTags::contains);
    }

    public boolean isExcluded(Product product) {
        return excludeProducts.contains(product.id()) || excludeKinds.contains(product.kind())
                || product.tags().stream().anyMatch(excludeTags::contains);
    }

    /** True when the selection has no phase, or the catalog says the product is fit for it. */
    public boolean fitsPhase(Product product) {
        return phase == null || product.isFitFor(phase);
    }

    public Selection withPhase(Phase newPhase) {
        return new Selection(includeProducts, includeTags, includeKinds, excludeProducts, excludeTags, excludeKinds, newPhase);
    }

    /** The same with these products excluded by id as well. */
    public Selection alsoExcluding(Collection<String> productIds) {
        var ids = new HashSet<>(excludeProducts);
        ids.addAll(productIds);
        return new Selection(includeProducts, includeTags, includeKinds, ids, excludeTags, excludeKinds, phase);
    }
}

package nutriplan.store;

import java.util.Objects;

import nutriplan.catalog.product.Product;

/**
 * One version at which a product was added, changed or removed: the product as it became, and the version's record.
 *
 * @param product the product from this version on; null when it was removed
 */
public record ProductRevision(long version, Action action, Product product, VersionInfo info) {

    public ProductRevision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(info, "info");
        if ((product == null) != (action == Action.REMOVED)) {
            throw new IllegalArgumentException("a removal, and only a removal, has no product: " + action);
        }
    }

    /** What the version did to the product. */
    public enum Action {
        /** Absent before (never there, or removed). */
        ADDED,
        /** Present before, different after. */
        CHANGED,
        /** Present before, absent after. */
        REMOVED
    }
}

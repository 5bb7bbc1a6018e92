package nutriplan.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the store says of a catalog without its products.
 *
 * @param version   bumped by every change; the ETag of the catalog
 * @param products  how many products it holds at this version
 * @param updatedAt when this version was written, in UTC
 */
public record CatalogInfo(String name, long version, int products, Instant updatedAt) {

    public CatalogInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

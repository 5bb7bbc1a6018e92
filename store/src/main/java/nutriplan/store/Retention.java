package nutriplan.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a catalog's past versions are kept. By default ({@link #KEEP_ALL}) every version is kept for as long as
 * the catalog exists. With a maximum age, each change also prunes the versions older than it — their records, and
 * the product revisions no kept version needs — except a tagged version, the current one, and the
 * {@value Revisions#RECENT_VERSIONS} newest (so that a reader still reading one finds it whole).
 *
 * @param maxAge how old an untagged version may grow before it is pruned; null: keep all
 */
public record Retention(Duration maxAge) {

    /** Every version kept (the default). */
    public static final Retention KEEP_ALL = new Retention(null);

    public Retention {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("the retention's maxAge (" + maxAge + ") must be positive"
                    + "\nMaybe leave it out to keep every version.");
        }
    }

    /** Untagged versions older than {@code days} days are pruned. */
    public static Retention days(int days) {
        return new Retention(Duration.ofDays(days));
    }

    public Optional<Duration> limit() {
        return Optional.ofNullable(maxAge);
    }

    @Override
    public String toString() {
        return maxAge == null ? "keep all versions" : "prune untagged versions older than " + Objects.toString(maxAge);
    }
}

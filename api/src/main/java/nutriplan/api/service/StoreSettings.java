package nutriplan.api.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import nutriplan.store.CatalogStore;
import nutriplan.store.MongoCatalogStore;
import nutriplan.store.Retention;

/**
 * Where the catalogs are stored.
 *
 * @param mongodbUri    a MongoDB (replica set, Atlas) connection string; null: the embedded store
 * @param dataDirectory where the embedded store keeps its file (unused with a {@code mongodbUri})
 * @param pollMs        how often the catalog versions are checked, to pick up other replicas' changes
 * @param timeoutMs     how long a store operation waits for an unreachable server before giving up (503)
 * @param retention     how long untagged past catalog versions are kept ({@code CATALOG_RETENTION_DAYS}); by default
 *                      every version
 */
public record StoreSettings(String mongodbUri, Path dataDirectory, long pollMs, long timeoutMs, Retention retention) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("nutriplan-data");
    public static final long DEFAULT_POLL_MS = 1000;
    public static final long DEFAULT_TIMEOUT_MS = 2000;

    public StoreSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(retention, "retention");
    }

    /** Every version kept. */
    public StoreSettings(String mongodbUri, Path dataDirectory, long pollMs, long timeoutMs) {
        this(mongodbUri, dataDirectory, pollMs, timeoutMs, Retention.KEEP_ALL);
    }

    /** The embedded store in ./nutriplan-data, versions polled every second, 2 s to give up on the store. */
    public static StoreSettings defaults() {
        return new StoreSettings(null, DEFAULT_DATA_DIRECTORY, DEFAULT_POLL_MS, DEFAULT_TIMEOUT_MS);
    }

    /** The embedded store in this directory (tests). */
    public static StoreSettings embedded(Path dataDirectory) {
        return new StoreSettings(null, dataDirectory, DEFAULT_POLL_MS, DEFAULT_TIMEOUT_MS);
    }

    /**
     * Opens the store: MongoDB at {@code mongodbUri}, or the embedded one started in {@code dataDirectory}; each change
     * prunes the versions {@code retention} lets go.
     */
    public CatalogStore open() {
        return isEmbedded() ? MongoCatalogStore.embedded(dataDirectory, timeout(), retention)
                : MongoCatalogStore.connect(mongodbUri, timeout(), () -> { }, retention);
    }

    public StoreSettings withRetention(Retention newRetention) {
        return new StoreSettings(mongodbUri, dataDirectory, pollMs, timeoutMs, newRetention);
    }

    public boolean isEmbedded() {
        return mongodbUri == null;
    }

    public Duration timeout() {
        return Duration.ofMillis(timeoutMs);
    }
}

package nutriplan.api.catalogs;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nutriplan.api.catalogs.Catalogs;
import nutriplan.catalog.Catalog;
import nutriplan.store.CatalogStore;
import nutriplan.store.NotInStoreException;
import nutriplan.store.StoreUnavailableException;

/**
 * The hot path's catalogs: each stored catalog held in memory as an immutable snapshot, so a plan never waits on
 * the store. A snapshot is replaced when its version changes — at once after a change made here, and within a
 * poll interval after another replica's (change streams do not exist on the embedded server, so versions are
 * polled: one small query). When the store is down the snapshots stay as they were and plans go on. Old versions,
 * for plans pinned to one, are read on demand and held in a bounded cache ({@link PinnedVersions}).
 */
public final class CatalogSnapshots implements Catalogs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogSnapshots.class);

    private final CatalogStore store;
    private final ConcurrentMap<String, Catalog> byName = new ConcurrentHashMap<>();
    private final PinnedVersions pinned;
    private final ScheduledExecutorService poller;
    private volatile boolean storeReachable = true;

    private CatalogSnapshots(CatalogStore store, long pollMs) {
        this.store = store;
        this.pinned = new PinnedVersions(store);
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "nutriplan-catalog-poller");
            thread.setDaemon(true);
            return thread;
        });
        poll();
        poller.scheduleWithFixedDelay(this::poll, pollMs, pollMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Loads every catalog of the store, then keeps them current.
     *
     * @throws StoreUnavailableException when the store cannot be read at start: there would be nothing to plan with
     */
    public static CatalogSnapshots load(CatalogStore store, long pollMs) {
        store.catalogs(); // fails fast, with the store's own message, when it cannot be reached
        return new CatalogSnapshots(store, pollMs);
    }

    /** A stored catalog by name, or pinned to a version or tag ("default@12", "default@race-2026"); null when none. */
    @Override
    public Catalog find(String name) {
        return PinnedVersions.isPinned(name) ? pinned.find(name, byName::get) : byName.get(name);
    }

    /** The current snapshot of a stored catalog, by its plain name; null when there is none. */
    public Catalog current(String name) {
        return byName.get(name);
    }

    @Override
    public List<Catalog> all() {
        return byName.values().stream().sorted(Comparator.comparing(Catalog::name)).toList();
    }

    /** Reads the catalog again from the store (after a change), unless a newer snapshot is already held. */
    public Catalog refresh(String name) {
        var fresh = store.snapshot(name).catalog();
        return byName.merge(name, fresh, (held, read) -> read.version() >= held.version() ? read : held);
    }

    /** Drops a deleted catalog's snapshot. */
    public void forget(String name) {
        byName.remove(name);
    }

    /** Whether the store answered the last poll. */
    public boolean storeReachable() {
        return storeReachable;
    }

    private void poll() {
        try {
            var versions = store.versions();
            versions.forEach((name, version) -> {
                var held = byName.get(name);
                if (held == null || held.version() < version) {
                    try {
                        refresh(name);
                    } catch (NotInStoreException e) {
                        byName.remove(name);
                    }
                }
            });
            byName.keySet().retainAll(versions.keySet());
            if (!storeReachable) {
                LOG.info("the catalog store is reachable again");
            }
            storeReachable = true;
        } catch (StoreUnavailableException e) {
            if (storeReachable) {
                LOG.warn("the catalog store is unreachable; plans go on with the catalogs held: {}", e.getMessage());
            }
            storeReachable = false;
        } catch (RuntimeException e) {
            LOG.error("reading the catalog store failed", e); // keep polling: the next read may succeed
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}

package nutriplan.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.product.Product;
import nutriplan.store.keys.KeyStore;
import nutriplan.store.keys.MongoKeyStore;
import nutriplan.store.users.MongoUserStore;
import nutriplan.store.users.UserStore;

/**
 * The catalog store on the official MongoDB driver — against MongoDB or Atlas, or the embedded server, with the
 * same code. Neither offers what a naive design needs (the embedded server has no transactions), so a change is
 * made safe by versions instead:
 *
 * <ul>
 * <li>A product document ({@code products}, unique on catalog + id) keeps its recent revisions, each visible from
 * one catalog version ({@code from}) until another ({@code to}, absent while current). Readers of version V see
 * the revisions with from ≤ V &lt; to.</li>
 * <li>A change first takes the catalog's lease (one atomic update of its {@code catalogs} document, so writers
 * queue and no update is lost), checks {@code If-Match}, writes revisions for version V + 1 — invisible to readers
 * — and then switches the catalog to V + 1 and drops the lease in one atomic, version-checked update. Before that
 * last write nothing is visible; after it, all of it is.</li>
 * <li>A writer that crashed leaves revisions from V + 1 and {@code to} marks behind, and its lease expires; the
 * next writer of that catalog removes them before changing anything ({@link #repair}).</li>
 * <li>A reader reads the version, then the products as they were at that version. Revisions are pruned only
 * {@link Revisions#RETAINED_VERSIONS} versions after they end, so the reader checks the version again and starts
 * over only if the catalog moved on that far meanwhile.</li>
 * </ul>
 *
 * Durability: MongoDB acknowledges with majority write concern and the journal; for the embedded server the
 * {@code afterChange} hook commits its file before a change returns.
 */
public final class MongoCatalogStore implements CatalogStore {

    /** Stored with every document: a reader meeting a newer schema refuses rather than misreads. */
    static final int SCHEMA = 1;
    private static final String DEFAULT_DATABASE = "nutriplan";
    /**
     * How long a writer may hold a catalog before another may take over (and repair what it left): after a crash,
     * changes to the catalog it was changing wait up to this long. A long import renews it as it goes.
     */
    static final Duration LEASE = Duration.ofSeconds(10);
    /** A long change renews its lease after this many products. */
    private static final int RENEW_EVERY = 200;
    /** How long a writer waits for another writer's lease before answering "busy". */
    private static final Duration LEASE_WAIT = Duration.ofSeconds(5);
    private static final int SNAPSHOT_ATTEMPTS = 10;

    private final MongoClient client;
    private final MongoCollection<Document> catalogs;
    private final MongoCollection<Document> products;
    private final Runnable afterChange;
    private final Duration lease;
    private final Runnable afterClose;
    private final MongoUserStore users;
    private final MongoKeyStore keys;

    private MongoCatalogStore(MongoClient client, String database, Runnable afterChange, Duration lease,
                              Runnable afterClose) {
        this.client = client;
        var db = client.getDatabase(database);
        this.catalogs = db.getCollection("catalogs");
        this.products = db.getCollection("products");
        this.users = MongoUserStore.on(db, afterChange);
        this.keys = MongoKeyStore.on(db, afterChange);
        this.afterChange = afterChange;
        this.lease = lease;
        this.afterClose = afterClose;
    }

    /**
     * Connects to the server at {@code uri} (its database, or "nutriplan"), creating the indexes if needed.
     *
     * @param serverSelectionTimeout how long an operation waits for an unreachable server before failing
     * @param afterChange            run after each change, before it returns (the embedded server's commit)
     */
    public static MongoCatalogStore connect(String uri, Duration serverSelectionTimeout, Runnable afterChange) {
        return connect(uri, serverSelectionTimeout, afterChange, LEASE, () -> { });
    }

    /**
     * The store on an {@link EmbeddedMongo} started in {@code dataDirectory}: committed after every change, and
     * stopped when the store closes.
     */
    public static MongoCatalogStore embedded(Path dataDirectory, Duration serverSelectionTimeout) {
        var server = EmbeddedMongo.start(dataDirectory);
        try {
            return connect(server.connectionString(), serverSelectionTimeout, server::commit, LEASE, server::close);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** With another lease (tests of crash recovery use a short one), and what to close after the client. */
    static MongoCatalogStore connect(String uri, Duration serverSelectionTimeout, Runnable afterChange, Duration lease,
                                     Runnable afterClose) {
        var connection = new ConnectionString(uri);
        var settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(
                        (int) serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readConcern(ReadConcern.MAJORITY)
                .applicationName("nutriplan")
                .build();
        var database = connection.getDatabase() == null ? DEFAULT_DATABASE : connection.getDatabase();
        var store = new MongoCatalogStore(MongoClients.create(settings), database, afterChange, lease, afterClose);
        store.createIndexes();
        return store;
    }

    private void createIndexes() {
        available(() -> {
            products.createIndex(Indexes.ascending("catalog", "id"), new IndexOptions().unique(true).name("catalog_id"));
            products.createIndex(Indexes.ascending("catalog", "revisions.product.kind"), new IndexOptions().name("kind"));
            products.createIndex(Indexes.ascending("catalog", "revisions.product.tags"), new IndexOptions().name("tags"));
            return null;
        });
        users.createIndexes();
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public KeyStore keys() {
        return keys;
    }

    @Override
    public List<CatalogInfo> catalogs() {
        return available(() -> {
            var list = new ArrayList<CatalogInfo>();
            for (var document : catalogs.find(gt("version", 0L))) {
                list.add(info(document));
            }
            list.sort(Comparator.comparing(CatalogInfo::name));
            return list;
        });
    }

    @Override
    public Map<String, Long> versions() {
        return available(() -> {
            var versions = new LinkedHashMap<String, Long>();
            for (var document : catalogs.find(gt("version", 0L)).projection(Projections.include("version"))) {
                versions.put(document.getString("_id"), document.getLong("version"));
            }
            return versions;
        });
    }

    @Override
    public StoredCatalog snapshot(String catalog) {
        return available(() -> {
            for (int attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++) {
                var info = info(visibleCatalog(catalog));
                var list = new ArrayList<Ordered>();
                for (var document : products.find(eq("catalog", catalog))) {
                    var revision = Revisions.visibleAt(document, info.version());
                    if (revision != null) {
                        list.add(new Ordered(document.getLong("seq"), ProductDocuments.read(revision)));
                    }
                }
                // Revisions a reader of this version needs are kept for RETAINED_VERSIONS more versions.
                if (info(visibleCatalog(catalog)).version() <= info.version() + Revisions.RETAINED_VERSIONS) {
                    list.sort(Comparator.comparingLong(Ordered::seq));
                    return new StoredCatalog(info,
                            new Catalog(catalog, list.stream().map(Ordered::product).toList(), info.version()));
                }
            }
            throw new StoreUnavailableException("catalog \"" + catalog + "\" changes faster than it can be read", null);
        });
    }

    private record Ordered(long seq, Product product) {
    }

    @Override
    public Optional<Product> product(String catalog, String id) {
        return available(() -> {
            long version = info(visibleCatalog(catalog)).version();
            var document = products.find(and(eq("catalog", catalog), eq("id", id))).first();
            var revision = document == null ? null : Revisions.visibleAt(document, version);
            return Optional.ofNullable(revision).map(ProductDocuments::read);
        });
    }

    @Override
    public CatalogInfo put(String catalog, Product product, OptionalLong expectedVersion) {
        return change(catalog, expectedVersion, change -> change.put(List.of(product)));
    }

    @Override
    public CatalogInfo delete(String catalog, String id, OptionalLong expectedVersion) {
        return change(catalog, expectedVersion, change -> change.delete(id));
    }

    @Override
    public CatalogInfo importProducts(String catalog, List<Product> list, OptionalLong expectedVersion) {
        return change(catalog, expectedVersion, change -> change.put(list));
    }

    @Override
    public CatalogInfo create(String catalog, List<Product> list) {
        return available(() -> {
            var lease = newLease(catalog);
            var document = new Document("_id", catalog).append("schema", SCHEMA).append("version", 0L)
                    .append("products", 0).append("nextSeq", 0L).append("updatedAt", new Date())
                    .append("lease", lease.document());
            try {
                catalogs.insertOne(document);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // Taken, unless it is the remains of a create that crashed (version 0, lease expired): take it over.
                document = takeAbandonedCreate(catalog, lease);
            }
            return new Change(catalog, document, lease).run(change -> change.put(list));
        });
    }

    private Document takeAbandonedCreate(String catalog, Lease lease) {
        var taken = catalogs.findOneAndUpdate(and(eq("_id", catalog), eq("version", 0L), lt("lease.until", new Date())),
                Updates.set("lease", lease.document()), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (taken == null) {
            throw StoreConflictException.taken("name", "a catalog named \"" + catalog + "\" already exists");
        }
        return taken;
    }

    @Override
    public List<String> seedIfEmpty(List<Catalog> list) {
        return available(() -> {
            var created = new ArrayList<String>();
            if (catalogs.countDocuments() > 0) {
                return created;
            }
            for (var catalog : list) {
                try {
                    create(catalog.name(), catalog.products());
                    created.add(catalog.name());
                } catch (StoreConflictException e) {
                    // Another replica is seeding the same store at the same time: its copy stands.
                }
            }
            return created;
        });
    }

    @Override
    public boolean isReachable() {
        try {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            return true;
        } catch (MongoException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        afterClose.run();
    }

    /** Runs a change under the catalog's lease and commits it as the next version. */
    private CatalogInfo change(String catalog, OptionalLong expectedVersion, Consumer<Change> edit) {
        return available(() -> {
            var lease = newLease(catalog);
            var document = acquire(catalog, lease);
            long version = document.getLong("version");
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != version) {
                release(catalog, lease);
                throw StoreConflictException.staleVersion(catalog, expectedVersion.getAsLong(), version);
            }
            return new Change(catalog, document, lease).run(edit);
        });
    }

    /** Takes the catalog's lease, waiting for another writer's to end (or expire); returns the catalog then. */
    private Document acquire(String catalog, Lease lease) {
        long deadline = System.nanoTime() + LEASE_WAIT.toNanos();
        long pauseMs = 2;
        while (true) {
            var free = or(eq("lease", null), lt("lease.until", new Date()));
            var document = catalogs.findOneAndUpdate(and(eq("_id", catalog), gt("version", 0L), free),
                    Updates.set("lease", lease.document()), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (document != null) {
                return document;
            }
            visibleCatalog(catalog); // throws when there is no such catalog
            if (System.nanoTime() > deadline) {
                throw new StoreUnavailableException("catalog \"" + catalog + "\" is being changed by another writer", null);
            }
            sleep(pauseMs);
            pauseMs = Math.min(50, pauseMs * 2);
        }
    }

    private void release(String catalog, Lease lease) {
        catalogs.updateOne(and(eq("_id", catalog), eq("lease.owner", lease.owner())), Updates.unset("lease"));
    }

    private Document visibleCatalog(String catalog) {
        var document = catalogs.find(and(eq("_id", catalog), gt("version", 0L))).first();
        if (document == null) {
            throw NotInStoreException.catalog(catalog);
        }
        if (document.getInteger("schema", 0) > SCHEMA) {
            throw new IllegalStateException("catalog \"" + catalog + "\" was written by a newer nutriplan (schema "
                    + document.getInteger("schema") + ")");
        }
        return document;
    }

    private static CatalogInfo info(Document document) {
        return new CatalogInfo(document.getString("_id"), document.getLong("version"), document.getInteger("products"),
                document.getDate("updatedAt").toInstant());
    }

    /**
     * Removes what a crashed writer left for versions after {@code version}: revisions it added, and the end it
     * marked on revisions it replaced.
     */
    private void repair(String catalog, long version) {
        var leftovers = and(eq("catalog", catalog), or(gt("revisions.from", version), gt("revisions.to", version)));
        for (var document : products.find(leftovers)) {
            var revisions = Revisions.withoutAfter(document, version);
            if (revisions.isEmpty()) {
                products.deleteOne(eq("_id", document.get("_id")));
            } else {
                products.replaceOne(eq("_id", document.get("_id")), document.append("revisions", revisions));
            }
        }
    }

    /** One change of one catalog, from version V to V + 1, under its lease. */
    private final class Change {
        private final String catalog;
        private final long version;
        private final Lease lease;
        private int count;
        private long nextSeq;

        Change(String catalog, Document document, Lease lease) {
            this.catalog = catalog;
            this.version = document.getLong("version");
            this.lease = lease;
            this.count = document.getInteger("products");
            this.nextSeq = document.getLong("nextSeq");
        }

        CatalogInfo run(Consumer<Change> edit) {
            try {
                repair(catalog, version);
                edit.accept(this);
                return commit();
            } catch (RuntimeException e) {
                releaseQuietly();
                throw e;
            }
        }

        /** Writes the next revision of each product (a product listed twice: the last one wins). */
        void put(List<Product> list) {
            var byId = new LinkedHashMap<String, Product>();
            list.forEach(product -> byId.put(product.id(), product));
            var existing = new HashMap<String, Document>();
            products.find(and(eq("catalog", catalog), in("id", byId.keySet())))
                    .forEach(document -> existing.put(document.getString("id"), document));
            int written = 0;
            for (var entry : byId.entrySet()) {
                if (++written % RENEW_EVERY == 0) {
                    renewLease();
                }
                var id = entry.getKey();
                var product = entry.getValue();
                var document = existing.get(id);
                if (document == null) {
                    document = new Document("catalog", catalog).append("id", id).append("schema", SCHEMA)
                            .append("seq", nextSeq++).append("revisions", new ArrayList<Document>());
                }
                if (Revisions.visibleAt(document, version) == null) {
                    count++;
                }
                document.append("revisions", Revisions.next(document, version, ProductDocuments.write(product)));
                products.replaceOne(and(eq("catalog", catalog), eq("id", id)), document, new ReplaceOptions().upsert(true));
            }
        }

        private void renewLease() {
            var renewed = catalogs.updateOne(and(eq("_id", catalog), eq("lease.owner", lease.owner())),
                    Updates.set("lease", lease.document()));
            if (renewed.getMatchedCount() == 0) {
                throw new StoreUnavailableException("the change to catalog \"" + catalog
                        + "\" took longer than its lease and was not made; try again", null);
            }
        }

        void delete(String id) {
            var document = products.find(and(eq("catalog", catalog), eq("id", id))).first();
            if (document == null || Revisions.visibleAt(document, version) == null) {
                throw NotInStoreException.product(catalog, id);
            }
            count--;
            document.append("revisions", Revisions.next(document, version, null));
            products.replaceOne(eq("_id", document.get("_id")), document);
        }

        /** The one write that makes the change visible, checked against the version and the lease. */
        private CatalogInfo commit() {
            var now = new Date();
            var result = catalogs.updateOne(
                    and(eq("_id", catalog), eq("version", version), eq("lease.owner", lease.owner())),
                    Updates.combine(Updates.set("version", version + 1), Updates.set("products", count),
                            Updates.set("nextSeq", nextSeq), Updates.set("updatedAt", now), Updates.unset("lease")));
            if (result.getMatchedCount() == 0) {
                throw new StoreUnavailableException("the change to catalog \"" + catalog
                        + "\" took longer than its lease and was not made; try again", null);
            }
            afterChange.run();
            return new CatalogInfo(catalog, version + 1, count, now.toInstant());
        }

        private void releaseQuietly() {
            try {
                repair(catalog, version);
                release(catalog, lease);
            } catch (MongoException e) {
                // The lease expires by itself, and the next writer repairs.
            }
        }
    }

    private Lease newLease(String catalog) {
        return new Lease(catalog + ":" + UUID.randomUUID(), lease);
    }

    /** Who holds a catalog, and for how long at a time. */
    private record Lease(String owner, Duration duration) {
        Document document() {
            return new Document("owner", owner).append("until", Date.from(Instant.now().plus(duration)));
        }
    }

    /** Runs a store operation; an unreachable server becomes {@link StoreUnavailableException}. */
    private static <T> T available(Supplier<T> operation) {
        return StoreUnavailableException.unlessUnreachable(operation);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for another writer", e);
        }
    }
}

package nutriplan.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
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
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.json.InvalidInputException;
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
 * <li>A product document ({@code products}, unique on catalog + id) keeps its revisions, each visible from one
 * catalog version ({@code from}) until another ({@code to}, absent while current). Readers of version V see the
 * revisions with from ≤ V &lt; to — of the current version or of any kept one.</li>
 * <li>Each version has a record ({@code versions}, one per catalog + version): author, time, request, message, and
 * the ids it added, changed and removed. Tags ({@code tags}, one per catalog + tag) name versions.</li>
 * <li>A change first takes the catalog's lease (one atomic update of its {@code catalogs} document, so writers
 * queue and no update is lost), checks {@code If-Match}, writes revisions for version V + 1 and then V + 1's record —
 * all invisible to readers, who read no further than V — and then switches the catalog to V + 1 and drops the lease
 * in one atomic, version-checked update. Before that last write nothing is visible; after it, all of it is, the
 * record included.</li>
 * <li>A writer that crashed leaves revisions from V + 1, {@code to} marks and perhaps V + 1's record behind, and its
 * lease expires; the next writer of that catalog removes them before changing anything ({@link #repair}).</li>
 * <li>Nothing is pruned unless a {@link Retention} says so; then each change, under the lease, removes the records
 * of untagged versions older than its age (never the {@link Revisions#RECENT_VERSIONS} newest) and the revisions
 * no kept version needs. A reader reads the version, then the products as they were at that version, then checks
 * the version is still kept, and starts over if not.</li>
 * </ul>
 *
 * Durability: MongoDB acknowledges with majority write concern and the journal; for the embedded server the
 * {@code afterChange} hook commits its file before a change returns.
 */
public final class MongoCatalogStore implements CatalogStore {

    /**
     * Stored with every document: a reader meeting a newer schema refuses rather than misreads. 2: every version
     * kept with its record (a schema-1 writer would prune revisions, so it refuses a catalog written with 2).
     */
    static final int SCHEMA = 2;
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
    private final MongoCollection<Document> versionRecords;
    private final MongoCollection<Document> tagDocuments;
    private final Runnable afterChange;
    private final Duration lease;
    private final Runnable afterClose;
    private final Retention retention;
    private final Clock clock;
    private final MongoUserStore users;
    private final MongoKeyStore keys;

    private MongoCatalogStore(MongoClient client, String database, Runnable afterChange, Duration lease,
                              Runnable afterClose, Retention retention, Clock clock) {
        this.client = client;
        var db = client.getDatabase(database);
        this.catalogs = db.getCollection("catalogs");
        this.products = db.getCollection("products");
        this.versionRecords = db.getCollection("versions");
        this.tagDocuments = db.getCollection("tags");
        this.users = MongoUserStore.on(db, afterChange);
        this.keys = MongoKeyStore.on(db, afterChange);
        this.afterChange = afterChange;
        this.lease = lease;
        this.afterClose = afterClose;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Connects to the server at {@code uri} (its database, or "nutriplan"), creating the indexes if needed; every
     * version is kept.
     *
     * @param serverSelectionTimeout how long an operation waits for an unreachable server before failing
     * @param afterChange            run after each change, before it returns (the embedded server's commit)
     */
    public static MongoCatalogStore connect(String uri, Duration serverSelectionTimeout, Runnable afterChange) {
        return connect(uri, serverSelectionTimeout, afterChange, Retention.KEEP_ALL);
    }

    /** As {@link #connect(String, Duration, Runnable)}, pruning old versions as {@code retention} says. */
    public static MongoCatalogStore connect(String uri, Duration serverSelectionTimeout, Runnable afterChange,
                                            Retention retention) {
        return connect(uri, serverSelectionTimeout, afterChange, LEASE, () -> { }, retention, Clock.systemUTC());
    }

    /**
     * The store on an {@link EmbeddedMongo} started in {@code dataDirectory}: committed after every change, and
     * stopped when the store closes; every version is kept.
     */
    public static MongoCatalogStore embedded(Path dataDirectory, Duration serverSelectionTimeout) {
        return embedded(dataDirectory, serverSelectionTimeout, Retention.KEEP_ALL);
    }

    /** As {@link #embedded(Path, Duration)}, pruning old versions as {@code retention} says. */
    public static MongoCatalogStore embedded(Path dataDirectory, Duration serverSelectionTimeout, Retention retention) {
        var server = EmbeddedMongo.start(dataDirectory);
        try {
            return connect(server.connectionString(), serverSelectionTimeout, server::commit, LEASE, server::close,
                    retention, Clock.systemUTC());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** With another lease (tests of crash recovery use a short one), and what to close after the client. */
    static MongoCatalogStore connect(String uri, Duration serverSelectionTimeout, Runnable afterChange, Duration lease,
                                     Runnable afterClose) {
        return connect(uri, serverSelectionTimeout, afterChange, lease, afterClose, Retention.KEEP_ALL, Clock.systemUTC());
    }

    /** With a retention and a clock for the versions' times (tests of the retention move it). */
    static MongoCatalogStore connect(String uri, Duration serverSelectionTimeout, Runnable afterChange, Duration lease,
                                     Runnable afterClose, Retention retention, Clock clock) {
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
        var store = new MongoCatalogStore(MongoClients.create(settings), database, afterChange, lease, afterClose,
                retention, clock);
        store.createIndexes();
        return store;
    }

    private void createIndexes() {
        available(() -> {
            products.createIndex(Indexes.ascending("catalog", "id"), new IndexOptions().unique(true).name("catalog_id"));
            products.createIndex(Indexes.ascending("catalog", "revisions.product.kind"), new IndexOptions().name("kind"));
            products.createIndex(Indexes.ascending("catalog", "revisions.product.tags"), new IndexOptions().name("tags"));
            versionRecords.createIndex(Indexes.ascending("catalog", "version"),
                    new IndexOptions().unique(true).name("catalog_version"));
            tagDocuments.createIndex(Indexes.ascending("catalog", "version"), new IndexOptions().name("catalog_version"));
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
        return read(catalog, OptionalLong.empty());
    }

    @Override
    public StoredCatalog snapshot(String catalog, long version) {
        return read(catalog, OptionalLong.of(version));
    }

    /** The catalog at {@code version} (empty: the current one), read again should it be pruned or moved meanwhile. */
    private StoredCatalog read(String catalog, OptionalLong version) {
        return available(() -> {
            for (int attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++) {
                var info = infoAt(catalog, version);
                var list = new ArrayList<Ordered>();
                for (var document : products.find(and(eq("catalog", catalog), lte("revisions.from", info.version())))) {
                    var revision = Revisions.visibleAt(document, info.version());
                    if (revision != null) {
                        list.add(new Ordered(document.getLong("seq"), ProductDocuments.read(revision)));
                    }
                }
                if (isStillKept(catalog, info.version())) {
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

    /** The catalog's info at {@code version} (empty: the current one); NotInStore unless that version is kept. */
    private CatalogInfo infoAt(String catalog, OptionalLong version) {
        var document = visibleCatalog(catalog);
        long current = document.getLong("version");
        if (version.isEmpty() || version.getAsLong() == current) {
            return info(document);
        }
        var record = version.getAsLong() < current ? versionRecord(catalog, version.getAsLong()) : null;
        if (record == null) {
            throw NotInStoreException.version(catalog, version.getAsLong(), current);
        }
        return new CatalogInfo(catalog, version.getAsLong(), record.getInteger("products"),
                record.getDate("time").toInstant());
    }

    /**
     * Whether the products just read at {@code version} were whole: the catalog still exists, and the version is
     * among the newest (never pruned) or its record is still there (a pruning removes the record before revisions).
     */
    private boolean isStillKept(String catalog, long version) {
        long current = visibleCatalog(catalog).getLong("version");
        return current <= version + Revisions.RECENT_VERSIONS
                || retention.limit().isEmpty() || versionRecord(catalog, version) != null;
    }

    private Document versionRecord(String catalog, long version) {
        return versionRecords.find(eq("_id", recordId(catalog, version))).first();
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
    public Optional<Product> product(String catalog, String id, long version) {
        return available(() -> {
            for (int attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++) {
                var info = infoAt(catalog, OptionalLong.of(version));
                var document = products.find(and(eq("catalog", catalog), eq("id", id))).first();
                var revision = document == null ? null : Revisions.visibleAt(document, info.version());
                if (isStillKept(catalog, info.version())) {
                    return Optional.ofNullable(revision).map(ProductDocuments::read);
                }
            }
            throw new StoreUnavailableException("catalog \"" + catalog + "\" changes faster than it can be read", null);
        });
    }

    @Override
    public List<VersionInfo> versions(String catalog, long beforeVersion, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit (" + limit + ") must be 1 or more");
        }
        return available(() -> {
            long current = visibleCatalog(catalog).getLong("version");
            long below = Math.min(beforeVersion, current + 1);
            var records = new ArrayList<Document>();
            versionRecords.find(and(eq("catalog", catalog), lt("version", below)))
                    .sort(Sorts.descending("version")).limit(limit).into(records);
            var tagged = tagsByVersion(catalog, current);
            return records.stream().map(record -> versionInfo(record, tagged)).toList();
        });
    }

    @Override
    public List<ProductRevision> history(String catalog, String id) {
        return available(() -> {
            long current = visibleCatalog(catalog).getLong("version");
            var document = products.find(and(eq("catalog", catalog), eq("id", id))).first();
            var steps = document == null ? List.<Revisions.Step>of() : Revisions.steps(document, current);
            if (steps.isEmpty()) {
                throw NotInStoreException.neverHad(catalog, id);
            }
            var records = new HashMap<Long, Document>();
            versionRecords.find(and(eq("catalog", catalog), in("version", steps.stream().map(Revisions.Step::version).toList())))
                    .forEach(record -> records.put(record.getLong("version"), record));
            var tagged = tagsByVersion(catalog, current);
            var history = new ArrayList<ProductRevision>();
            for (var step : steps.reversed()) {
                var record = records.get(step.version());
                if (record == null) {
                    continue; // pruned, or made before versions had records
                }
                var action = step.before() == null ? ProductRevision.Action.ADDED
                        : step.after() == null ? ProductRevision.Action.REMOVED : ProductRevision.Action.CHANGED;
                var product = step.after() == null ? null : ProductDocuments.read(step.after());
                history.add(new ProductRevision(step.version(), action, product, versionInfo(record, tagged)));
            }
            return history;
        });
    }

    /** The catalog's tags naming versions up to {@code current}, by version, each version's sorted. */
    private Map<Long, List<String>> tagsByVersion(String catalog, long current) {
        var byVersion = new HashMap<Long, List<String>>();
        for (var entry : tagsUpTo(catalog, current).entrySet()) {
            byVersion.computeIfAbsent(entry.getValue(), version -> new ArrayList<>()).add(entry.getKey());
        }
        return byVersion;
    }

    private Map<String, Long> tagsUpTo(String catalog, long current) {
        var tags = new TreeMap<String, Long>();
        for (var document : tagDocuments.find(and(eq("catalog", catalog), lte("version", current)))) {
            tags.put(document.getString("tag"), document.getLong("version"));
        }
        return tags;
    }

    private static VersionInfo versionInfo(Document record, Map<Long, List<String>> tagged) {
        var summary = record.get("summary", Document.class);
        long version = record.getLong("version");
        return new VersionInfo(version, record.getString("author"), record.getDate("time").toInstant(),
                record.getString("requestId"), record.getString("message"), record.getInteger("products"),
                new VersionInfo.Summary(summary.getList("added", String.class), summary.getList("changed", String.class),
                        summary.getList("removed", String.class)),
                tagged.getOrDefault(version, List.of()));
    }

    @Override
    public CatalogInfo put(String catalog, Product product, Change change, OptionalLong expectedVersion) {
        return change(catalog, expectedVersion, change, edit -> edit.put(List.of(product)));
    }

    @Override
    public CatalogInfo delete(String catalog, String id, Change change, OptionalLong expectedVersion) {
        return change(catalog, expectedVersion, change, edit -> edit.delete(id));
    }

    @Override
    public CatalogInfo importProducts(String catalog, List<Product> list, Change change, OptionalLong expectedVersion) {
        return change(catalog, expectedVersion, change, edit -> edit.put(list));
    }

    @Override
    public CatalogInfo revert(String catalog, long to, Change change, OptionalLong expectedVersion) {
        return change(catalog, expectedVersion, change, edit -> edit.revert(to));
    }

    @Override
    public CatalogInfo create(String catalog, List<Product> list, Change change) {
        Objects.requireNonNull(change, "change");
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
                // Taken, unless it is the remains of a create (or a deletion) that crashed: version 0, lease expired.
                document = takeAbandonedCreate(catalog, lease);
            }
            return new Edit(catalog, document, lease, change).run(edit -> edit.put(list));
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
    public List<String> seedIfEmpty(List<Catalog> list, Change change) {
        return available(() -> {
            var created = new ArrayList<String>();
            if (catalogs.countDocuments() > 0) {
                return created;
            }
            for (var catalog : list) {
                try {
                    create(catalog.name(), catalog.products(), change);
                    created.add(catalog.name());
                } catch (StoreConflictException e) {
                    // Another replica is seeding the same store at the same time: its copy stands.
                }
            }
            return created;
        });
    }

    @Override
    public void deleteCatalog(String catalog) {
        available(() -> {
            var lease = newLease(catalog);
            acquire(catalog, lease);
            // First invisible (version 0, as a create not yet made), then emptied: a crash midway leaves remains a
            // create of the same name takes over and repairs.
            var hidden = catalogs.updateOne(and(eq("_id", catalog), eq("lease.owner", lease.owner())),
                    Updates.combine(Updates.set("version", 0L), Updates.set("products", 0), Updates.set("nextSeq", 0L)));
            if (hidden.getMatchedCount() == 0) {
                throw new StoreUnavailableException("the deletion of catalog \"" + catalog
                        + "\" took longer than its lease and was not made; try again", null);
            }
            products.deleteMany(eq("catalog", catalog));
            versionRecords.deleteMany(eq("catalog", catalog));
            tagDocuments.deleteMany(eq("catalog", catalog));
            catalogs.deleteOne(and(eq("_id", catalog), eq("version", 0L), eq("lease.owner", lease.owner())));
            afterChange.run();
            return null;
        });
    }

    @Override
    public boolean tag(String catalog, String tag, long version) {
        checkTag(tag);
        return available(() -> {
            // Under the lease: a change pruning old versions never removes the one being tagged.
            var lease = newLease(catalog);
            var document = acquire(catalog, lease);
            try {
                long current = document.getLong("version");
                if (version < 1 || version > current || version < current && versionRecord(catalog, version) == null) {
                    throw NotInStoreException.version(catalog, version, current);
                }
                var existing = tagDocuments.find(eq("_id", tagId(catalog, tag))).first();
                if (existing != null && existing.getLong("version") <= current) {
                    if (existing.getLong("version") == version) {
                        return false;
                    }
                    throw StoreConflictException.tagTaken(catalog, tag, existing.getLong("version"), version);
                }
                tagDocuments.replaceOne(eq("_id", tagId(catalog, tag)), new Document("_id", tagId(catalog, tag))
                        .append("catalog", catalog).append("tag", tag).append("version", version)
                        .append("time", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
                afterChange.run();
                return true;
            } finally {
                release(catalog, lease);
            }
        });
    }

    @Override
    public boolean untag(String catalog, String tag) {
        checkTag(tag);
        return available(() -> {
            visibleCatalog(catalog);
            boolean removed = tagDocuments.deleteOne(eq("_id", tagId(catalog, tag))).getDeletedCount() > 0;
            if (removed) {
                afterChange.run();
            }
            return removed;
        });
    }

    @Override
    public Map<String, Long> tags(String catalog) {
        return available(() -> tagsUpTo(catalog, visibleCatalog(catalog).getLong("version")));
    }

    @Override
    public long tagged(String catalog, String tag) {
        return available(() -> {
            long current = visibleCatalog(catalog).getLong("version");
            var document = tagDocuments.find(eq("_id", tagId(catalog, tag))).first();
            if (document == null || document.getLong("version") > current) {
                throw NotInStoreException.tag(catalog, tag);
            }
            return document.getLong("version");
        });
    }

    private static void checkTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw InvalidInputException.of("tag", "\"" + (tag == null || tag.length() <= 80 ? tag : tag.substring(0, 80) + "…")
                    + "\" is not a tag: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit,"
                    + " at most 64 characters");
        }
    }

    private static String tagId(String catalog, String tag) {
        return catalog + "/" + tag;
    }

    private static String recordId(String catalog, long version) {
        return catalog + "@" + version;
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
    private CatalogInfo change(String catalog, OptionalLong expectedVersion, Change change, Consumer<Edit> edit) {
        Objects.requireNonNull(change, "change");
        return available(() -> {
            var lease = newLease(catalog);
            var document = acquire(catalog, lease);
            long version = document.getLong("version");
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != version) {
                release(catalog, lease);
                throw StoreConflictException.staleVersion(catalog, expectedVersion.getAsLong(), version);
            }
            return new Edit(catalog, document, lease, change).run(edit);
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
                checkSchema(document);
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
        checkSchema(document);
        return document;
    }

    private static void checkSchema(Document document) {
        if (document.getInteger("schema", 0) > SCHEMA) {
            throw new IllegalStateException("catalog \"" + document.getString("_id")
                    + "\" was written by a newer nutriplan (schema " + document.getInteger("schema") + ")");
        }
    }

    private static CatalogInfo info(Document document) {
        return new CatalogInfo(document.getString("_id"), document.getLong("version"), document.getInteger("products"),
                document.getDate("updatedAt").toInstant());
    }

    /**
     * Removes what a crashed writer left for versions after {@code version}: revisions it added, the end it marked
     * on revisions it replaced, and the record (and any tag) of the version it was making.
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
        versionRecords.deleteMany(and(eq("catalog", catalog), gt("version", version)));
        tagDocuments.deleteMany(and(eq("catalog", catalog), gt("version", version)));
    }

    /** One change of one catalog, from version V to V + 1, under its lease. */
    private final class Edit {
        private final String catalog;
        private final long version;
        private final Lease lease;
        private final Change change;
        private int count;
        private long nextSeq;
        private final List<String> added = new ArrayList<>();
        private final List<String> changed = new ArrayList<>();
        private final List<String> removed = new ArrayList<>();
        private int written;

        Edit(String catalog, Document document, Lease lease, Change change) {
            this.catalog = catalog;
            this.version = document.getLong("version");
            this.lease = lease;
            this.change = change;
            this.count = document.getInteger("products");
            this.nextSeq = document.getLong("nextSeq");
        }

        CatalogInfo run(Consumer<Edit> edit) {
            try {
                repair(catalog, version);
                edit.accept(this);
                prune();
                return commit();
            } catch (RuntimeException e) {
                releaseQuietly();
                throw e;
            }
        }

        /** Writes the next revision of each product (a product listed twice: the last one wins). */
        void put(List<Product> list) {
            var byId = new LinkedHashMap<String, Document>();
            list.forEach(product -> byId.put(product.id(), ProductDocuments.write(product)));
            var existing = new HashMap<String, Document>();
            products.find(and(eq("catalog", catalog), in("id", byId.keySet())))
                    .forEach(document -> existing.put(document.getString("id"), document));
            for (var entry : byId.entrySet()) {
                var id = entry.getKey();
                var document = existing.get(id);
                if (document == null) {
                    document = new Document("catalog", catalog).append("id", id).append("schema", SCHEMA)
                            .append("seq", nextSeq++).append("revisions", new ArrayList<Document>());
                }
                write(document, entry.getValue());
            }
        }

        void delete(String id) {
            var document = products.find(and(eq("catalog", catalog), eq("id", id))).first();
            if (document == null || Revisions.visibleAt(document, version) == null) {
                throw NotInStoreException.product(catalog, id);
            }
            write(document, null);
        }

        /** Puts back every product as version {@code to} held it, and removes those it did not hold. */
        void revert(long to) {
            if (to < 1 || to > version || to < version && versionRecord(catalog, to) == null) {
                throw NotInStoreException.version(catalog, to, version);
            }
            // Read whole first: a cursor over documents being replaced may meet one twice.
            var documents = products.find(eq("catalog", catalog)).sort(Sorts.ascending("seq")).into(new ArrayList<>());
            for (var document : documents) {
                var then = Revisions.visibleAt(document, to);
                var now = Revisions.visibleAt(document, version);
                if (then == null ? now != null : !then.equals(now)) {
                    write(document, then);
                }
            }
            if (added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
                throw StoreConflictException.nothingToChange(catalog, to, version);
            }
        }

        /** The product's next revision ({@code product} null: removed), unless it is the one visible already. */
        private void write(Document document, Document product) {
            if (++written % RENEW_EVERY == 0) {
                renewLease();
            }
            var id = document.getString("id");
            var visible = Revisions.visibleAt(document, version);
            if (product != null && product.equals(visible)) {
                return;
            }
            if (product == null) {
                removed.add(id);
                count--;
            } else if (visible == null) {
                added.add(id);
                count++;
            } else {
                changed.add(id);
            }
            document.append("schema", SCHEMA).append("revisions", Revisions.next(document, version, product));
            products.replaceOne(and(eq("catalog", catalog), eq("id", id)), document, new ReplaceOptions().upsert(true));
        }

        private void renewLease() {
            var renewed = catalogs.updateOne(and(eq("_id", catalog), eq("lease.owner", lease.owner())),
                    Updates.set("lease", lease.document()));
            if (renewed.getMatchedCount() == 0) {
                throw new StoreUnavailableException("the change to catalog \"" + catalog
                        + "\" took longer than its lease and was not made; try again", null);
            }
        }

        /**
         * With a retention: removes the records of untagged versions older than it (not the newest ones), then the
         * revisions no kept version needs. Records go first, so a reader of a pruned version notices.
         */
        private void prune() {
            var maxAge = retention.limit();
            if (maxAge.isEmpty()) {
                return;
            }
            var cutoff = Date.from(clock.instant().minus(maxAge.get()));
            long newestPrunable = version + 1 - Revisions.RECENT_VERSIONS;
            var tagged = new HashSet<>(tagsUpTo(catalog, version).values());
            var pruned = new TreeSet<Long>();
            for (var record : versionRecords.find(and(eq("catalog", catalog), lte("version", newestPrunable),
                    lt("time", cutoff))).projection(Projections.include("version"))) {
                if (!tagged.contains(record.getLong("version"))) {
                    pruned.add(record.getLong("version"));
                }
            }
            if (pruned.isEmpty()) {
                return;
            }
            versionRecords.deleteMany(and(eq("catalog", catalog), in("version", pruned)));
            var kept = new HashSet<Long>(List.of(version, version + 1));
            versionRecords.find(and(eq("catalog", catalog), lte("version", version)))
                    .projection(Projections.include("version")).forEach(record -> kept.add(record.getLong("version")));
            long lowestKept = kept.stream().mapToLong(Long::longValue).min().orElseThrow();
            var candidates = and(eq("catalog", catalog), elemMatch("revisions", or(lte("to", pruned.last() + 1),
                    and(lte("from", pruned.last()), exists("product", false)))));
            for (var document : products.find(candidates)) {
                var revisions = Revisions.pruned(document, kept::contains, lowestKept);
                if (!Revisions.holdsAProduct(revisions) && revisions.stream().noneMatch(r -> kept.contains(r.getLong("from")))) {
                    products.deleteOne(eq("_id", document.get("_id"))); // removed before every kept version
                } else if (revisions.size() < document.getList("revisions", Document.class).size()) {
                    products.replaceOne(eq("_id", document.get("_id")), document.append("revisions", revisions));
                }
            }
        }

        /**
         * Writes V + 1's record (invisible until the switch), then the one write that makes the change visible,
         * checked against the version and the lease.
         */
        private CatalogInfo commit() {
            var now = Date.from(clock.instant());
            var record = new Document("_id", recordId(catalog, version + 1)).append("catalog", catalog)
                    .append("version", version + 1).append("schema", SCHEMA).append("author", change.author())
                    .append("time", now).append("requestId", change.requestId()).append("message", change.message())
                    .append("products", count).append("summary", new Document("added", added)
                            .append("changed", changed).append("removed", removed));
            try {
                versionRecords.insertOne(record);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                throw lostLease();
            }
            var result = catalogs.updateOne(
                    and(eq("_id", catalog), eq("version", version), eq("lease.owner", lease.owner())),
                    Updates.combine(Updates.set("version", version + 1), Updates.set("products", count),
                            Updates.set("nextSeq", nextSeq), Updates.set("updatedAt", now), Updates.set("schema", SCHEMA),
                            Updates.unset("lease")));
            if (result.getMatchedCount() == 0) {
                throw lostLease();
            }
            afterChange.run();
            return new CatalogInfo(catalog, version + 1, count, now.toInstant());
        }

        private StoreUnavailableException lostLease() {
            return new StoreUnavailableException("the change to catalog \"" + catalog
                    + "\" took longer than its lease and was not made; try again", null);
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

package nutriplan.store.keys;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import nutriplan.store.StoreConflictException;
import nutriplan.store.StoreUnavailableException;

/**
 * API keys in the {@code keys} collection of the catalog store's database, by id. Each change is one atomic document
 * write (a rotation two: the old key claimed, then its replacement added); the embedded server's file is committed
 * after each one.
 */
public final class MongoKeyStore implements KeyStore {

    /** Stored with every key: a reader meeting a newer schema refuses rather than misreads. */
    static final int SCHEMA = 1;

    private final MongoCollection<Document> keys;
    private final Runnable afterChange;

    private MongoKeyStore(MongoDatabase database, Runnable afterChange) {
        this.keys = database.getCollection("keys");
        this.afterChange = afterChange;
    }

    /** @param afterChange run after each durable change, before it returns (the embedded server's commit) */
    public static MongoKeyStore on(MongoDatabase database, Runnable afterChange) {
        return new MongoKeyStore(database, afterChange);
    }

    @Override
    public List<StoredKey> keys() {
        return StoreUnavailableException.unlessUnreachable(() -> {
            var list = new ArrayList<StoredKey>();
            keys.find().sort(Sorts.ascending("created", "_id")).forEach(document -> list.add(key(document)));
            return list;
        });
    }

    @Override
    public Optional<StoredKey> key(String id) {
        return StoreUnavailableException.unlessUnreachable(
                () -> Optional.ofNullable(keys.find(eq("_id", id)).first()).map(MongoKeyStore::key));
    }

    @Override
    public void create(StoredKey key) {
        StoreUnavailableException.unlessUnreachable(() -> {
            try {
                keys.insertOne(document(key));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw StoreConflictException.taken("id", "a key with the id \"" + key.id() + "\" exists");
                }
                throw e;
            }
            afterChange.run();
            return null;
        });
    }

    @Override
    public boolean rotate(String id, Instant now, Instant oldExpires, StoredKey replacement) {
        return StoreUnavailableException.unlessUnreachable(() -> {
            // Claim the old key first, in one atomic step: of two rotations, or a rotation and a revocation, at once,
            // one wins and the other changes nothing. Its expiry only ever comes sooner.
            var rotatable = and(eq("_id", id), eq("revoked", null), eq("replacedBy", null),
                    or(eq("expires", null), gt("expires", Date.from(now))));
            var claimed = keys.findOneAndUpdate(and(rotatable, or(eq("expires", null), gt("expires", Date.from(oldExpires)))),
                    Updates.combine(Updates.set("expires", Date.from(oldExpires)), Updates.set("replacedBy", replacement.id())));
            if (claimed == null) {
                claimed = keys.findOneAndUpdate(rotatable, Updates.set("replacedBy", replacement.id()));
            }
            if (claimed == null) {
                return false;
            }
            // A crash here leaves the old key working until its grace ends, naming a replacement never made.
            keys.insertOne(document(replacement));
            afterChange.run();
            return true;
        });
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return StoreUnavailableException.unlessUnreachable(() -> {
            var result = keys.updateOne(and(eq("_id", id), eq("revoked", null)), Updates.set("revoked", Date.from(at)));
            afterChange.run();
            return result.getModifiedCount() > 0;
        });
    }

    @Override
    public void touch(String id, Instant lastUsed) {
        StoreUnavailableException.unlessUnreachable(
                () -> keys.updateOne(eq("_id", id), Updates.max("lastUsed", Date.from(lastUsed))));
    }

    private static Document document(StoredKey key) {
        return new Document("_id", key.id()).append("schema", SCHEMA).append("name", key.name())
                .append("role", key.role()).append("catalogs", key.catalogs().stream().sorted().toList())
                .append("digest", key.digest()).append("created", Date.from(key.created()))
                .append("createdBy", key.createdBy()).append("expires", date(key.expires()))
                .append("revoked", date(key.revoked())).append("lastUsed", date(key.lastUsed()))
                .append("replacedBy", key.replacedBy());
    }

    private static StoredKey key(Document document) {
        if (document.getInteger("schema", 0) > SCHEMA) {
            throw new IllegalStateException("key \"" + document.getString("_id") + "\" was written by a newer nutriplan"
                    + " (schema " + document.getInteger("schema") + ")");
        }
        return new StoredKey(document.getString("_id"), document.getString("name"), document.getString("role"),
                new HashSet<>(document.getList("catalogs", String.class, List.of())), document.getString("digest"),
                document.getDate("created").toInstant(), document.getString("createdBy"), instant(document, "expires"),
                instant(document, "revoked"), instant(document, "lastUsed"), document.getString("replacedBy"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        var date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}

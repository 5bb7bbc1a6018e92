package nutriplan.store.users;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import nutriplan.store.StoreConflictException;
import nutriplan.store.StoreUnavailableException;

/**
 * Users, sessions and setup tokens in three collections of the catalog store's database ({@code users} by name,
 * {@code sessions} by the id's digest, {@code setup} by the token's digest). Each change is one atomic document
 * write, so no lease is needed; the embedded server's file is committed after each one that must survive a crash.
 */
public final class MongoUserStore implements UserStore {

    /** Stored with every user: a reader meeting a newer schema refuses rather than misreads. */
    static final int SCHEMA = 1;
    /** The {@code setup} document whose insertion claims the first run: a duplicate means another claimed it. */
    private static final String FIRST_RUN = "first-run";

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> setup;
    private final Runnable afterChange;

    private MongoUserStore(MongoDatabase database, Runnable afterChange) {
        this.users = database.getCollection("users");
        this.sessions = database.getCollection("sessions");
        this.setup = database.getCollection("setup");
        this.afterChange = afterChange;
    }

    /**
     * The users of this database; {@link #createIndexes} before the first use.
     *
     * @param afterChange run after each durable change, before it returns (the embedded server's commit)
     */
    public static MongoUserStore on(MongoDatabase database, Runnable afterChange) {
        return new MongoUserStore(database, afterChange);
    }

    /** Creates the sessions' index by user (signing a user out everywhere), if needed. */
    public void createIndexes() {
        available(() -> sessions.createIndex(Indexes.ascending("user"), new IndexOptions().name("user")));
    }

    @Override
    public List<StoredUser> users() {
        return available(() -> {
            var list = new ArrayList<StoredUser>();
            users.find().sort(Sorts.ascending("_id")).forEach(document -> list.add(user(document)));
            return list;
        });
    }

    @Override
    public Optional<StoredUser> user(String name) {
        return available(() -> Optional.ofNullable(users.find(eq("_id", name)).first()).map(MongoUserStore::user));
    }

    @Override
    public boolean isEmpty() {
        return available(() -> users.find().limit(1).first() == null);
    }

    @Override
    public void create(StoredUser user) {
        available(() -> {
            try {
                users.insertOne(new Document("_id", user.name()).append("schema", SCHEMA).append("role", user.role())
                        .append("catalogs", user.catalogs().stream().sorted().toList())
                        .append("passwordHash", user.passwordHash()).append("created", Date.from(user.created()))
                        .append("disabled", user.disabled() == null ? null : Date.from(user.disabled())));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw StoreConflictException.taken("name", "a user named \"" + user.name() + "\" exists (or existed:"
                            + " a name is never given to someone else)");
                }
                throw e;
            }
            afterChange.run();
            return null;
        });
    }

    @Override
    public boolean disable(String name, Instant at) {
        return available(() -> {
            var result = users.updateOne(and(eq("_id", name), eq("disabled", null)), Updates.set("disabled", Date.from(at)));
            sessions.deleteMany(eq("user", name));
            afterChange.run();
            return result.getModifiedCount() > 0;
        });
    }

    @Override
    public void createSession(StoredSession session) {
        available(() -> {
            sessions.insertOne(new Document("_id", session.digest()).append("user", session.user())
                    .append("created", Date.from(session.created())).append("lastSeen", Date.from(session.lastSeen())));
            afterChange.run();
            return null;
        });
    }

    @Override
    public Optional<StoredSession> session(String digest) {
        return available(() -> Optional.ofNullable(sessions.find(eq("_id", digest)).first())
                .map(document -> new StoredSession(document.getString("_id"), document.getString("user"),
                        document.getDate("created").toInstant(), document.getDate("lastSeen").toInstant())));
    }

    @Override
    public void touchSession(String digest, Instant lastSeen) {
        available(() -> sessions.updateOne(eq("_id", digest), Updates.max("lastSeen", Date.from(lastSeen))));
    }

    @Override
    public void deleteSession(String digest) {
        available(() -> {
            sessions.deleteOne(eq("_id", digest));
            afterChange.run();
            return null;
        });
    }

    @Override
    public long deleteSessions(Instant lastSeenBefore, Instant createdBefore) {
        return available(() -> sessions.deleteMany(or(lt("lastSeen", Date.from(lastSeenBefore)),
                lt("created", Date.from(createdBefore)))).getDeletedCount());
    }

    @Override
    public void createSetupToken(String digest, Instant now, Instant expires) {
        available(() -> {
            setup.deleteMany(lt("expires", Date.from(now)));
            setup.insertOne(new Document("_id", digest).append("expires", Date.from(expires)));
            afterChange.run();
            return null;
        });
    }

    @Override
    public boolean useSetupToken(String digest, Instant now) {
        return available(() -> {
            var used = setup.findOneAndDelete(and(eq("_id", digest), gt("expires", Date.from(now)))) != null;
            afterChange.run();
            return used;
        });
    }

    @Override
    public boolean claimFirstRun() {
        return available(() -> {
            try {
                setup.insertOne(new Document("_id", FIRST_RUN));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
            afterChange.run();
            return true;
        });
    }

    @Override
    public void releaseFirstRun() {
        available(() -> {
            setup.deleteOne(eq("_id", FIRST_RUN));
            afterChange.run();
            return null;
        });
    }

    @Override
    public void deleteSetupTokens() {
        available(() -> {
            setup.deleteMany(new Document());
            afterChange.run();
            return null;
        });
    }

    private static StoredUser user(Document document) {
        if (document.getInteger("schema", 0) > SCHEMA) {
            throw new IllegalStateException("user \"" + document.getString("_id") + "\" was written by a newer nutriplan"
                    + " (schema " + document.getInteger("schema") + ")");
        }
        var disabled = document.getDate("disabled");
        return new StoredUser(document.getString("_id"), document.getString("role"),
                new HashSet<>(document.getList("catalogs", String.class, List.of())), document.getString("passwordHash"),
                document.getDate("created").toInstant(), disabled == null ? null : disabled.toInstant());
    }

    private static <T> T available(Supplier<T> operation) {
        return StoreUnavailableException.unlessUnreachable(operation);
    }
}

package nutriplan.api.access.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nutriplan.store.StoreConflictException;
import nutriplan.store.users.StoredSession;
import nutriplan.store.users.StoredUser;
import nutriplan.store.users.UserStore;

/** The user store in memory, for unit tests that need no server; MongoUserStoreTest covers the real one. */
final class MemoryUserStore implements UserStore {

    private boolean firstRunClaimed;

    private final Map<String, StoredUser> users = new HashMap<>();
    final Map<String, StoredSession> sessions = new HashMap<>();
    final Map<String, Instant> setupTokens = new HashMap<>();

    @Override
    public synchronized List<StoredUser> users() {
        return users.values().stream().sorted(Comparator.comparing(StoredUser::name)).toList();
    }

    @Override
    public synchronized Optional<StoredUser> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public synchronized boolean isEmpty() {
        return users.isEmpty();
    }

    @Override
    public synchronized void create(StoredUser user) {
        if (users.putIfAbsent(user.name(), user) != null) {
            throw StoreConflictException.taken("name", "a user named \"" + user.name() + "\" exists");
        }
    }

    @Override
    public synchronized boolean disable(String name, Instant at) {
        var user = users.get(name);
        sessions.values().removeIf(session -> session.user().equals(name));
        if (user == null || !user.enabled()) {
            return false;
        }
        users.put(name, new StoredUser(name, user.role(), user.catalogs(), user.passwordHash(), user.created(), at));
        return true;
    }

    @Override
    public synchronized void createSession(StoredSession session) {
        sessions.put(session.digest(), session);
    }

    @Override
    public synchronized Optional<StoredSession> session(String digest) {
        return Optional.ofNullable(sessions.get(digest));
    }

    @Override
    public synchronized void touchSession(String digest, Instant lastSeen) {
        sessions.computeIfPresent(digest, (key, session) -> new StoredSession(key, session.user(), session.created(), lastSeen));
    }

    @Override
    public synchronized void deleteSession(String digest) {
        sessions.remove(digest);
    }

    @Override
    public synchronized long deleteSessions(Instant lastSeenBefore, Instant createdBefore) {
        var before = sessions.size();
        sessions.values().removeIf(session -> session.lastSeen().isBefore(lastSeenBefore) || session.created().isBefore(createdBefore));
        return before - sessions.size();
    }

    @Override
    public synchronized void createSetupToken(String digest, Instant now, Instant expires) {
        setupTokens.values().removeIf(expiry -> expiry.isBefore(now));
        setupTokens.put(digest, expires);
    }

    @Override
    public synchronized boolean useSetupToken(String digest, Instant now) {
        var expires = setupTokens.get(digest);
        if (expires == null || !expires.isAfter(now)) {
            return false;
        }
        setupTokens.remove(digest);
        return true;
    }

    @Override
    public synchronized void deleteSetupTokens() {
        setupTokens.clear();
        firstRunClaimed = false;
    }

    @Override
    public synchronized boolean claimFirstRun() {
        if (firstRunClaimed) {
            return false;
        }
        firstRunClaimed = true;
        return true;
    }

    @Override
    public synchronized void releaseFirstRun() {
        firstRunClaimed = false;
    }

    List<String> sessionUsers() {
        return new ArrayList<>(sessions.values().stream().map(StoredSession::user).toList());
    }
}

package nutriplan.api.access.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nutriplan.api.access.Caller;
import nutriplan.api.access.Role;
import nutriplan.api.access.UnauthenticatedException;
import nutriplan.api.errors.NotFoundException;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.JsonEnum;
import nutriplan.store.StoreConflictException;
import nutriplan.store.StoreUnavailableException;
import nutriplan.store.keys.KeyStore;
import nutriplan.store.keys.StoredKey;

/**
 * API keys: made, listed, rotated and revoked (over HTTP by admins, or on the command line against the store), and
 * checked for every request that carries one. A key is found by its public id and compared by digest in constant
 * time. Each replica keeps the keys it has seen for at most {@code refresh} (the catalog poll interval) before reading
 * them again, so a revocation made through any replica is honoured by all within that interval, and a request does
 * not cost a store read.
 */
public final class KeyService {

    private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);

    /** How long a rotated key keeps working unless the admin says otherwise. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    /** The longest grace a rotation may give the old key. */
    static final Duration MAX_GRACE = Duration.ofDays(30);
    /** "Last used" is written at most this often per key: a busy key must not cost a store write per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** Who made the key {@code NUTRIPLAN_ADMIN_KEY} seeds. */
    static final String SEEDED_BY = "NUTRIPLAN_ADMIN_KEY";

    private final KeyStore store;
    private final Clock clock;
    private final long refreshNanos;
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    /** A key as this replica last read it, and when (monotonic time: the injected clock may stand still). */
    private record Held(StoredKey key, long readAt) {
    }

    /** A key just made: its whole text, shown once and never again, and what is stored of it. */
    public record Issued(ApiKey key, StoredKey stored) {
    }

    /** @param refresh how long a replica trusts a key it read before reading it again: the catalog poll interval */
    public KeyService(KeyStore store, Clock clock, Duration refresh) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshNanos = refresh.toNanos();
    }

    public Issued create(NewKey request, String author) {
        var now = clock.instant();
        throwIfInvalid(request, now);
        return issue(request, author, now);
    }

    /** Every key, revoked and expired ones too, oldest first. */
    public List<StoredKey> list() {
        return store.keys();
    }

    /**
     * A new key with the old one's name, role, catalogs and expiry; the old one keeps working for {@code grace}
     * (not past its own expiry), then stops.
     *
     * @throws NotFoundException when there is no such key that works now and was not rotated already
     */
    public Issued rotate(String id, Duration grace, String author) {
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw InvalidInputException.of("grace", "expected a period from 0s to 30d, not " + grace.toHours() + " h");
        }
        var now = clock.instant();
        var old = store.key(id).filter(key -> key.activeAt(now) && key.replacedBy() == null)
                .orElseThrow(() -> noActiveKey(id));
        var replacement = stored(ApiKey.generate(), new NewKey(old.name(), role(old), old.catalogs(), old.expires()),
                author, now);
        if (!store.rotate(id, now, now.plus(grace), replacement.stored())) {
            throw noActiveKey(id); // revoked, expired or rotated by someone else meanwhile
        }
        held.remove(id);
        return replacement;
    }

    /** @throws NotFoundException when there is no such key */
    public StoredKey read(String id) {
        return store.key(id).orElseThrow(() -> new NotFoundException("id", "no key " + shown(id)));
    }

    /** @throws NotFoundException when there is no such key, or it was revoked already */
    public StoredKey revoke(String id) {
        if (!store.revoke(id, clock.instant())) {
            throw new NotFoundException("id", "no key " + shown(id) + " that is not revoked already");
        }
        held.remove(id);
        return store.key(id).orElseThrow();
    }

    /**
     * The caller a presented key proves.
     *
     * @throws UnauthenticatedException when it proves nothing: malformed, unknown, wrong secret, revoked, expired
     */
    public Caller authenticate(String presented) {
        var key = ApiKey.parse(presented).orElseThrow(() -> new UnauthenticatedException("malformed key"));
        var stored = current(key.id());
        if (stored == null || !key.matches(stored.digest())) {
            throw new UnauthenticatedException("unknown key " + key.id());
        }
        var now = clock.instant();
        if (!stored.activeAt(now)) {
            throw new UnauthenticatedException(stored.status(now) + " key " + key.id());
        }
        var role = JsonEnum.fromJsonName(Role.class, stored.role());
        if (role == null) { // written by a newer version on a shared store: refused, not a 500
            throw new UnauthenticatedException("key " + key.id() + " has the unknown role \"" + stored.role() + "\"");
        }
        touch(stored, now);
        return new Caller("key:" + stored.id(), stored.name(), role, Caller.Via.KEY, stored.catalogs());
    }

    /**
     * Stores {@code NUTRIPLAN_ADMIN_KEY} as an admin's key unless the store has it: containers and CI get an admin
     * without anyone typing a secret. A key of that id revoked since stays revoked.
     *
     * @return true when it was stored now
     * @throws IllegalStateException when the text is not a key, or its id is another key's (never echoing it)
     */
    public boolean seed(String adminKey) {
        var key = ApiKey.parse(adminKey).orElseThrow(() -> new IllegalStateException("NUTRIPLAN_ADMIN_KEY is not a"
                + " nutriplan API key; make one with `nutriplan keys generate`"));
        var existing = store.key(key.id());
        if (existing.isPresent()) {
            if (!key.matches(existing.get().digest())) {
                throw new IllegalStateException("NUTRIPLAN_ADMIN_KEY has the id of another key (" + key.id()
                        + "); make a new one with `nutriplan keys generate`");
            }
            return false;
        }
        var stored = stored(key, new NewKey("admin (" + SEEDED_BY + ")", Role.ADMIN, java.util.Set.of(), null), SEEDED_BY,
                clock.instant()).stored();
        try {
            store.create(stored);
            return true;
        } catch (StoreConflictException raced) {
            return false; // another replica seeded it at the same moment
        }
    }

    /** A period an admin wrote ("24h"): {@link Durations#period}. */
    public static Duration period(String field, String text) {
        return Durations.period(field, text);
    }

    /** An end an admin wrote ("90d", "2027-03-01"): {@link Durations#end}. */
    public static Instant end(String field, String text, Instant now) {
        return Durations.end(field, text, now);
    }

    private Issued issue(NewKey request, String author, Instant now) {
        var issued = stored(ApiKey.generate(), request, author, now);
        store.create(issued.stored());
        return issued;
    }

    private static Issued stored(ApiKey key, NewKey request, String author, Instant now) {
        return new Issued(key, new StoredKey(key.id(), request.name(), request.role().jsonName(), request.catalogs(),
                key.digest(), now, author, request.expires(), null, null, null));
    }

    /** The key as this replica may trust it now: read again once {@code refresh} has passed. */
    private StoredKey current(String id) {
        var now = System.nanoTime();
        var cached = held.get(id);
        if (cached != null && now - cached.readAt() < refreshNanos) {
            return cached.key();
        }
        StoredKey read;
        try {
            read = store.key(id).orElse(null);
        } catch (StoreUnavailableException e) {
            if (cached == null) {
                throw e;
            }
            return cached.key(); // the store is down: go on with what this replica knew, as plans do with catalogs
        }
        if (read == null) {
            held.remove(id);
        } else {
            held.put(id, new Held(read, now));
        }
        return read;
    }

    private void touch(StoredKey key, Instant now) {
        if (key.lastUsed() == null || key.lastUsed().plus(TOUCH_EVERY).isBefore(now)) {
            var used = new StoredKey(key.id(), key.name(), key.role(), key.catalogs(), key.digest(), key.created(),
                    key.createdBy(), key.expires(), key.revoked(), now, key.replacedBy());
            held.computeIfPresent(key.id(), (id, cached) -> new Held(used, cached.readAt()));
            try {
                store.touch(key.id(), now);
            } catch (StoreUnavailableException e) {
                LOG.warn("could not record the use of key {}: {}", key.id(), e.getMessage()); // the request goes on
            }
        }
    }

    private static Role role(StoredKey key) {
        var role = JsonEnum.fromJsonName(Role.class, key.role());
        if (role == null) {
            throw new IllegalStateException("key " + key.id() + " has the unknown role \"" + key.role() + "\"");
        }
        return role;
    }

    private static void throwIfInvalid(NewKey request, Instant now) {
        var findings = Findings.create();
        request.check(now, findings);
        if (findings.hasErrors()) {
            throw new InvalidInputException("no key was made", findings.all());
        }
    }

    private static NotFoundException noActiveKey(String id) {
        return new NotFoundException("id", "no key " + shown(id) + " that works now and was not rotated (unknown, revoked, expired or rotated)");
    }

    private static String shown(String id) {
        return "\"" + (id.length() <= 40 ? id : id.substring(0, 40) + "…") + "\"";
    }
}

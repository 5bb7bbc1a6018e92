package nutriplan.api.access.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import nutriplan.api.access.Caller;
import nutriplan.api.access.Caller.Via;
import nutriplan.api.access.FailureLimiter;
import nutriplan.api.access.Role;
import nutriplan.api.access.Secrets;
import nutriplan.api.access.UnauthenticatedException;
import nutriplan.catalog.json.JsonEnum;
import nutriplan.store.users.StoredSession;
import nutriplan.store.users.StoredUser;
import nutriplan.store.users.UserStore;

/**
 * Signing in and the sessions it starts. A session id is 256 random bits, given to the browser once in a cookie and
 * stored only as its SHA-256 digest. A session ends when it has not been used for {@link #IDLE} (its last use is
 * recorded at most once every {@link #TOUCH_EVERY}, so to within a minute), {@link #ABSOLUTE} after signing in
 * whatever its use, at sign-out, and when its user is disabled. Its CSRF token is derived from its id, so nothing
 * more is stored. Times are read from the injected clock. Thread-safe.
 *
 * <p>Failed sign-ins count against the address (the access filter's limiter, shared) and against the account tried (a
 * limiter of its own): past ten a minute for one account, sign-ins to it get 429 from any address, while other
 * accounts sign in as before.
 */
public final class Sessions {

    /** A session unused this long ends. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** A session ends this long after signing in, however much it is used. */
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    /** A session's last use is written to the store at most this often. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** The label the CSRF token is derived under: SHA-256(label, session id). */
    private static final String CSRF_LABEL = "nutriplan csrf token v1";

    private final UserStore store;
    private final Passwords passwords;
    /** A failed sign-in's reason when no user has the name tried. */
    static final String UNKNOWN_USER = "unknown user";

    private final FailureLimiter addresses;
    private final FailureLimiter accounts;
    private final Clock clock;

    /**
     * @param addresses failed authentications per remote address: the access filter's own, so that keys and sign-ins
     *                  count together
     * @param accounts  failed sign-ins per user name
     */
    public Sessions(UserStore store, Passwords passwords, FailureLimiter addresses, FailureLimiter accounts, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A session as its browser holds it: the id (the cookie's value) and what it proves. Never printed whole. */
    public record Session(String id, StoredUser user, Instant created, Instant lastSeen) {

        /** The caller this session proves. */
        public Caller caller() {
            return new Caller("user:" + user.name(), user.name(), role(user), Via.SESSION, user.catalogs());
        }

        /** When it ends unless used again: the idle timeout from its last use, at most the absolute one. */
        public Instant expires() {
            var idle = lastSeen.plus(IDLE);
            var absolute = created.plus(ABSOLUTE);
            return idle.isBefore(absolute) ? idle : absolute;
        }

        /** What every change made with this session must carry in {@code X-CSRF-Token}. */
        public String csrfToken() {
            return Sessions.csrfToken(id);
        }

        @Override
        public String toString() {
            return "Session[id=<hidden>, user=" + user.name() + ", created=" + created + ", lastSeen=" + lastSeen + "]";
        }
    }

    /**
     * Signs in: a new session for the user of this name and password.
     *
     * @param address the remote address, counted against when the sign-in fails
     * @throws nutriplan.api.access.RateLimitedException the address or the account failed too often lately
     * @throws UnauthenticatedException                  no enabled user has this name and password: one answer for
     *                                                   all; its reason ("unknown user", "wrong password", "disabled
     *                                                   user") is for the security log only
     */
    public Session signIn(String name, String password, String address) {
        // Both places are held while bcrypt runs: parallel guesses cannot pass the limit before any has failed.
        try (var fromHere = addresses.begin(FailureLimiter.addressKey(address), FailureLimiter.FROM_HERE);
             var toAccount = accounts.begin(name, "too many failed sign-ins to this account")) {
            var user = store.user(name);
            String reason = null;
            if (user.isEmpty()) {
                passwords.spendCheck();
                reason = UNKNOWN_USER;
            } else if (!passwords.matches(password, user.get().passwordHash())) {
                reason = "wrong password";
            } else if (!user.get().enabled()) {
                reason = "disabled user";
            }
            if (reason != null) {
                fromHere.failed();
                toAccount.failed();
                throw new UnauthenticatedException(reason);
            }
            return start(user.get());
        }
    }

    /** A new session for a user who proved who it is (signing in, the first run's setup). */
    Session start(StoredUser user) {
        var id = Secrets.random();
        var now = clock.instant();
        // Sessions abandoned without signing out end here, at the next sign-in of anyone: the store keeps no dead ones.
        store.deleteSessions(now.minus(IDLE), now.minus(ABSOLUTE));
        store.createSession(new StoredSession(Secrets.digest(id), user.name(), now, now));
        return new Session(id, user, now, now);
    }

    /**
     * The live session with this id (a cookie's value), its use recorded.
     *
     * @throws UnauthenticatedException for an id that is malformed or unknown, a session that has expired (which is
     *                                  deleted), or one whose user is disabled
     */
    public Session find(String id) {
        if (!Secrets.wellFormed(id)) {
            throw UnauthenticatedException.stale("malformed session cookie");
        }
        var digest = Secrets.digest(id);
        var stored = store.session(digest).orElseThrow(() -> UnauthenticatedException.stale("unknown session"));
        var now = clock.instant();
        if (!now.isBefore(stored.lastSeen().plus(IDLE)) || !now.isBefore(stored.created().plus(ABSOLUTE))) {
            store.deleteSession(digest);
            throw UnauthenticatedException.stale("expired session");
        }
        var user = store.user(stored.user()).filter(StoredUser::enabled).orElse(null);
        if (user == null) {
            store.deleteSession(digest);
            throw UnauthenticatedException.stale("session of a disabled user");
        }
        var lastSeen = stored.lastSeen();
        if (!now.isBefore(lastSeen.plus(TOUCH_EVERY))) {
            store.touchSession(digest, now);
            lastSeen = now;
        }
        return new Session(id, user, stored.created(), lastSeen);
    }

    /** Ends the session with this id, if there is one. */
    public void signOut(String id) {
        if (Secrets.wellFormed(id)) {
            store.deleteSession(Secrets.digest(id));
        }
    }

    /** True when {@code token} is the CSRF token of the session with this id (compared in constant time). */
    public static boolean csrfMatches(String id, String token) {
        return Secrets.same(csrfToken(id), token);
    }

    static String csrfToken(String id) {
        return Secrets.derived(CSRF_LABEL, id);
    }

    /** The role a stored user holds; a name this version does not know holds nothing (closed). */
    static Role role(StoredUser user) {
        var role = JsonEnum.fromJsonName(Role.class, user.role());
        if (role == null) {
            throw new UnauthenticatedException("user " + user.name() + " has an unknown role");
        }
        return role;
    }
}

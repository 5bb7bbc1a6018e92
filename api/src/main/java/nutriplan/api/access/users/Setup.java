package nutriplan.api.access.users;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import nutriplan.api.access.Role;
import nutriplan.api.access.Secrets;
import nutriplan.api.access.SecurityLog;
import nutriplan.api.access.SecurityLog.Event;
import nutriplan.api.access.UnauthenticatedException;
import nutriplan.api.json.JsonBody;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.JsonFields;
import nutriplan.store.StoreConflictException;
import nutriplan.store.users.StoredUser;
import nutriplan.store.users.UserStore;

/**
 * The first run: while the store has no user, each start of the service prints one link holding a single-use setup
 * token (256 random bits, stored only as its digest, valid {@link #VALID}), with which the first admin sets a password
 * ({@code POST /api/v1/setup}). The link goes to standard output, not to the log, so that log collection does not keep
 * it. Once the admin exists every other link printed dies.
 */
final class Setup {

    /** How long a printed link works. */
    static final Duration VALID = Duration.ofMinutes(15);
    private static final Set<String> FIELDS = Set.of("token", "name", "password");

    private final UserStore store;
    private final UserService users;
    private final Sessions sessions;
    private final SecurityLog log;
    private final Clock clock;

    Setup(UserStore store, UserService users, Sessions sessions, SecurityLog log, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * When the store has no user: a new setup token, and its link printed as one line to {@code console}.
     *
     * @param baseUrl where the service is reached, "http://127.0.0.1:7070"
     * @return whether a link was printed
     */
    boolean offer(String baseUrl, Consumer<String> console) {
        if (!store.isEmpty()) {
            return false;
        }
        // A claim left by a start that crashed while making the first admin would block every link: none is under way
        // as a service starts on a store without users.
        store.releaseFirstRun();
        var token = Secrets.random();
        var now = clock.instant();
        var expires = now.plus(VALID);
        store.createSetupToken(Secrets.digest(token), now, expires);
        log.record(Event.SETUP_LINK_CREATED, "-", "nutriplan", null, Map.of("expires", expires.toString()));
        console.accept("nutriplan: no users yet — set the admin's password within " + VALID.toMinutes()
                + " minutes at " + baseUrl + "/#setup=" + token);
        return true;
    }

    /**
     * The first admin, from {@code {"token", "name", "password"}}, signed in.
     *
     * @throws InvalidInputException    a malformed body, a bad name or password (the token is not used up then)
     * @throws UnauthenticatedException a token that is malformed, unknown, used or expired
     * @throws StoreConflictException   a user exists already, or another link is making the first admin right now
     */
    Sessions.Session complete(byte[] body) {
        var findings = Findings.create();
        var fields = JsonFields.of(JsonBody.parse(body), "", findings, FIELDS);
        if (fields == null) {
            throw new InvalidInputException("no admin was created", findings.all());
        }
        var token = fields.text("token", true, 100);
        var name = UserService.name(fields);
        var password = UserService.password(fields);
        if (findings.hasErrors()) {
            throw new InvalidInputException("no admin was created", findings.all());
        }
        // The token first: only its holder learns whether an admin exists.
        if (!Secrets.wellFormed(token)) {
            throw new UnauthenticatedException("malformed setup token");
        }
        if (!store.useSetupToken(Secrets.digest(token), clock.instant())) {
            throw new UnauthenticatedException("unknown, used or expired setup token");
        }
        if (!store.isEmpty() || !store.claimFirstRun()) {
            throw StoreConflictException.taken("name", "the first admin exists already; sign in instead");
        }
        StoredUser admin;
        try {
            admin = users.create(name, Role.ADMIN, Set.of(), password);
        } catch (RuntimeException e) {
            store.releaseFirstRun(); // no admin was made: a new link at the next start may still make one
            throw e;
        }
        store.deleteSetupTokens();
        return sessions.start(admin);
    }
}

package nutriplan.api.access.users;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.config.RoutesConfig;

import nutriplan.api.access.Authenticator;
import nutriplan.api.access.FailureLimiter;
import nutriplan.api.access.SecurityLog;
import nutriplan.store.StoreUnavailableException;
import nutriplan.store.users.UserStore;

/**
 * Signing in to the web form, assembled once per service by {@code Access}: users and their bcrypt passwords,
 * sessions in a cookie with a CSRF token, the per-account limit on failed sign-ins, the first run's setup link, and
 * their routes ({@code /api/v1/session}, {@code /api/v1/setup}, {@code /api/v1/users}).
 */
public final class WebSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(WebSignIn.class);

    private final Setup setup;
    private final SessionAuthenticator authenticator;
    private final SessionRoutes sessionRoutes;
    private final UserRoutes userRoutes;
    /** Where the setup link is printed: standard output, not the log, unless a test listens. */
    private volatile Consumer<String> console = line -> {
        System.out.println(line);
        System.out.flush();
    };

    private WebSignIn(UserStore store, Passwords passwords, SecurityLog log, FailureLimiter addresses, Clock clock) {
        var users = new UserService(store, passwords, clock);
        var sessions = new Sessions(store, passwords, addresses, FailureLimiter.perMinute(clock), clock);
        this.setup = new Setup(store, users, sessions, log, clock);
        this.authenticator = new SessionAuthenticator(sessions);
        this.sessionRoutes = new SessionRoutes(sessions, setup, addresses, log);
        this.userRoutes = new UserRoutes(users, log);
    }

    /**
     * @param addresses the access filter's limit on failed authentications per address: sign-ins count there too
     */
    public static WebSignIn create(UserStore store, SecurityLog log, FailureLimiter addresses, Clock clock) {
        return new WebSignIn(Objects.requireNonNull(store, "store"), new Passwords(), Objects.requireNonNull(log, "log"),
                Objects.requireNonNull(addresses, "addresses"), Objects.requireNonNull(clock, "clock"));
    }

    /** The session cookie's authenticator: after the API keys' (a request with Authorization is never a cookie's). */
    public Authenticator authenticator() {
        return authenticator;
    }

    public void register(RoutesConfig routes) {
        sessionRoutes.register(routes);
        userRoutes.register(routes);
    }

    /**
     * The service listens at {@code baseUrl}: with no user in the store yet, prints a new setup link.
     *
     * @param baseUrl "http://127.0.0.1:7070", no trailing slash
     */
    public void started(String baseUrl) {
        try {
            setup.offer(baseUrl, console);
        } catch (StoreUnavailableException e) {
            LOG.warn("could not check for users at start (the store is unreachable): no setup link; restart to get one");
        }
    }

    /** Prints the setup link to {@code sink} instead of standard output: for tests, before the service starts. */
    public void printSetupLinksTo(Consumer<String> sink) {
        this.console = Objects.requireNonNull(sink, "sink");
    }
}

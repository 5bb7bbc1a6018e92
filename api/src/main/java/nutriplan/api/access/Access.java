package nutriplan.api.access;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import nutriplan.api.access.keys.ApiKey;
import nutriplan.api.access.keys.KeyAuthenticator;
import nutriplan.api.access.keys.KeyRoutes;
import nutriplan.api.access.keys.KeyService;
import nutriplan.api.access.users.WebSignIn;
import nutriplan.api.metrics.Metrics;
import nutriplan.store.CatalogStore;

/**
 * Access control, assembled once per service: the scopes of every route, the ways a caller proves who it is (API keys,
 * sessions), the anonymous policy, the limit on failed authentications per address, the security log, and the routes
 * that manage keys, users and sessions. {@code NutriplanApp} runs {@link #check} before every matched route and
 * {@link #register}s the routes; nothing else decides who may call what.
 */
public final class Access {

    private final RouteScopes scopes = RouteScopes.service();
    private final SecurityLog log;
    private final AccessFilter filter;
    private final KeyService keys;
    private final KeyRoutes keyRoutes;
    private final WebSignIn signIn;

    private Access(CatalogStore store, AccessSettings settings, Duration pollInterval, Metrics metrics, Clock clock) {
        Objects.requireNonNull(store, "store");
        this.log = new SecurityLog(metrics, clock);
        var addresses = FailureLimiter.perMinute(clock); // keys and sign-ins count together, per address
        this.keys = new KeyService(store.keys(), clock, pollInterval);
        if (settings.adminKey() != null && keys.seed(settings.adminKey())) {
            log.record(SecurityLog.Event.KEY_CREATED, "-", "NUTRIPLAN_ADMIN_KEY", null,
                    Map.of("key", ApiKey.parse(settings.adminKey()).orElseThrow().id(), "role", "admin"));
        }
        this.keyRoutes = new KeyRoutes(keys, log, clock);
        // A request with an Authorization header is a key request: keys are asked first.
        var authenticators = new ArrayList<Authenticator>();
        authenticators.add(new KeyAuthenticator(keys));
        this.signIn = WebSignIn.create(store.users(), log, addresses, clock);
        authenticators.add(signIn.authenticator());
        this.filter = new AccessFilter(scopes, authenticators, settings.anonymous(), addresses, log);
    }

    /**
     * Access over the keys and users of this store.
     *
     * @param pollInterval how often the catalogs are polled: each replica re-reads a key at least this often, so a
     *                     revocation anywhere is honoured everywhere within it
     * @param clock        what "now" is for expiries, timeouts and the failure limit: tests move it instead of sleeping
     */
    public static Access create(CatalogStore store, AccessSettings settings, Duration pollInterval, Metrics metrics,
                                Clock clock) {
        return new Access(store, settings, pollInterval, metrics, clock);
    }

    /** Before every matched route: 401, 403 or 429, or the caller set on the request. */
    public void check(Context ctx) {
        filter.check(ctx);
    }

    /** Mounts the routes of keys, users, sessions and the security log. */
    public void register(RoutesConfig config) {
        keyRoutes.register(config);
        new SecurityEventRoutes(log).register(config);
        signIn.register(config);
    }

    /**
     * The service listens: with no user in the store, prints the first run's setup link (to standard output).
     *
     * @param host the address it listens on; a wildcard (0.0.0.0, ::) is printed as localhost
     */
    public void started(String host, int port) {
        var shown = host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "localhost"
                : host.contains(":") ? "[" + host + "]" : host;
        signIn.started("http://" + shown + ":" + port);
    }

    /** Prints the setup link to {@code sink} instead of standard output: tests call this before the start. */
    public void printSetupLinksTo(Consumer<String> sink) {
        signIn.printSetupLinksTo(sink);
    }

    /** Every route's scope: checked against the routes at start-up, and written into the OpenAPI document. */
    public RouteScopes scopes() {
        return scopes;
    }

    public SecurityLog log() {
        return log;
    }
}

package nutriplan.api.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

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
    private final FailureLimiter addresses;
    private final AccessFilter filter;

    private Access(CatalogStore store, AccessSettings settings, Metrics metrics, Clock clock) {
        Objects.requireNonNull(store, "store");
        this.log = new SecurityLog(metrics, clock);
        this.addresses = FailureLimiter.perMinute(clock);
        var authenticators = new ArrayList<Authenticator>();
        this.filter = new AccessFilter(scopes, authenticators, settings.anonymous(), addresses, log);
    }

    /**
     * Access over the keys and users of this store.
     *
     * @param clock what "now" is for expiries, timeouts and the failure limit: tests move it instead of sleeping
     */
    public static Access create(CatalogStore store, AccessSettings settings, Metrics metrics, Clock clock) {
        return new Access(store, settings, metrics, clock);
    }

    /** Before every matched route: 401, 403 or 429, or the caller set on the request. */
    public void check(Context ctx) {
        filter.check(ctx);
    }

    /** Mounts the routes of keys, users, sessions and the security log. */
    public void register(RoutesConfig config) {
        new SecurityEventRoutes(log).register(config);
    }

    /** Every route's scope: checked against the routes at start-up, and written into the OpenAPI document. */
    public RouteScopes scopes() {
        return scopes;
    }

    public SecurityLog log() {
        return log;
    }
}

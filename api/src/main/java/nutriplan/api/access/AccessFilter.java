package nutriplan.api.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.javalin.http.Context;

/**
 * Decides, before every matched route, whether its caller may call it: the route's scope ({@link RouteScopes}), the
 * caller proven by the first {@link Authenticator} whose credential the request carries, and without one the
 * anonymous policy. The caller is set on the request for the handlers and the catalog code ({@link Caller#of}).
 */
public final class AccessFilter {

    private final RouteScopes scopes;
    private final List<Authenticator> authenticators;
    private final AnonymousAccess anonymous;

    /** What a request without a credential may do. */
    public enum AnonymousAccess {
        /** Plan and read catalogs (a loopback-only service's default). */
        PLAN,
        /** Nothing but the public routes (the default anywhere else). */
        NONE
    }

    public AccessFilter(RouteScopes scopes, List<Authenticator> authenticators, AnonymousAccess anonymous) {
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.authenticators = List.copyOf(authenticators);
        this.anonymous = Objects.requireNonNull(anonymous, "anonymous");
    }

    /**
     * @throws UnauthenticatedException a route that needs a credential, without a valid one
     * @throws ForbiddenException       a caller whose role (or catalogs) does not cover the route
     */
    public void check(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        // The web form's static files match no route: they are public.
        var scope = endpoint == null ? Scope.PUBLIC : scopes.of(endpoint);
        if (scope == null) {
            // Never at run time: the start-up checks every route. Closed, should it happen.
            throw new ForbiddenException(Scope.ADMIN, "this route has no scope; nobody may call it");
        }
        var caller = authenticate(ctx);
        if (scope == Scope.PUBLIC) {
            caller.ifPresent(who -> ctx.attribute(Caller.ATTRIBUTE, who));
            return;
        }
        var who = caller.orElseGet(() -> anonymous(scope));
        if (!who.may(scope)) {
            throw new ForbiddenException(scope, "this route needs the scope \"" + scope + "\", which the "
                    + who.role() + " role of " + who.name() + " does not hold");
        }
        var catalog = ctx.pathParamMap().get("catalog");
        if (scope == Scope.CATALOG_WRITE && catalog != null && !who.mayWrite(catalog)) {
            throw new ForbiddenException(scope, "this credential may change only the catalogs "
                    + String.join(", ", who.catalogs().stream().sorted().toList()) + ", not \"" + catalog + "\"");
        }
        ctx.attribute(Caller.ATTRIBUTE, who);
    }

    private Optional<Caller> authenticate(Context ctx) {
        for (var authenticator : authenticators) {
            var caller = authenticator.authenticate(ctx);
            if (caller.isPresent()) {
                return caller;
            }
        }
        return Optional.empty();
    }

    private Caller anonymous(Scope scope) {
        if (anonymous == AnonymousAccess.PLAN && scope == Scope.PLAN) {
            return Caller.ANONYMOUS_PLANNER;
        }
        throw new UnauthenticatedException();
    }
}

package nutriplan.api.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.javalin.http.Context;

import nutriplan.api.access.SecurityLog.Event;

/**
 * Decides, before every matched route, whether its caller may call it: the route's scope ({@link RouteScopes}), the
 * caller proven by the first {@link Authenticator} whose credential the request carries, and without one the
 * anonymous policy. The caller is set on the request for the handlers and the catalog code ({@link Caller#of}).
 * Every refusal goes to the security log; a credential that fails counts against its address, and an address past
 * the limit is refused (429) before its credential is even looked at.
 */
public final class AccessFilter {

    private final RouteScopes scopes;
    private final List<Authenticator> authenticators;
    private final AnonymousAccess anonymous;
    private final FailureLimiter addresses;
    private final SecurityLog log;

    /** What a request without a credential may do. */
    public enum AnonymousAccess {
        /** Plan and read catalogs (a loopback-only service's default). */
        PLAN,
        /** Nothing but the public routes (the default anywhere else). */
        NONE
    }

    public AccessFilter(RouteScopes scopes, List<Authenticator> authenticators, AnonymousAccess anonymous,
                        FailureLimiter addresses, SecurityLog log) {
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.authenticators = List.copyOf(authenticators);
        this.anonymous = Objects.requireNonNull(anonymous, "anonymous");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @throws UnauthenticatedException a route that needs a credential, without a valid one
     * @throws ForbiddenException       a caller whose role (or catalogs) does not cover the route
     * @throws RateLimitedException     an address that failed to authenticate too often
     */
    public void check(Context ctx) {
        var scope = scopes.of(ctx.method().name(), ctx.endpoints().matchedHttpEndpoint(), ctx.path());
        if (scope == Scope.PUBLIC) {
            // Nothing to decide, so no credential is read: a stale cookie never stops the form's files or the
            // sign-in, and a public route costs the store nothing whatever a caller sends.
            return;
        }
        var who = authenticate(ctx).orElseGet(() -> anonymous(ctx, scope));
        // Set before deciding, so that the access log names a caller refused with 403 too.
        ctx.attribute(Caller.ATTRIBUTE, who);
        if (!who.may(scope)) {
            throw refused(ctx, who.id(), ForbiddenException.needs(scope, "this route needs the scope \"" + scope
                    + "\", which the " + who.role() + " role of " + who.name() + " does not hold"));
        }
        var catalog = ctx.pathParamMap().get("catalog");
        // A credential limited to named catalogs changes those only, and creates none (the route names no catalog).
        if (scope == Scope.CATALOG_WRITE && (catalog == null ? !who.catalogs().isEmpty() : !who.mayWrite(catalog))) {
            throw refused(ctx, who.id(), ForbiddenException.needs(scope, "this credential may change only the catalogs "
                    + String.join(", ", who.catalogs().stream().sorted().toList()) + ", not "
                    + (catalog == null ? "create catalogs" : "\"" + catalog + "\"")));
        }
    }

    /** The caller the request's credential proves; a credential that fails counts against its address. */
    private Optional<Caller> authenticate(Context ctx) {
        var address = FailureLimiter.addressKey(ctx.ip());
        try {
            addresses.checkAllowed(address, FailureLimiter.FROM_HERE);
        } catch (RateLimitedException limited) {
            throw refused(ctx, "-", limited);
        }
        try {
            return firstCredential(ctx);
        } catch (UnauthenticatedException failed) {
            if (failed.guess()) {
                addresses.failed(address);
            }
            throw refused(ctx, "-", failed);
        } catch (ForbiddenException forbidden) { // a session's change without its CSRF token
            throw refused(ctx, "-", forbidden);
        }
    }

    private Optional<Caller> firstCredential(Context ctx) {
        for (var authenticator : authenticators) {
            var caller = authenticator.authenticate(ctx);
            if (caller.isPresent()) {
                return caller;
            }
        }
        return Optional.empty();
    }

    private Caller anonymous(Context ctx, Scope scope) {
        if (anonymous == AnonymousAccess.PLAN && scope == Scope.PLAN) {
            return Caller.ANONYMOUS_PLANNER;
        }
        throw refused(ctx, "anonymous", new UnauthenticatedException());
    }

    /** Writes the refusal to the security log and returns it to throw. */
    private RuntimeException refused(Context ctx, String caller, RuntimeException refusal) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        // A HEAD matches no route: its raw path, cut short, since the caller chose it.
        var path = endpoint == null ? ctx.path().substring(0, Math.min(100, ctx.path().length())) : endpoint.path;
        var route = ctx.method().name() + " " + path;
        switch (refusal) {
            case UnauthenticatedException failed when failed.credentialFailed() ->
                    log.record(Event.AUTHENTICATION_FAILED, ctx, caller, Map.of("route", route, "reason", failed.reason()));
            case UnauthenticatedException missing ->
                    log.record(Event.UNAUTHENTICATED, ctx, caller, Map.of("route", route));
            case ForbiddenException forbidden ->
                    log.record(Event.FORBIDDEN, ctx, caller, Map.of("route", route, forbidden.field(), forbidden.expected()));
            case RateLimitedException limited -> log.record(Event.RATE_LIMITED, ctx, caller, Map.of("route", route));
            default -> throw new IllegalArgumentException("not a refusal", refusal);
        }
        return refusal;
    }
}

package nutriplan.api.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.javalin.router.Endpoint;

/**
 * The one place that says who may call each route: every route the service answers, as "METHOD /path/{param}", with
 * exactly one {@link Scope}. A route registered without a scope here stops the start-up ({@link #check}), so a
 * forgotten route is closed, not open; the OpenAPI document's per-operation {@code security} is written from here too.
 */
public final class RouteScopes {

    private final Map<String, Scope> scopes;

    /** Each GET route's template as a pattern of paths ("/api/v1/keys/[^/]+"), for the HEADs that match no route. */
    private final Map<Pattern, Scope> getRoutes = new LinkedHashMap<>();

    private RouteScopes(Map<String, Scope> scopes) {
        this.scopes = Map.copyOf(scopes);
        scopes.forEach((route, scope) -> {
            if (route.startsWith("GET ")) {
                var template = route.substring(4).replaceAll("\\{[^}/]+}", "\u0000");
                var pattern = Arrays.stream(template.split("\u0000", -1)).map(Pattern::quote)
                        .collect(Collectors.joining("[^/]+"));
                getRoutes.put(Pattern.compile(pattern), scope);
            }
        });
    }

    /** Every route of the service and its scope, grouped by scope. */
    public static RouteScopes service() {
        var scopes = new LinkedHashMap<String, Scope>();
        grant(scopes, Scope.PUBLIC, "GET /health", "GET /ready", "GET /openapi.json", "GET /swagger", "GET /swagger/{file}",
                // Signing in to the web form: how a browser gets a credential (access/users).
                "POST /api/v1/session", "GET /api/v1/session", "DELETE /api/v1/session", "POST /api/v1/setup");
        grant(scopes, Scope.PLAN, "POST /api/v1/plans", "POST /api/v1/plans:batch", "POST /api/v1/targets",
                "POST /api/v1/targets:batch", "GET /api/v1/presets", "GET /api/v1/catalogs",
                "GET /api/v1/catalogs/{catalog}/products", "GET /api/v1/catalogs/{catalog}/products/{id}",
                "GET /api/v1/catalogs/{catalog}/export", "GET /api/v1/catalogs/{catalog}/dominated",
                "GET /api/v1/catalogs/{catalog}/versions", "GET /api/v1/catalogs/{catalog}/products/{id}/history",
                "GET /api/v1/catalogs/{catalog}/diff", "GET /api/v1/catalogs/{catalog}/tags",
                "GET /api/v1/catalogs/{catalog}/tags/{tag}");
        grant(scopes, Scope.CATALOG_WRITE, "POST /api/v1/catalogs", "PUT /api/v1/catalogs/{catalog}/products/{id}",
                "DELETE /api/v1/catalogs/{catalog}/products/{id}", "POST /api/v1/catalogs/{catalog}/products:import",
                "POST /api/v1/catalogs/{catalog}:revert", "PUT /api/v1/catalogs/{catalog}/tags/{tag}",
                "DELETE /api/v1/catalogs/{catalog}/tags/{tag}");
        grant(scopes, Scope.ADMIN, "GET /api/v1/keys", "POST /api/v1/keys", "GET /api/v1/keys/{id}",
                "POST /api/v1/keys/{id}:rotate", "DELETE /api/v1/keys/{id}", "GET /api/v1/users", "POST /api/v1/users",
                "DELETE /api/v1/users/{name}", "GET " + SecurityEventRoutes.SECURITY_EVENTS, "DELETE /api/v1/catalogs/{catalog}");
        grant(scopes, Scope.METRICS, "GET /metrics");
        return new RouteScopes(scopes);
    }

    /** Gives each route its scope: a route listed twice would have two, and stops the start-up. */
    private static void grant(Map<String, Scope> scopes, Scope scope, String... routes) {
        for (var route : routes) {
            var earlier = scopes.putIfAbsent(route, scope);
            if (earlier != null) {
                throw new IllegalStateException(route + " is given two scopes, " + earlier + " and " + scope);
            }
        }
    }

    /** The scope of a route, "POST /api/v1/plans"; null when the route has none (which {@link #check} refuses). */
    public Scope of(String route) {
        return scopes.get(route);
    }

    /**
     * The scope of a request: its matched route's; for a HEAD, which Javalin answers from the GET route without
     * matching it, that GET route's; for a request that matches no route (the web form's files), public. Closed
     * should a route ever lack a scope: the start-up refuses that.
     */
    public Scope of(String method, Endpoint matched, String path) {
        if (matched != null) {
            var scope = of(route(matched));
            return scope == null ? Scope.ADMIN : scope;
        }
        if (method.equals("HEAD")) {
            return getRoutes.entrySet().stream().filter(route -> route.getKey().matcher(path).matches())
                    .map(Map.Entry::getValue).findFirst().orElse(Scope.PUBLIC);
        }
        return Scope.PUBLIC;
    }

    /** "POST /api/v1/plans": how a route is named here and in {@code NutriplanApp.routes()}. */
    public static String route(Endpoint endpoint) {
        return endpoint.method.name() + " " + endpoint.path;
    }

    /** Every route with its scope. */
    public Map<String, Scope> all() {
        return scopes;
    }

    /**
     * Refuses a service whose routes and scopes differ: a route without a scope would be open by mistake, a scope
     * without a route is a stale entry.
     *
     * @throws IllegalStateException naming every route without a scope and every scope without a route
     */
    public void check(List<String> routes) {
        var faults = new ArrayList<String>();
        routes.stream().filter(route -> !scopes.containsKey(route)).forEach(route -> faults.add("no scope for " + route));
        scopes.keySet().stream().filter(route -> !routes.contains(route)).forEach(route -> faults.add("no route " + route));
        if (!faults.isEmpty()) {
            throw new IllegalStateException("every route needs exactly one scope (access/RouteScopes): "
                    + String.join("; ", faults));
        }
    }
}

package nutriplan.api.docs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.access.FailureLimiter;
import nutriplan.api.access.ForbiddenException;
import nutriplan.api.access.RateLimitedException;
import nutriplan.api.access.Role;
import nutriplan.api.access.RouteScopes;
import nutriplan.api.access.Scope;
import nutriplan.api.access.SecurityLog;
import nutriplan.api.access.UnauthenticatedException;
import nutriplan.api.errors.ErrorJson;

/**
 * Who may call each operation, written into the document from {@link RouteScopes}, the one table the access filter
 * decides by, so that a new route gets its security here without an annotation: the two security schemes (an API key
 * as a bearer token, the web form's session cookie), each operation's {@code security} ({@code []} for a public one),
 * its scope as {@code x-scope} and in its description (OpenAPI 3.0 names scopes only for OAuth2), and the 401, 403 and
 * 429 every non-public operation may answer.
 */
final class AccessFacts {

    /** The scheme of an API key in {@code Authorization: Bearer}. */
    static final String API_KEY = "apiKey";
    /** The scheme of the web form's session cookie. */
    static final String SESSION = "session";
    /** The operation's extension that names the scope it needs. */
    static final String X_SCOPE = "x-scope";
    static final String SESSION_COOKIE = "nutriplan_session";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String HEADERS = "#/components/headers/";

    private AccessFacts() {
    }

    /**
     * Adds the schemes, and each operation's security and refusals.
     *
     * @throws IllegalStateException for an operation whose route has no scope: the start-up would refuse it too
     */
    static void add(ObjectNode document, RouteScopes scopes) {
        var components = (ObjectNode) document.path("components");
        addSchemes(components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes"));
        var headers = components.has("headers") ? (ObjectNode) components.get("headers") : components.putObject("headers");
        headers.putObject("WWW-Authenticate").put("description", "the challenge: " + ErrorJson.WWW_AUTHENTICATE)
                .put("required", true).putObject("schema").put("type", "string").put("example", ErrorJson.WWW_AUTHENTICATE);
        closeSecurityEvents((ObjectNode) components.path("schemas"));
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            var route = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            var scope = scopes.of(route);
            if (scope == null) {
                throw new IllegalStateException("the document describes " + route + ", which has no scope in"
                        + " access/RouteScopes; every route needs exactly one");
            }
            secure((ObjectNode) operation.getValue(), scope);
        }));
    }

    private static void addSchemes(ObjectNode schemes) {
        schemes.putObject(API_KEY)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "npk")
                .put("description", "An API key, for programs: \"Authorization: Bearer npk_…\". A key is its prefix npk_,"
                        + " a public id, a 256-bit secret and a checksum; it is shown once when created and stored only as a"
                        + " digest. Its role grants scopes (" + roles() + "); each operation names the scope it needs in "
                        + X_SCOPE + " and its description. A service listening on loopback only lets a caller without a"
                        + " credential call the operations of scope \"plan\" (ANONYMOUS_ACCESS=plan, its default there);"
                        + " anywhere else every non-public operation needs a credential. A missing, malformed, unknown,"
                        + " revoked or expired credential gets one and the same 401.");
        schemes.putObject(SESSION)
                .put("type", "apiKey")
                .put("in", "cookie")
                .put("name", SESSION_COOKIE)
                .put("description", "The web form's session, set by signing in (POST /api/v1/session): an HttpOnly,"
                        + " SameSite=Strict cookie whose user's role grants scopes as a key's does. Every change (POST, PUT,"
                        + " DELETE) made with it must carry the header " + ForbiddenException.CSRF_HEADER + " holding the"
                        + " session's CSRF token (GET /api/v1/session gives it); without it, 403.");
    }

    /** "planner: plan; editor: plan, catalog:write; …". */
    private static String roles() {
        return Arrays.stream(Role.values()).map(role -> role + ": " + Arrays.stream(Scope.values()).filter(role.scopes()::contains)
                .map(Scope::jsonName).collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
    }

    private static void secure(ObjectNode operation, Scope scope) {
        var security = operation.putArray("security");
        operation.put(X_SCOPE, scope.jsonName());
        if (scope == Scope.PUBLIC) {
            return;
        }
        security.addObject().putArray(API_KEY);
        security.addObject().putArray(SESSION);
        var needs = "Needs the scope \"" + scope.jsonName() + "\" (roles: " + rolesGranting(scope) + ")"
                + (scope == Scope.PLAN ? "; on a loopback-only service, no credential at all." : ".");
        var description = operation.path("description").asText("");
        operation.put("description", description.isEmpty() ? needs : description + " " + needs);
        var responses = (ObjectNode) operation.path("responses");
        var unauthenticated = refusal(responses, "401", "unauthenticated: no credential, or one that proves nothing"
                + " (malformed, unknown, revoked, expired: one answer for all)", new UnauthenticatedException());
        headerRef(unauthenticated, "WWW-Authenticate");
        refusal(responses, "403", "forbidden: the caller's role does not grant \"" + scope.jsonName() + "\""
                + (scope == Scope.CATALOG_WRITE ? ", it may change only other catalogs," : "")
                + " or a change made with a session cookie lacks " + ForbiddenException.CSRF_HEADER
                + "; the detail names the scope or the header", forbidden(scope));
        var limited = refusal(responses, "429", "rate_limited: too many failed authentications from this address (10 a"
                + " minute); Retry-After says when to try again", new RateLimitedException(
                        FailureLimiter.FROM_HERE + "; try again in 42 s", 42));
        headerRef(limited, "Retry-After");
    }

    /** The 403 of a caller whose role lacks the scope, as the access filter words it. */
    private static ForbiddenException forbidden(Scope scope) {
        var role = Arrays.stream(Role.values()).filter(each -> !each.grants(scope)).findFirst().orElseThrow();
        return ForbiddenException.needs(scope, "this route needs the scope \"" + scope + "\", which the " + role
                + " role of " + role + "-bot does not hold");
    }

    private static String rolesGranting(Scope scope) {
        return Arrays.stream(Role.values()).filter(role -> role.grants(scope)).map(Role::toString).collect(Collectors.joining(", "));
    }

    private static ObjectNode refusal(ObjectNode responses, String status, String description, RuntimeException refusal) {
        var response = responses.putObject(status);
        response.put("description", description);
        var json = response.putObject("content").putObject("application/json");
        json.putObject("schema").put("$ref", SCHEMAS + "Error");
        json.set("example", ErrorJson.of(refusal).body());
        return response;
    }

    private static void headerRef(ObjectNode response, String name) {
        var headers = response.has("headers") ? (ObjectNode) response.get("headers") : response.putObject("headers");
        headers.putObject(name).put("$ref", HEADERS + name);
    }

    /**
     * The security log's events as a closed set; an event's other properties are its details, names as text (a
     * record cannot say "and any other property of type string").
     */
    private static void closeSecurityEvents(ObjectNode schemas) {
        if (!(schemas.path("SecurityEvent") instanceof ObjectNode schema
                && schema.path("properties").path("event") instanceof ObjectNode event)) {
            throw new IllegalStateException("the document has no property SecurityEvent.event to close");
        }
        List.of(SecurityLog.Event.values()).forEach(value -> event.withArray("enum").add(value.jsonName()));
        schema.putObject("additionalProperties").put("type", "string")
                .put("description", "a detail of the event: route, scope, reason, key (a public id), user (a name)");
    }
}

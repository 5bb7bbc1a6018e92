package nutriplan.api.access.users;

import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.access.FailureLimiter;
import nutriplan.api.access.RateLimitedException;
import nutriplan.api.access.SecurityLog;
import nutriplan.api.access.SecurityLog.Event;
import nutriplan.api.access.UnauthenticatedException;
import nutriplan.api.errors.ErrorExamples;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.JsonBody;
import nutriplan.api.json.JsonRequests;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;
import nutriplan.catalog.json.JsonFields;

/**
 * Signing in to the web form, seeing who is signed in, signing out, and the first run's setup. All public: they are
 * how a browser gets a credential. The session rides in an HttpOnly cookie; the answer carries the CSRF token.
 */
final class SessionRoutes {

    static final String SESSION = "/api/v1/session";
    static final String SETUP = "/api/v1/setup";
    private static final Set<String> SIGN_IN_FIELDS = Set.of("name", "password");

    private static final String SIGNED_IN_EXAMPLE = """
            {"signedIn": true, "user": {"name": "ana", "role": "editor", "catalogs": []},
             "csrfToken": "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycA", "expires": "2026-05-04T10:00:00Z"}""";
    private static final String RATE_LIMITED_EXAMPLE = """
            {"error": "rate_limited", "message": "too many failed sign-ins to this account; try again in 42 s", "details": []}""";
    private static final String ADDRESS_LIMITED_EXAMPLE = """
            {"error": "rate_limited", "message": "too many failed authentications from here; try again in 42 s", "details": []}""";
    private static final String INVALID_EXAMPLE = """
            {"error": "invalid_request", "message": "1 fault in the request: password",
             "details": [{"field": "password", "message": "is required"}]}""";
    private static final String INVALID_SETUP_EXAMPLE = """
            {"error": "invalid_request", "message": "1 fault in the request: password",
             "details": [{"field": "password", "message": "is too short (8 bytes): a password needs at least 12 bytes of UTF-8; a few words make a long one that is easy to remember"}]}""";
    private static final String SETUP_DONE_EXAMPLE = """
            {"error": "conflict", "message": "the first admin exists already; sign in instead",
             "details": [{"field": "name", "message": "the first admin exists already; sign in instead"}]}""";

    private final Sessions sessions;
    private final Setup setup;
    private final FailureLimiter addresses;
    private final SecurityLog log;

    SessionRoutes(Sessions sessions, Setup setup, FailureLimiter addresses, SecurityLog log) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.log = Objects.requireNonNull(log, "log");
    }

    void register(RoutesConfig routes) {
        routes.post(SESSION, this::signIn);
        routes.get(SESSION, this::current);
        routes.delete(SESSION, this::signOut);
        routes.post(SETUP, this::setUp);
    }

    @OpenApi(path = SESSION, methods = HttpMethod.POST, operationId = "signIn", tags = "sessions",
            summary = "Signs in to the web form: a session cookie and its CSRF token",
            description = "Sets the cookie nutriplan_session (HttpOnly, SameSite=Strict, Secure over HTTPS). A wrong name"
                    + " and a wrong password get the same 401; failures count against the address and the account, and"
                    + " past 10 a minute either gets 429.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = UserSchemas.SignIn.class,
                    example = "{\"name\": \"ana\", \"password\": \"correct horse battery\"}")),
            responses = {
                @OpenApiResponse(status = "200", description = "signed in; Set-Cookie holds the session",
                        content = @OpenApiContent(from = UserSchemas.Session.class, example = SIGNED_IN_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a field missing, unknown or not a string",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID_EXAMPLE)),
                @OpenApiResponse(status = "401", description = "unauthenticated: no enabled user has this name and password",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNAUTHENTICATED)),
                @OpenApiResponse(status = "413", description = "too_large: the body is over the limit",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as JSON",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "429", description = "rate_limited: too many failed sign-ins from this address or"
                        + " to this account lately; Retry-After is set",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = RATE_LIMITED_EXAMPLE)),
                @OpenApiResponse(status = "503", description = "busy: the store cannot be reached; Retry-After is set",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void signIn(Context ctx) {
        var findings = Findings.create();
        var fields = JsonFields.of(JsonBody.parse(JsonRequests.body(ctx)), "", findings, SIGN_IN_FIELDS);
        var name = fields == null ? null : fields.text("name", true, 200);
        var password = fields == null ? null : fields.node("password");
        if (fields != null && (password == null || !password.isTextual())) {
            findings.error("password", password == null || password.isNull() ? "is required" : "must be a string");
        }
        if (findings.hasErrors()) {
            throw new InvalidInputException("nobody was signed in", findings.all());
        }
        Sessions.Session session;
        try {
            session = sessions.signIn(name, password.textValue(), ctx.ip());
        } catch (RateLimitedException limited) {
            log.record(Event.RATE_LIMITED, ctx, "anonymous", Map.of("route", "POST " + SESSION));
            throw limited;
        } catch (UnauthenticatedException failed) {
            log.record(Event.SIGN_IN_FAILED, ctx, "anonymous", Map.of("name", loggable(name, failed), "reason", failed.reason()));
            throw failed;
        }
        log.record(Event.SIGNED_IN, ctx, session.caller().id(), Map.of("name", session.user().name()));
        answer(ctx, session);
    }

    @OpenApi(path = SESSION, methods = HttpMethod.GET, operationId = "currentSession", tags = "sessions",
            summary = "Who is signed in in this browser: the web form asks when it loads",
            responses = @OpenApiResponse(status = "200", description = "{\"signedIn\": false}, or the user, the CSRF token"
                    + " and when the session ends", content = @OpenApiContent(from = UserSchemas.Session.class, example = SIGNED_IN_EXAMPLE)))
    void current(Context ctx) {
        var session = session(ctx).orElse(null);
        ctx.header("Cache-Control", "no-store");
        if (session == null) {
            if (ctx.cookie(SessionCookie.NAME) != null) {
                SessionCookie.expire(ctx); // a stale cookie: the browser may as well forget it
            }
            ctx.json(Json.MAPPER.createObjectNode().put("signedIn", false));
            return;
        }
        ctx.json(json(session));
    }

    @OpenApi(path = SESSION, methods = HttpMethod.DELETE, operationId = "signOut", tags = "sessions",
            summary = "Signs out: the session ends and the browser forgets its cookie",
            responses = @OpenApiResponse(status = "204", description = "signed out (also when no session was there)"))
    void signOut(Context ctx) {
        var id = ctx.cookie(SessionCookie.NAME);
        var session = session(ctx).orElse(null);
        if (id != null) {
            sessions.signOut(id);
            SessionCookie.expire(ctx);
        }
        if (session != null) {
            log.record(Event.SIGNED_OUT, ctx, session.caller().id(), Map.of("name", session.user().name()));
        }
        ctx.status(204);
    }

    @OpenApi(path = SETUP, methods = HttpMethod.POST, operationId = "setUp", tags = "sessions",
            summary = "The first run: the admin's password, with the single-use token of the printed setup link",
            description = "While the store has no user, each start prints one link (valid 15 minutes) to standard output."
                    + " The admin is created and signed in, as by POST /api/v1/session; every other link dies.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = UserSchemas.Setup.class,
                    example = "{\"token\": \"q3Xo9sJt0m6yQ1vC4bH8nW2eR7kL5pZaD0fG3hJ6kLm\", \"name\": \"admin\","
                            + " \"password\": \"correct horse battery\"}")),
            responses = {
                @OpenApiResponse(status = "200", description = "the admin exists and is signed in; Set-Cookie holds the session",
                        content = @OpenApiContent(from = UserSchemas.Session.class, example = SIGNED_IN_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a field missing or unknown, a bad name, a"
                        + " password of fewer than 12 or more than 72 bytes (the token is not used up)",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID_SETUP_EXAMPLE)),
                @OpenApiResponse(status = "401", description = "unauthenticated: the token is unknown, used or expired",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNAUTHENTICATED)),
                @OpenApiResponse(status = "409", description = "conflict: a user exists already; sign in instead",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = SETUP_DONE_EXAMPLE)),
                @OpenApiResponse(status = "413", description = "too_large: the body is over the limit",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as JSON",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "429", description = "rate_limited: too many failed authentications from this"
                        + " address lately; Retry-After is set",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ADDRESS_LIMITED_EXAMPLE)),
                @OpenApiResponse(status = "503", description = "busy: the store cannot be reached; Retry-After is set",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void setUp(Context ctx) {
        Sessions.Session session;
        try (var attempt = addresses.begin(FailureLimiter.addressKey(ctx.ip()), FailureLimiter.FROM_HERE)) {
            try {
                session = setup.complete(JsonRequests.body(ctx));
            } catch (UnauthenticatedException failed) {
                attempt.failed();
                log.record(Event.AUTHENTICATION_FAILED, ctx, "anonymous", Map.of("route", "POST " + SETUP, "reason", failed.reason()));
                throw failed;
            }
        } catch (RateLimitedException limited) {
            log.record(Event.RATE_LIMITED, ctx, "anonymous", Map.of("route", "POST " + SETUP));
            throw limited;
        }
        log.record(Event.SETUP_DONE, ctx, session.caller().id(), Map.of("name", session.user().name()));
        answer(ctx, session);
    }

    private static void answer(Context ctx, Sessions.Session session) {
        SessionCookie.set(ctx, session.id());
        ctx.header("Cache-Control", "no-store");
        ctx.json(json(session));
    }

    private static ObjectNode json(Sessions.Session session) {
        var node = Json.MAPPER.createObjectNode().put("signedIn", true);
        var user = node.putObject("user").put("name", session.user().name()).put("role", session.user().role());
        var catalogs = user.putArray("catalogs");
        session.user().catalogs().stream().sorted().forEach(catalogs::add);
        node.put("csrfToken", session.csrfToken());
        node.put("expires", session.expires().toString());
        return node;
    }

    /**
     * The name a failed sign-in tried, for the security log: only when it has the shape of a user name, since a
     * password typed into the name field must not reach the log whole.
     */
    /**
     * The session this browser's cookie proves, if any. These routes are public, so the access filter reads no
     * credential for them: a stale cookie here proves nothing and refuses nothing.
     */
    private Optional<Sessions.Session> session(Context ctx) {
        var id = ctx.cookie(SessionCookie.NAME);
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(sessions.find(id));
        } catch (UnauthenticatedException stale) {
            return Optional.empty();
        }
    }

    /**
     * The name a failed sign-in tried, as the log may show it: only a user's (a password typed into the name field
     * must not reach the log).
     */
    private static String loggable(String name, UnauthenticatedException failed) {
        return failed.reason().equals(Sessions.UNKNOWN_USER) ? "(no such user)"
                : UserService.NAME.matcher(name).matches() ? name : "(not a user name)";
    }
}

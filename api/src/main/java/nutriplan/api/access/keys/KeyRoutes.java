package nutriplan.api.access.keys;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.access.Caller;
import nutriplan.api.access.Role;
import nutriplan.api.access.SecurityLog;
import nutriplan.api.access.SecurityLog.Event;
import nutriplan.api.errors.ErrorExamples;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.JsonBody;
import nutriplan.api.json.JsonRequests;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.JsonFields;

/** Admins' routes for API keys: list, make, rotate, revoke. Each change goes to the security log. */
public final class KeyRoutes {

    public static final String KEYS = "/api/v1/keys";
    public static final String KEY = "/api/v1/keys/{id}";
    public static final String ROTATE = "/api/v1/keys/{id}:rotate";

    private static final Set<String> CREATE_FIELDS = Set.of("name", "role", "catalogs", "expires");
    private static final Set<String> ROTATE_FIELDS = Set.of("grace");
    private static final String ISSUED_EXAMPLE = """
            {"key": "npk_k7vq2mzr4xpa_3q2-7wZbYv1kQd4mX9eT0sLhR6uJc8nGfA5pVyE2oBi0a1B2c3",
             "id": "k7vq2mzr4xpa", "name": "recommendation-api", "role": "planner", "status": "active", "catalogs": [],
             "created": "2026-12-07T10:00:00Z", "createdBy": "user:admin", "expires": null, "revoked": null,
             "lastUsed": null, "replacedBy": null}""";
    private static final String KEY_EXAMPLE = """
            {"id": "k7vq2mzr4xpa", "name": "recommendation-api", "role": "planner", "status": "revoked", "catalogs": [],
             "created": "2026-12-07T10:00:00Z", "createdBy": "user:admin", "expires": null,
             "revoked": "2026-12-08T09:30:00Z", "lastUsed": "2026-12-08T09:29:00Z", "replacedBy": null}""";
    private static final String INVALID_EXAMPLE = """
            {"error": "invalid_request", "message": "no key was made: role: \\"owner\\" is not one of planner, editor, admin, monitor",
             "details": [{"field": "role", "message": "\\"owner\\" is not one of planner, editor, admin, monitor"}]}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"error": "not_found", "message": "no key \\"k7vq2mzr4xpa\\" that works now and was not rotated (unknown, revoked, expired or rotated)",
             "details": [{"field": "id", "message": "no key \\"k7vq2mzr4xpa\\" that works now and was not rotated (unknown, revoked, expired or rotated)"}]}""";

    private static final String UNKNOWN_EXAMPLE = """
            {"error": "not_found", "message": "no key \\"k7vq2mzr4xpa\\"",
             "details": [{"field": "id", "message": "no key \\"k7vq2mzr4xpa\\""}]}""";
    private static final String REVOKED_EXAMPLE = """
            {"error": "not_found", "message": "no key \\"k7vq2mzr4xpa\\" that is not revoked already",
             "details": [{"field": "id", "message": "no key \\"k7vq2mzr4xpa\\" that is not revoked already"}]}""";
    private static final String BAD_GRACE_EXAMPLE = """
            {"error": "invalid_request", "message": "expected a period such as 24h, 30m or 0s, not \\"a day\\"",
             "details": [{"field": "grace", "message": "expected a period such as 24h, 30m or 0s, not \\"a day\\""}]}""";
    private static final String STORE_DOWN = "busy: the store cannot be reached; Retry-After is set";

    private final KeyService keys;
    private final SecurityLog log;
    private final Clock clock;

    public KeyRoutes(KeyService keys, SecurityLog log, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(RoutesConfig routes) {
        routes.get(KEYS, this::list);
        routes.post(KEYS, this::create);
        routes.get(KEY, this::read);
        routes.post(ROTATE, this::rotate);
        routes.delete(KEY, this::revoke);
    }

    @OpenApi(path = KEYS, methods = HttpMethod.GET, operationId = "listKeys", tags = "access",
            summary = "Every API key: id, name, role, status and dates, never a secret",
            responses = {
                @OpenApiResponse(status = "200", description = "every key, revoked and expired ones too, oldest first",
                        content = @OpenApiContent(from = KeySchemas.KeyList.class)),
                @OpenApiResponse(status = "503", description = STORE_DOWN,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void list(Context ctx) {
        ctx.json(KeyJson.list(keys.list(), clock.instant()));
    }

    @OpenApi(path = KEYS, methods = HttpMethod.POST, operationId = "createKey", tags = "access",
            summary = "A new API key, shown once in this answer",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = KeySchemas.KeyCreate.class,
                    example = "{\"name\": \"recommendation-api\", \"role\": \"planner\", \"expires\": \"90d\"}")),
            responses = {
                @OpenApiResponse(status = "201", description = "made: the whole key is in this answer only; Location set",
                        content = @OpenApiContent(from = KeySchemas.IssuedKey.class, example = ISSUED_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a bad name, role, catalog or expiry",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID_EXAMPLE)),
                @OpenApiResponse(status = "413", description = "too_large: the body is over the limit",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as JSON",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "503", description = STORE_DOWN,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void create(Context ctx) {
        var issued = keys.create(newKey(JsonRequests.body(ctx)), Caller.of(ctx).id());
        record(ctx, Event.KEY_CREATED, Map.of("key", issued.stored().id(), "name", issued.stored().name(),
                "role", issued.stored().role()));
        issuedAnswer(ctx, issued);
    }

    @OpenApi(path = KEY, methods = HttpMethod.GET, operationId = "readKey", tags = "access",
            summary = "One API key: id, name, role, status and dates, never its secret",
            pathParams = @OpenApiParam(name = "id", required = true, description = "the key's public id", example = "k7vq2mzr4xpa"),
            responses = {
                @OpenApiResponse(status = "200", description = "the key",
                        content = @OpenApiContent(from = KeySchemas.Key.class, example = KEY_EXAMPLE)),
                @OpenApiResponse(status = "404", description = "not_found: no key of that id",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = UNKNOWN_EXAMPLE)),
                @OpenApiResponse(status = "503", description = STORE_DOWN,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void read(Context ctx) {
        ctx.json(KeyJson.key(keys.read(ctx.pathParam("id")), clock.instant()));
    }

    @OpenApi(path = ROTATE, methods = HttpMethod.POST, operationId = "rotateKey", tags = "access",
            summary = "A new key in place of this one, which keeps working for a grace period",
            description = "The new key has the old one's name, role, catalogs and expiry. The body is optional.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "the key's public id", example = "k7vq2mzr4xpa"),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = KeySchemas.KeyRotate.class,
                    example = "{\"grace\": \"1h\"}")),
            responses = {
                @OpenApiResponse(status = "201", description = "the new key, shown once; the old one names it in replacedBy; Location set",
                        content = @OpenApiContent(from = KeySchemas.IssuedKey.class, example = ISSUED_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a bad grace period",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = BAD_GRACE_EXAMPLE)),
                @OpenApiResponse(status = "404", description = "not_found: no key of that id that works now and was not rotated already",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE)),
                @OpenApiResponse(status = "413", description = "too_large: the body is over the limit",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as JSON",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "503", description = STORE_DOWN,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void rotate(Context ctx) {
        var id = ctx.pathParam("id");
        var issued = keys.rotate(id, grace(ctx), Caller.of(ctx).id());
        record(ctx, Event.KEY_ROTATED, Map.of("key", id, "replacedBy", issued.stored().id()));
        issuedAnswer(ctx, issued);
    }

    @OpenApi(path = KEY, methods = HttpMethod.DELETE, operationId = "revokeKey", tags = "access",
            summary = "Revokes a key: every replica refuses it within the catalog poll interval",
            pathParams = @OpenApiParam(name = "id", required = true, description = "the key's public id", example = "k7vq2mzr4xpa"),
            responses = {
                @OpenApiResponse(status = "200", description = "the key, revoked",
                        content = @OpenApiContent(from = KeySchemas.Key.class, example = KEY_EXAMPLE)),
                @OpenApiResponse(status = "404", description = "not_found: no key of that id, or revoked already",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = REVOKED_EXAMPLE)),
                @OpenApiResponse(status = "503", description = STORE_DOWN,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void revoke(Context ctx) {
        var revoked = keys.revoke(ctx.pathParam("id"));
        record(ctx, Event.KEY_REVOKED, Map.of("key", revoked.id(), "name", revoked.name()));
        ctx.json(KeyJson.key(revoked, clock.instant()));
    }

    /** 201 with the key, shown this once, and where it is read from now on. */
    private void issuedAnswer(Context ctx, KeyService.Issued issued) {
        ctx.header("Location", KEYS + "/" + issued.stored().id());
        ctx.header("Cache-Control", "no-store"); // the only answer that holds the key: no cache may keep it
        ctx.status(201).json(KeyJson.issued(issued, clock.instant()));
    }

    private NewKey newKey(byte[] body) {
        var findings = Findings.create();
        var fields = JsonFields.of(JsonBody.parse(body), "", findings, CREATE_FIELDS);
        if (fields == null) {
            throw new InvalidInputException("no key was made", findings.all());
        }
        var name = fields.text("name", true, 80);
        var role = fields.choice("role", true, Role.class);
        var catalogs = new HashSet<>(fields.texts("catalogs", 100));
        var expires = fields.text("expires", false, 40);
        if (findings.hasErrors()) {
            throw new InvalidInputException("no key was made", findings.all());
        }
        return new NewKey(name, role, catalogs, expires == null ? null : Durations.end("expires", expires, clock.instant()));
    }

    /** The body's grace period; an empty body: the default. */
    private static java.time.Duration grace(Context ctx) {
        if (ctx.req().getContentLengthLong() <= 0 && ctx.header("Content-Type") == null) {
            return KeyService.DEFAULT_GRACE;
        }
        var findings = Findings.create();
        var fields = JsonFields.of(JsonBody.parse(JsonRequests.body(ctx)), "", findings, ROTATE_FIELDS);
        var grace = fields == null ? null : fields.text("grace", false, 20);
        if (findings.hasErrors()) {
            throw new InvalidInputException("the key was not rotated", findings.all());
        }
        return grace == null ? KeyService.DEFAULT_GRACE : Durations.period("grace", grace);
    }

    private void record(Context ctx, Event event, Map<String, String> details) {
        log.record(event, ctx, Caller.of(ctx).id(), details);
    }
}

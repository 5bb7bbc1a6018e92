package nutriplan.api.access.users;

import java.util.Map;
import java.util.Objects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.access.Caller;
import nutriplan.api.access.SecurityLog;
import nutriplan.api.access.SecurityLog.Event;
import nutriplan.api.errors.ErrorExamples;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.JsonRequests;
import nutriplan.catalog.json.Json;

/** The web form's users, for admins: list, create, disable. */
final class UserRoutes {

    static final String USERS = "/api/v1/users";
    static final String USER = "/api/v1/users/{name}";

    private static final String USER_EXAMPLE = """
            {"name": "ana", "role": "editor", "catalogs": ["trial"], "created": "2026-05-04T09:30:00Z", "disabled": null}""";
    private static final String INVALID_EXAMPLE = """
            {"error": "invalid_request", "message": "2 faults in the request: name, password",
             "details": [{"field": "name", "message": "\\"Ana\\" is not a user name: 1 to 64 lower-case letters, digits, '.', '_' or '-'"},
                         {"field": "password", "message": "is too short (8 bytes): a password needs at least 12 bytes of UTF-8; a few words make a long one that is easy to remember"}]}""";
    private static final String EXISTS_EXAMPLE = """
            {"error": "conflict", "message": "a user named \\"ana\\" exists (or existed: a name is never given to someone else)",
             "details": [{"field": "name", "message": "a user named \\"ana\\" exists (or existed: a name is never given to someone else)"}]}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"error": "not_found", "message": "no enabled user named \\"bob\\"",
             "details": [{"field": "name", "message": "no enabled user named \\"bob\\""}]}""";
    private static final String FORBIDDEN_EXAMPLE = """
            {"error": "forbidden", "message": "this route needs the scope \\"admin\\", which the editor role of ana does not hold",
             "details": [{"field": "scope", "message": "needs \\"admin\\""}]}""";

    private final UserService users;
    private final SecurityLog log;

    UserRoutes(UserService users, SecurityLog log) {
        this.users = Objects.requireNonNull(users, "users");
        this.log = Objects.requireNonNull(log, "log");
    }

    void register(RoutesConfig routes) {
        routes.get(USERS, this::list);
        routes.post(USERS, this::create);
        routes.delete(USER, this::disable);
    }

    @OpenApi(path = USERS, methods = HttpMethod.GET, operationId = "listUsers", tags = "users",
            summary = "The web form's users, disabled ones too (never a password or hash)",
            responses = {
                @OpenApiResponse(status = "200", description = "every user, by name",
                        content = @OpenApiContent(from = UserSchemas.UserList.class, example = "{\"users\": [" + USER_EXAMPLE + "]}")),
                @OpenApiResponse(status = "401", description = "unauthenticated: no valid credential",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNAUTHENTICATED)),
                @OpenApiResponse(status = "403", description = "forbidden: the caller is not an admin, or a session's call"
                        + " lacks its X-CSRF-Token",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = FORBIDDEN_EXAMPLE)),
                @OpenApiResponse(status = "503", description = "busy: the store cannot be reached; Retry-After is set",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void list(Context ctx) {
        var node = Json.MAPPER.createObjectNode();
        var list = node.putArray("users");
        users.list().forEach(user -> list.add(UserService.json(user)));
        ctx.json(node);
    }

    @OpenApi(path = USERS, methods = HttpMethod.POST, operationId = "createUser", tags = "users",
            summary = "A new user of the web form",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = UserSchemas.UserCreate.class,
                    example = "{\"name\": \"ana\", \"role\": \"editor\", \"catalogs\": [\"trial\"], \"password\": \"correct horse battery\"}")),
            responses = {
                @OpenApiResponse(status = "201", description = "created",
                        content = @OpenApiContent(from = UserSchemas.User.class, example = USER_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a bad name, role, catalog or password, an"
                        + " unknown field, catalogs for another role than editor",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID_EXAMPLE)),
                @OpenApiResponse(status = "401", description = "unauthenticated: no valid credential",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNAUTHENTICATED)),
                @OpenApiResponse(status = "403", description = "forbidden: the caller is not an admin, or a session's call"
                        + " lacks its X-CSRF-Token",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = FORBIDDEN_EXAMPLE)),
                @OpenApiResponse(status = "409", description = "conflict: the name is taken, or was (names are never reused)",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = EXISTS_EXAMPLE)),
                @OpenApiResponse(status = "413", description = "too_large: the body is over the limit",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as JSON",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "503", description = "busy: the store cannot be reached; Retry-After is set",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void create(Context ctx) {
        var user = users.create(JsonRequests.body(ctx));
        log.record(Event.USER_CREATED, ctx, Caller.of(ctx).id(), Map.of("name", user.name(), "role", user.role()));
        ctx.header("Location", USERS + "/" + user.name());
        ctx.status(201).json(UserService.json(user));
    }

    @OpenApi(path = USER, methods = HttpMethod.DELETE, operationId = "disableUser", tags = "users",
            summary = "Disables a user: its sessions end at once; it keeps its name, never given to anyone else",
            pathParams = @OpenApiParam(name = "name", required = true, description = "the user's name", example = "ana"),
            responses = {
                @OpenApiResponse(status = "204", description = "disabled"),
                @OpenApiResponse(status = "401", description = "unauthenticated: no valid credential",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNAUTHENTICATED)),
                @OpenApiResponse(status = "403", description = "forbidden: the caller is not an admin, or a session's call"
                        + " lacks its X-CSRF-Token",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = FORBIDDEN_EXAMPLE)),
                @OpenApiResponse(status = "404", description = "not_found: no enabled user of that name",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE)),
                @OpenApiResponse(status = "503", description = "busy: the store cannot be reached; Retry-After is set",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void disable(Context ctx) {
        var user = users.disable(ctx.pathParam("name"));
        log.record(Event.USER_DISABLED, ctx, Caller.of(ctx).id(), Map.of("name", user.name()));
        ctx.status(204);
    }
}

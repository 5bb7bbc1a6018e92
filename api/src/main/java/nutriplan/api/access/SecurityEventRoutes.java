package nutriplan.api.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.errors.ErrorSchemas;
import nutriplan.catalog.json.InvalidInputException;

/**
 * {@code GET /api/v1/security-events}: this replica's recent security events, newest first, for admins. Each is the
 * JSON of its line in the security log; the log itself keeps them all, across replicas.
 */
public final class SecurityEventRoutes {

    public static final String SECURITY_EVENTS = "/api/v1/security-events";
    /** How many events an answer holds unless {@code limit} says otherwise. */
    static final int DEFAULT_LIMIT = 100;
    /** The most {@code limit} may ask for: all a replica keeps. */
    static final int MAX_LIMIT = SecurityLog.RECENT;

    private static final String EXAMPLE = """
            {"events": [{"time": "2026-03-02T09:14:07.512Z", "event": "forbidden", "requestId": "c0ffee-42",
                         "caller": "key:np1a2b3c4d5e", "address": "10.0.4.17",
                         "route": "PUT /api/v1/catalogs/{catalog}/products/{id}", "scope": "needs \\"catalog:write\\""}]}""";
    private static final String BAD_LIMIT_EXAMPLE = """
            {"error": "invalid_request", "message": "\\"all\\" is not a limit: a whole number from 1 to 500",
             "details": [{"field": "limit", "message": "\\"all\\" is not a limit: a whole number from 1 to 500"}]}""";

    private final SecurityLog log;

    public SecurityEventRoutes(SecurityLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    public void register(RoutesConfig routes) {
        routes.get(SECURITY_EVENTS, this::list);
    }

    @OpenApi(path = SECURITY_EVENTS, methods = HttpMethod.GET, operationId = "listSecurityEvents", tags = "access",
            summary = "This replica's recent security events, newest first",
            description = "Key and user events (created, rotated, revoked, signed in, failed) and every refusal (401, 403,"
                    + " 429), as the security log writes them (logger nutriplan.security). Each replica keeps its last "
                    + MAX_LIMIT + " in memory; the log keeps them all. Names only: never a key, a secret, a hash, a"
                    + " password or a session id.",
            queryParams = @OpenApiParam(name = "limit", type = Integer.class, description = "at most this many events, 1 to "
                    + MAX_LIMIT + "; " + DEFAULT_LIMIT + " when left out", example = "20"),
            responses = {
                @OpenApiResponse(status = "200", description = "the events, newest first",
                        content = @OpenApiContent(from = SecurityEventList.class, example = EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a limit that is not a whole number from 1 to "
                        + MAX_LIMIT + ", or an unknown query parameter",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = BAD_LIMIT_EXAMPLE))})
    void list(Context ctx) {
        var answer = JsonNodeFactory.instance.objectNode();
        var events = answer.putArray("events");
        log.recent(limit(ctx.queryParamMap())).forEach(entry -> events.add(entry.json()));
        ctx.json(answer);
    }

    /**
     * The {@code limit} query parameter.
     *
     * @throws InvalidInputException naming {@code limit} (an unknown parameter never gets here: QueryParameters)
     */
    static int limit(Map<String, List<String>> query) {
        var values = query.getOrDefault("limit", List.of());
        if (values.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        var text = values.get(0);
        if (values.size() > 1) {
            throw InvalidInputException.of("limit", "is given " + values.size() + " times; give it once");
        }
        if (text.matches("[0-9]{1,4}")) {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw InvalidInputException.of("limit", "\"" + (text.length() <= 20 ? text : text.substring(0, 20) + "…")
                + "\" is not a limit: a whole number from 1 to " + MAX_LIMIT);
    }

    public record SecurityEventList(@OpenApiRequired List<SecurityEvent> events) {
    }

    @OpenApiDescription("One event, as its line in the security log: these fields, then what it concerned (route, scope,"
            + " reason, key, user): ids and names only.")
    public record SecurityEvent(
            @OpenApiRequired @OpenApiExample("2026-03-02T09:14:07.512Z") String time,
            @OpenApiRequired @OpenApiExample("forbidden") String event,
            @OpenApiRequired @OpenApiNullable @OpenApiDescription("the request's X-Request-Id; \"-\" or null outside a request")
            @OpenApiExample("c0ffee-42") String requestId,
            @OpenApiRequired @OpenApiDescription("key:<public id>, user:<name> or anonymous") @OpenApiExample("key:np1a2b3c4d5e")
            String caller,
            @OpenApiRequired @OpenApiNullable @OpenApiDescription("the remote address; null for the command line")
            @OpenApiExample("10.0.4.17") String address) {
    }
}

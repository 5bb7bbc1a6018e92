package nutriplan.api.errors;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.access.ForbiddenException;
import nutriplan.api.access.RateLimitedException;
import nutriplan.api.access.UnauthenticatedException;
import nutriplan.catalog.json.Finding;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.planner.schedule.UnschedulableException;
import nutriplan.store.NotInStoreException;
import nutriplan.store.StoreConflictException;
import nutriplan.store.StoreUnavailableException;

/**
 * The error table of API.md in one place: every typed exception a caller can cause, its HTTP status
 * and its body {@code {"error": CODE, "message": TEXT, "details": [...]}}.
 *
 * <p>A detail names the request field it concerns ({@code "targets.sodium.min"}); its {@code field} is
 * null when the fault concerns the body as a whole (malformed JSON, invalid UTF-8).
 */
public final class ErrorJson {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String NOT_FOUND = "not_found";
    public static final String CONFLICT = "conflict";
    public static final String TOO_LARGE = "too_large";
    public static final String INFEASIBLE = "infeasible";
    /** A plan that cannot be spread over the session within its hourly limits. */
    public static final String UNSCHEDULABLE = "unschedulable";
    public static final String BUSY = "busy";
    /** Not in API.md's table, which is silent on HTTP-level faults: a route called with the wrong method. */
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    /** Not in API.md's table: a body whose Content-Type is not JSON. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String INTERNAL_ERROR = "internal_error";
    /** No valid credential for a route that needs one (401). */
    public static final String UNAUTHENTICATED = "unauthenticated";
    /** A credential whose role does not grant the route's scope (403). */
    public static final String FORBIDDEN = "forbidden";
    /** Too many failed authentications (429). */
    public static final String RATE_LIMITED = "rate_limited";
    /** Every code an error body may carry: the OpenAPI document's closed set. */
    public static final List<String> CODES = List.of(INVALID_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
            METHOD_NOT_ALLOWED, CONFLICT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, INFEASIBLE, UNSCHEDULABLE, RATE_LIMITED, BUSY,
            INTERNAL_ERROR);
    /** The challenge of every 401: an API key as a bearer token (the web form signs in for a session cookie). */
    public static final String WWW_AUTHENTICATE = "Bearer realm=\"nutriplan\"";

    /** When to retry a change while the catalog store is unreachable. */
    public static final int STORE_RETRY_AFTER_SECONDS = 5;

    /** At most this many field names in the message of a 400; the details list them all. */
    private static final int FIELDS_IN_MESSAGE = 5;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ErrorJson() {
    }

    /**
     * The response for an exception: 400, 404, 405, 409, 413, 415 and 503 for the typed faults a caller can cause
     * (or meet), and a 500 that says nothing of the internals for anything else (the caller logs that one).
     */
    public static ErrorResponse of(Exception exception) {
        return switch (exception) {
            case InvalidInputException invalid -> new ErrorResponse(400, invalidRequest(invalid));
            case UnauthenticatedException unauthenticated -> new ErrorResponse(401,
                    body(UNAUTHENTICATED, unauthenticated.getMessage(), List.of()), Map.of("WWW-Authenticate", WWW_AUTHENTICATE));
            case ForbiddenException forbidden -> new ErrorResponse(403, body(FORBIDDEN, forbidden.getMessage(),
                    List.of(detail(forbidden.field(), forbidden.expected()))));
            case RateLimitedException limited -> new ErrorResponse(429, body(RATE_LIMITED, limited.getMessage(), List.of()),
                    Map.of("Retry-After", Integer.toString(limited.retryAfterSeconds())));
            case NotFoundException notFound ->
                    new ErrorResponse(404, body(NOT_FOUND, notFound.getMessage(), List.of(detail(notFound.field(), notFound.getMessage()))));
            case MethodNotAllowedException notAllowed -> new ErrorResponse(405,
                    body(METHOD_NOT_ALLOWED, notAllowed.getMessage(), List.of()), Map.of("Allow", String.join(", ", notAllowed.allowed())));
            case TooLargeException tooLarge ->
                    new ErrorResponse(413, body(TOO_LARGE, tooLarge.getMessage(), List.of(detail(tooLarge.field(), tooLarge.getMessage()))));
            case UnsupportedMediaTypeException unsupported ->
                    new ErrorResponse(415, body(UNSUPPORTED_MEDIA_TYPE, unsupported.getMessage(), List.of()));
            case UnschedulableException unschedulable -> new ErrorResponse(422, body(UNSCHEDULABLE,
                    "the plan cannot be scheduled over the session within its hard rules; each detail names the rule and by how much",
                    unschedulable.reasons().stream().map(reason -> detail("schedule", reason)).toList()));
            case BusyException busy -> new ErrorResponse(503, body(BUSY, busy.getMessage(), List.of()),
                    Map.of("Retry-After", Integer.toString(busy.retryAfterSeconds())));
            case NotInStoreException missing -> new ErrorResponse(404,
                    body(NOT_FOUND, missing.getMessage(), List.of(detail(missing.field(), missing.getMessage()))));
            case StoreConflictException conflict -> new ErrorResponse(409,
                    body(CONFLICT, conflict.getMessage(), List.of(detail(conflict.field(), conflict.getMessage()))));
            // The store down is back-pressure too, in API.md's one 503: "busy", retry later.
            case StoreUnavailableException unavailable -> new ErrorResponse(503, body(BUSY,
                    "the catalog store cannot take changes now; nothing was changed, try again", List.of()),
                    Map.of("Retry-After", Integer.toString(STORE_RETRY_AFTER_SECONDS)));
            default -> internalError();
        };
    }

    /** The 500: nothing of the internals, no class names, no stack trace; the caller logs the cause. */
    public static ErrorResponse internalError() {
        return new ErrorResponse(500, body(INTERNAL_ERROR, "an internal error occurred; it has been logged", List.of()));
    }

    /** The 400 body: one detail per fault, each naming its field. */
    public static ObjectNode invalidRequest(InvalidInputException invalid) {
        var errors = invalid.errors().stream().filter(Finding::isError).toList();
        var details = errors.stream().map(finding -> detail(finding.path(), finding.message())).toList();
        return body(INVALID_REQUEST, summary(errors, invalid.getMessage()), details);
    }

    /** {@code {"error": ..., "message": ..., "details": [...]}}. */
    public static ObjectNode body(String error, String message, List<ObjectNode> details) {
        var body = NODES.objectNode();
        body.put("error", error);
        body.put("message", message);
        body.putArray("details").addAll(details);
        return body;
    }

    /** {@code {"field": ..., "message": ...}}; an empty field (the body as a whole) is written as null. */
    public static ObjectNode detail(String field, String message) {
        var detail = NODES.objectNode();
        if (field == null || field.isEmpty()) {
            detail.putNull("field");
        } else {
            detail.put("field", field);
        }
        detail.put("message", message);
        return detail;
    }

    /**
     * "3 faults in the request: targets.sodium.min, limits.maxProducts, require[0]": the fields at a glance,
     * for a person reading a log line or a terminal; one fault about the whole body is its own message.
     */
    private static String summary(List<Finding> errors, String fallback) {
        if (errors.isEmpty()) {
            return fallback;
        }
        if (errors.size() == 1 && errors.get(0).path().isEmpty()) {
            return errors.get(0).message();
        }
        var fields = errors.stream().map(Finding::path).map(path -> path.isEmpty() ? "(body)" : path)
                .distinct().limit(FIELDS_IN_MESSAGE).collect(Collectors.joining(", "));
        boolean more = errors.stream().map(Finding::path).distinct().count() > FIELDS_IN_MESSAGE;
        return errors.size() + (errors.size() == 1 ? " fault" : " faults") + " in the request: " + fields + (more ? ", …" : "");
    }
}

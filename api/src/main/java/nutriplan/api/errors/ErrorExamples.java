package nutriplan.api.errors;

/**
 * The errors any route that reads a JSON body may answer, as {@link ErrorJson} writes them: examples for the OpenAPI
 * document, one text each for every route.
 */
public final class ErrorExamples {

    /** 413: a body over MAX_BODY_BYTES (the default 2 MiB), as {@code JsonRequests} reports it. */
    public static final String BODY_TOO_LARGE = """
            {"error": "too_large", "message": "the body is larger than the limit of 2097152 bytes",
             "details": [{"field": null, "message": "the body is larger than the limit of 2097152 bytes"}]}""";

    /** 401: no credential, or one that proves nothing, as {@code UnauthenticatedException} words it for every route. */
    public static final String UNAUTHENTICATED = """
            {"error": "unauthenticated", "message": "a valid credential is required: an API key as \\"Authorization: Bearer <key>\\", or a session from signing in",
             "details": []}""";

    /** 503: the store cannot be reached; nothing was read or changed. */
    public static final String STORE_DOWN = """
            {"error": "busy", "message": "the catalog store cannot take changes now; nothing was changed, try again", "details": []}""";

    /** 415: a body not sent as JSON. */
    public static final String UNSUPPORTED = """
            {"error": "unsupported_media_type", "message": "the body must be JSON with Content-Type: application/json, not \\"text/plain\\"",
             "details": []}""";

    private ErrorExamples() {
    }
}

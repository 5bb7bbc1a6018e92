package nutriplan.api.access;

/**
 * The caller is who it says, but may not do this (403 {@code forbidden}): its role does not grant the route's scope,
 * it is limited to other catalogs, or a session's change came without its CSRF token. The detail names what was
 * missing: the scope, or the header.
 */
public final class ForbiddenException extends RuntimeException {

    /** The header every change made with a session cookie must carry: the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final String field;
    private final String expected;

    private ForbiddenException(String field, String expected, String message) {
        super(message, null, false, false);
        this.field = field;
        this.expected = expected;
    }

    /** A caller whose role (or catalogs) does not cover the route's scope. */
    public static ForbiddenException needs(Scope scope, String message) {
        return new ForbiddenException("scope", "needs \"" + scope + "\"", message);
    }

    /** A change made with a session cookie, without the session's CSRF token (or with another). */
    public static ForbiddenException csrf() {
        return new ForbiddenException(CSRF_HEADER, "the session's CSRF token, as GET /api/v1/session gives it",
                "a change made with a session cookie needs the header " + CSRF_HEADER + " holding the session's CSRF token");
    }

    /** "scope", or the header that was missing. */
    public String field() {
        return field;
    }

    /** What the field needed: "needs \"catalog:write\"". */
    public String expected() {
        return expected;
    }
}

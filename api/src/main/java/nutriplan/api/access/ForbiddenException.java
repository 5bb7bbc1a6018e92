package nutriplan.api.access;

/** The caller is who it says, but its role does not grant the route's scope (403 {@code forbidden}, naming it). */
public final class ForbiddenException extends RuntimeException {

    private final Scope scope;

    public ForbiddenException(Scope scope, String message) {
        super(message, null, false, false);
        this.scope = scope;
    }

    /** The scope the route needs. */
    public Scope scope() {
        return scope;
    }
}

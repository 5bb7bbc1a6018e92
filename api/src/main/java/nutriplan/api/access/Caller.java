package nutriplan.api.access;

import java.util.Objects;
import java.util.Set;

import io.javalin.http.Context;

/**
 * Who is calling, as the access filter decided it: the identity the catalog code records as a change's author, the
 * role that decides which routes it may call, and the catalogs an editor is limited to. Never holds a secret.
 *
 * @param id       "key:np1a2b3c4d5e", "user:ana" or "anonymous": stable, safe to log and to store
 * @param name     for people: the key's or user's name
 * @param via      how it proved who it is
 * @param catalogs the catalogs it may change; empty: every catalog its role may change
 */
public record Caller(String id, String name, Role role, Via via, Set<String> catalogs) {

    /** How a caller proved who it is. */
    public enum Via { ANONYMOUS, KEY, SESSION }

    /** The attribute of a request's context that holds its caller. */
    static final String ATTRIBUTE = "nutriplan.caller";

    /** A caller on a loopback-only service without a credential, when the settings let it plan. */
    public static final Caller ANONYMOUS_PLANNER = new Caller("anonymous", "anonymous", Role.PLANNER, Via.ANONYMOUS, Set.of());

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(via, "via");
        catalogs = Set.copyOf(catalogs);
    }

    /**
     * The caller the access filter set on this request.
     *
     * @throws IllegalStateException on a request the filter set none on (a public route): closed, never a guess
     */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no caller on " + ctx.method() + " " + ctx.path() + ": a public route");
        }
        return caller;
    }

    /** Who the log names for this request: the caller's id, or "anonymous" when the filter set none. */
    public static String idOf(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        return caller == null ? "anonymous" : caller.id();
    }

    public boolean may(Scope scope) {
        return role.grants(scope);
    }

    /** True when the caller may change this catalog: its role writes catalogs and it is not limited to others. */
    public boolean mayWrite(String catalog) {
        return may(Scope.CATALOG_WRITE) && (catalogs.isEmpty() || catalogs.contains(catalog));
    }
}

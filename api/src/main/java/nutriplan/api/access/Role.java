package nutriplan.api.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import nutriplan.catalog.json.JsonEnum;

/** A bundle of scopes a key or a user is given: the least that does the job (OWASP API5). */
public enum Role implements JsonEnum {
    /** The recommendation API and dietitians: plans, targets, presets, reading catalogs. */
    PLANNER(EnumSet.of(Scope.PLAN)),
    /** Catalog maintainers: what a planner may, and changing catalogs (all, or the named ones). */
    EDITOR(EnumSet.of(Scope.PLAN, Scope.CATALOG_WRITE)),
    /** Everything: keys, users, the security log, metrics. */
    ADMIN(EnumSet.of(Scope.PLAN, Scope.CATALOG_WRITE, Scope.ADMIN, Scope.METRICS)),
    /** A metrics scraper: /metrics only. */
    MONITOR(EnumSet.of(Scope.METRICS));

    private final Set<Scope> scopes;

    Role(Set<Scope> scopes) {
        this.scopes = Set.copyOf(scopes);
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    /** True for a public route, and for a scope the role holds. */
    public boolean grants(Scope scope) {
        return scope == Scope.PUBLIC || scopes.contains(scope);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

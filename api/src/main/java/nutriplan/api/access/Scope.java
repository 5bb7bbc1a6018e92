package nutriplan.api.access;

/**
 * What a route needs of its caller (issue 28, docs/API.md "Access"): every route has exactly one, in
 * {@link RouteScopes}. A caller holds the scopes of its {@link Role}.
 */
public enum Scope {
    /** Anyone: health, readiness, the OpenAPI document, Swagger UI, the web form's files, signing in. */
    PUBLIC("public"),
    /** Plans, targets, presets, reading catalogs. */
    PLAN("plan"),
    /** Creating catalogs and changing their products; a caller may be limited to named catalogs. */
    CATALOG_WRITE("catalog:write"),
    /** Keys, users and the security log. */
    ADMIN("admin"),
    /** The Prometheus metrics. */
    METRICS("metrics");

    private final String jsonName;

    Scope(String jsonName) {
        this.jsonName = jsonName;
    }

    /** "catalog:write": as error bodies, keys and the OpenAPI document name it. */
    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}

package nutriplan.api.access.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import nutriplan.api.access.Role;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.product.ProductJson;

/**
 * What a new key is for, as an admin asks for it over HTTP or on the command line.
 *
 * @param name     what the key is for ("recommendation-api"): 1 to 80 printable characters
 * @param catalogs the catalogs an editor's key may change; empty: every catalog. Only an editor's key is limited
 * @param expires  when it stops working; null for never
 */
public record NewKey(String name, Role role, Set<String> catalogs, Instant expires) {

    private static final Pattern NAME = Pattern.compile("[\\p{Graph} ]{1,80}");

    public NewKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        catalogs = Set.copyOf(catalogs);
    }

    /** Reports every fault of the request, each naming its field, against the time {@code now}. */
    public void check(Instant now, Findings findings) {
        if (!NAME.matcher(name).matches() || name.isBlank()) {
            findings.error("name", "expected 1 to 80 printable characters naming what the key is for");
        }
        if (!catalogs.isEmpty() && role != Role.EDITOR) {
            findings.error("catalogs", "only an editor's key is limited to catalogs; a " + role + " key has no catalogs");
        }
        catalogs.stream().filter(catalog -> !ProductJson.ID.matcher(catalog).matches()).sorted().forEach(catalog ->
                findings.error("catalogs", "\"" + (catalog.length() > 80 ? catalog.substring(0, 80) + "…" : catalog)
                        + "\" is not a catalog name"));
        if (expires != null && !expires.isAfter(now)) {
            findings.error("expires", "expected a time in the future, not " + expires);
        }
    }
}

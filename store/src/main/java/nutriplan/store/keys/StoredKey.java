package nutriplan.store.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An API key as the store keeps it: its public id and the SHA-256 digest of the whole key, never the key itself, so
 * that reading the store does not let anyone call the service.
 *
 * @param id         the key's public id (also in the key itself): safe to log and show
 * @param name       what the key is for ("recommendation-api")
 * @param role       "planner", "editor", "admin" or "monitor"
 * @param catalogs   the catalogs an editor's key may change; empty: every catalog
 * @param digest     the whole key's SHA-256 digest, hex; never printed
 * @param created    when it was made
 * @param createdBy  who made it ("key:…", "user:…", "cli", "NUTRIPLAN_ADMIN_KEY")
 * @param expires    when it stops working; null for never
 * @param revoked    when it was revoked; null while not
 * @param lastUsed   when it last proved a caller, to within a minute; null for never
 * @param replacedBy the id of the key a rotation made in its place; null when not rotated
 */
public record StoredKey(String id, String name, String role, Set<String> catalogs, String digest, Instant created,
                        String createdBy, Instant expires, Instant revoked, Instant lastUsed, String replacedBy) {

    public StoredKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(createdBy, "createdBy");
        catalogs = Set.copyOf(catalogs);
    }

    /** True when the key proves its caller at {@code now}: not revoked, not expired. */
    public boolean activeAt(Instant now) {
        return revoked == null && (expires == null || now.isBefore(expires));
    }

    /** "active", "expired" or "revoked", at {@code now}: as listings show it. */
    public String status(Instant now) {
        return revoked != null ? "revoked" : activeAt(now) ? "active" : "expired";
    }

    /** The digest never shows: records get logged. */
    @Override
    public String toString() {
        return "StoredKey[id=" + id + ", name=" + name + ", role=" + role + ", catalogs=" + catalogs
                + ", digest=<hidden>, created=" + created + ", createdBy=" + createdBy + ", expires=" + expires
                + ", revoked=" + revoked + ", lastUsed=" + lastUsed + ", replacedBy=" + replacedBy + "]";
    }
}

package nutriplan.store.users;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A user of the web form as the store keeps it. The store knows nothing of roles or passwords: the role is its name
 * and the password only ever its hash, made and checked in {@code api}.
 *
 * @param name         unique, lower case; the caller's id is "user:" + name
 * @param role         "planner", "editor", "admin" or "monitor"
 * @param catalogs     the catalogs an editor may change; empty: every catalog
 * @param passwordHash the password's bcrypt hash (never the password); never printed
 * @param created      when the user was created
 * @param disabled     when the user was disabled (removed), null while enabled; a disabled user is kept so that its
 *                     name, the author of past changes, is never given to someone else
 */
public record StoredUser(String name, String role, Set<String> catalogs, String passwordHash, Instant created,
                         Instant disabled) {

    public StoredUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(created, "created");
        catalogs = Set.copyOf(catalogs);
    }

    public boolean enabled() {
        return disabled == null;
    }

    /** The hash never shows: records get logged. */
    @Override
    public String toString() {
        return "StoredUser[name=" + name + ", role=" + role + ", catalogs=" + catalogs + ", passwordHash=<hidden>, created="
                + created + ", disabled=" + disabled + "]";
    }
}

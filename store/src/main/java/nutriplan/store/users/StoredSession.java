package nutriplan.store.users;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session as the store keeps it: under the SHA-256 digest of its id, never the id itself, so that
 * reading the store does not let anyone sign in.
 *
 * @param digest   the session id's SHA-256 digest, hex
 * @param user     the signed-in user's name
 * @param created  when the user signed in (the absolute timeout runs from here)
 * @param lastSeen when the session was last used (the idle timeout runs from here), to within a minute
 */
public record StoredSession(String digest, String user, Instant created, Instant lastSeen) {

    public StoredSession {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** The digest never shows: records get logged. */
    @Override
    public String toString() {
        return "StoredSession[digest=<hidden>, user=" + user + ", created=" + created + ", lastSeen=" + lastSeen + "]";
    }
}

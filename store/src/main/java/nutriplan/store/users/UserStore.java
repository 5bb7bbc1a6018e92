package nutriplan.store.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users, their sessions and the first run's setup token, in the same store as the catalogs, so that every replica
 * sees a new user, a disabled one and a signed-out session at once. Secrets are kept only as digests or hashes: a
 * session under its id's digest, the setup token under its digest, a password as its hash.
 *
 * <p>A change that returned has been made durable, as a catalog change is. Every method may throw
 * {@link nutriplan.store.StoreUnavailableException} when the store cannot be reached. Thread-safe.
 */
public interface UserStore {

    /** Every user, disabled ones included, by name. */
    List<StoredUser> users();

    Optional<StoredUser> user(String name);

    /** True when no user was ever created (disabled ones count): the first run's setup is open. */
    boolean isEmpty();

    /** Adds the user; {@link nutriplan.store.StoreConflictException} when the name is taken (by a disabled user too). */
    void create(StoredUser user);

    /** Disables an enabled user and deletes its sessions; false when there is no such enabled user. */
    boolean disable(String name, Instant at);

    void createSession(StoredSession session);

    /** The session stored under this digest, if any (expired ones too, until deleted). */
    Optional<StoredSession> session(String digest);

    /** Records a later use of the session. Not forced to disk: losing it in a crash only ends the session sooner. */
    void touchSession(String digest, Instant lastSeen);

    void deleteSession(String digest);

    /** Deletes the sessions last seen before {@code lastSeenBefore} or created before {@code createdBefore}. */
    long deleteSessions(Instant lastSeenBefore, Instant createdBefore);

    /** Stores a setup token's digest, valid until {@code expires}; tokens expired at {@code now} are dropped meanwhile. */
    void createSetupToken(String digest, Instant now, Instant expires);

    /**
     * Uses up the setup token with this digest: true once, for a token stored and not expired at {@code now}, which is
     * deleted in the same atomic step, so two replicas never both accept it; false otherwise.
     */
    boolean useSetupToken(String digest, Instant now);

    /**
     * Claims the first run, in one atomic step: true once, for whoever creates the first admin, so that two setup
     * links used at once on two replicas make one admin. {@link #releaseFirstRun} when the admin could not be made.
     */
    boolean claimFirstRun();

    /** Gives up a claim of the first run (the admin was not made, or a stale claim at a start with no user). */
    void releaseFirstRun();

    /** Deletes every setup token, and the first run's claim: the other links printed die once the admin exists. */
    void deleteSetupTokens();
}

package nutriplan.api.access.users;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.springframework.security.crypto.bcrypt.BCrypt;

import nutriplan.api.access.Secrets;

/**
 * The web form's passwords, hashed with bcrypt (Spring Security's {@code BCrypt} class alone: the parent pom says why
 * bcrypt). A password is 12 to 72 bytes of UTF-8: bcrypt reads no further than 72, so a longer one is refused rather
 * than silently cut. Checks compare in constant time ({@code BCrypt.checkpw}), and a sign-in for a name nobody has
 * still spends one check on a dummy hash ({@link #spendCheck}), so the time taken does not tell which names exist.
 * Thread-safe.
 */
public final class Passwords {

    /** bcrypt's work factor: 2^12 rounds, about a quarter of a second on one core of the machines it runs on. */
    public static final int DEFAULT_COST = 12;
    public static final int MIN_BYTES = 12;
    /** bcrypt's own limit: the bytes after the 72nd do not count. */
    public static final int MAX_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;
    /** A hash of a random password at the same cost, made on first need (it costs what a check costs). */
    private volatile String dummyHash;

    public Passwords() {
        this(DEFAULT_COST);
    }

    /** @param cost bcrypt's log2 of its rounds, 4 to 31: tests use 4 */
    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("the bcrypt cost (" + cost + ") must be from 4 to 31");
        }
        this.cost = cost;
    }

    /**
     * What is wrong with a new password, for a 400 at {@code field}; null when it will do. Never repeats the password.
     */
    public static String fault(String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            return "is too short (" + bytes + " bytes): a password needs at least " + MIN_BYTES + " bytes of UTF-8;"
                    + " a few words make a long one that is easy to remember";
        }
        if (bytes > MAX_BYTES) {
            return "is too long (" + bytes + " bytes): bcrypt reads at most " + MAX_BYTES + " bytes of UTF-8";
        }
        return null;
    }

    /**
     * The password's bcrypt hash, with a fresh salt.
     *
     * @throws IllegalArgumentException when {@link #fault} finds something wrong with it
     */
    public String hash(String password) {
        var fault = fault(password);
        if (fault != null) {
            throw new IllegalArgumentException("password " + fault);
        }
        return BCrypt.hashpw(password, BCrypt.gensalt(cost, RANDOM));
    }

    /** True when the password is the one hashed; false for any other, and for one bcrypt cannot read. */
    public boolean matches(String password, String hash) {
        if (fault(password) != null) {
            spendCheck();
            return false;
        }
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** Spends the time of one check, for a sign-in whose user does not exist. */
    public void spendCheck() {
        var dummy = dummyHash;
        if (dummy == null) {
            dummy = BCrypt.hashpw(randomPassword(), BCrypt.gensalt(cost, RANDOM));
            dummyHash = dummy;
        }
        BCrypt.checkpw(randomPassword(), dummy);
    }

    private static String randomPassword() {
        return Secrets.random();
    }
}

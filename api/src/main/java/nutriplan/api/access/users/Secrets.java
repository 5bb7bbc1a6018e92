package nutriplan.api.access.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The random secrets of signing in (a session id, a setup token) and the digests they are stored and compared as.
 * A secret is 256 random bits as 43 characters of unpadded base64url; the store keeps only its SHA-256 digest.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** What {@link #random} makes: anything else cannot be a secret of ours and is refused before a look-up. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Secrets() {
    }

    /** 256 random bits, base64url without padding (43 characters). */
    static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** True when the text has the shape of a secret {@link #random} makes. */
    static boolean wellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** The secret's SHA-256 digest in hex: the store's key for it. */
    static String digest(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** SHA-256 of a label and the secret, base64url: a value derived from the secret that reveals nothing of it. */
    static String derived(String label, String secret) {
        return BASE64URL.encodeToString(sha256(label + "\u0000" + secret));
    }

    /** Compares two texts in time that depends on their lengths only. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

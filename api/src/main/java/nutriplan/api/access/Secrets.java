package nutriplan.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The random secrets of access (an API key's secret part, a session id, a setup token) and the digests they are
 * stored and compared as. A secret is 256 random bits as 43 characters of unpadded base64url; the store keeps only a
 * SHA-256 digest.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** What {@link #random} makes: anything else cannot be a secret of ours and is refused before a look-up. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Secrets() {
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** True when the text has the shape of a secret {@link #random} makes. */
    public static boolean wellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** The secret's SHA-256 digest in hex: the store's key for it. */
    public static String digest(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** SHA-256 of a label and the secret, base64url: a value derived from the secret that reveals nothing of it. */
    public static String derived(String label, String secret) {
        return BASE64URL.encodeToString(sha256(label + "\u0000" + secret));
    }

    /** Compares two texts in time that depends on their lengths only. */
    public static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The text's SHA-256 digest. */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package nutriplan.api.access.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import nutriplan.api.access.Secrets;

/**
 * An API key in its one format, {@code npk_<id>_<secret><checksum>}, as GitHub's and Stripe's are made:
 * <ul>
 *   <li>{@code npk_} — a prefix that secret scanners and people recognise;</li>
 *   <li>the public id — 12 characters of lower-case base32 (60 bits): how the store finds the key, and what logs,
 *       listings and the caller's identity show ({@code key:<id>});</li>
 *   <li>the secret — 32 random bytes (256 bits) from {@link SecureRandom}, base64url, 43 characters ({@link Secrets#random});</li>
 *   <li>the checksum — CRC-32 of everything before it, 6 base62 characters: a mistyped or truncated key is refused
 *       without a store lookup, and a scanner can tell a real key from lookalike text.</li>
 * </ul>
 * The store keeps only the SHA-256 digest of the whole key; a presented key is found by its id and compared in
 * constant time ({@link #matches}).
 *
 * @param id   the public id
 * @param text the whole key: a secret, never logged or stored
 */
public record ApiKey(String id, String text) {

    public static final String PREFIX = "npk_";
    private static final Pattern FORMAT = Pattern.compile("npk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})([0-9A-Za-z]{6})");
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key with a fresh id and secret. */
    public static ApiKey generate() {
        var id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(BASE32.charAt(RANDOM.nextInt(BASE32.length())));
        }
        var body = PREFIX + id + "_" + Secrets.random();
        return new ApiKey(id.toString(), body + checksum(body));
    }

    /** The key this text holds, when it is one: the format and its checksum right. */
    public static Optional<ApiKey> parse(String text) {
        var match = FORMAT.matcher(text);
        if (!match.matches()) {
            return Optional.empty();
        }
        var body = text.substring(0, text.length() - 6);
        return checksum(body).equals(match.group(3)) ? Optional.of(new ApiKey(match.group(1), text)) : Optional.empty();
    }

    /** The whole key's SHA-256 digest, hex: what the store keeps. */
    public String digest() {
        return Secrets.digest(text);
    }

    /** True when this key is the one whose digest is stored, compared in constant time. */
    public boolean matches(String storedDigest) {
        return MessageDigest.isEqual(Secrets.sha256(text), HexFormat.of().parseHex(storedDigest));
    }

    /** The key never shows: records get logged. */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", text=<hidden>]";
    }

    private static String checksum(String body) {
        var crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        var digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}

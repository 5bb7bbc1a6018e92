package nutriplan.api.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import nutriplan.api.errors.TooLargeException;
import nutriplan.api.errors.UnsupportedMediaTypeException;
import nutriplan.catalog.json.InvalidInputException;

/**
 * Request bodies sent compressed ({@code Content-Encoding}): gzip is decoded, with the decoded size held to the same
 * limit as a plain body, so that a small "gzip bomb" is a 413 and never fills the heap; {@code identity} is the
 * plain body; any other encoding is a 415 that names it. Gzip is what HTTP clients that compress request bodies
 * send; deflate's two incompatible variants and brotli are rare enough to refuse clearly.
 */
final class ContentEncodings {

    private ContentEncodings() {
    }

    /**
     * Whether the body is gzip-compressed, by its Content-Encoding header; checked before the body is read.
     *
     * @param encoding the Content-Encoding header, or null
     * @throws UnsupportedMediaTypeException for an encoding other than gzip or identity, or several of them
     */
    static boolean isGzip(String encoding) {
        var name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "identity" -> false;
            case "gzip", "x-gzip" -> true;
            default -> throw new UnsupportedMediaTypeException("the body's Content-Encoding \"" + shortened(encoding)
                    + "\" is not supported; send the body uncompressed or with Content-Encoding: gzip");
        };
    }

    /**
     * The decompressed body.
     *
     * @param maxBytes the largest decoded body accepted
     * @throws TooLargeException     when the decoded body is over {@code maxBytes}
     * @throws InvalidInputException when the body is not valid gzip
     */
    static byte[] gunzip(byte[] body, long maxBytes) {
        var decoded = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        long total = 0;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                total += read;
                if (total > maxBytes) {
                    throw new TooLargeException("", "the body decompresses to more than the limit of " + maxBytes
                            + " bytes (Content-Encoding: gzip)");
                }
                decoded.write(buffer, 0, read);
            }
        } catch (IOException e) { // ZipException, EOFException: not gzip, or cut short
            throw InvalidInputException.of("", "the body is not valid gzip (Content-Encoding: gzip): "
                    + (e.getMessage() == null ? "it ends too early" : e.getMessage()));
        }
        return decoded.toByteArray();
    }

    private static String shortened(String text) {
        var oneLine = text.strip();
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}

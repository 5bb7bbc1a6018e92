package nutriplan.api.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, as the simplest clients speak it: the whole request is written before a byte of
 * the answer is read (Python's urllib, http.client and requests do this). Java's own HttpClient reads while it
 * writes, so it cannot show what such a client sees. Also used to send requests no well-behaved client would.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The final answer (interim 1xx answers skipped): status, headers with lower-case names, body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A request head: request line and headers, CRLF-terminated, with the blank line that ends it. */
    public static byte[] head(String requestLine, String... headers) {
        var head = new StringBuilder(requestLine).append("\r\n");
        for (var header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes every byte of {@code request} (head and body), then reads the answer until the server closes the
     * connection or sends a complete answer to a {@code Connection: close} request.
     *
     * @throws IOException when the connection is reset or times out: what a client sees as a broken pipe or a hang
     */
    public static Response writeAllThenRead(int port, byte[] request, Duration timeout) throws IOException {
        return writeAllThenRead(port, request, timeout, false);
    }

    /** The same for a request whose answer has no body whatever its headers say ({@code HEAD}). */
    public static Response writeAllThenRead(int port, byte[] request, Duration timeout, boolean head) throws IOException {
        return writeAllThenRead(port, request, timeout, head, InetAddress.getLoopbackAddress());
    }

    /** The same from another address of the loopback (127.0.0.0/8): a caller of its own, for the failure limit. */
    public static Response writeAllThenRead(int port, byte[] request, Duration timeout, boolean head, InetAddress from)
            throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            socket.setSoTimeout((int) timeout.toMillis());
            var out = socket.getOutputStream();
            for (int offset = 0; offset < request.length; offset += 64 * 1024) {
                out.write(request, offset, Math.min(64 * 1024, request.length - offset));
            }
            out.flush();
            return read(new java.io.BufferedInputStream(socket.getInputStream()), head);
        }
    }

    /** The head and the body of one request as one array. */
    public static byte[] concat(byte[] head, byte[] body) {
        var all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** A body in chunked transfer coding, in chunks of {@code chunkSize}. */
    public static byte[] chunked(byte[] body, int chunkSize) {
        var out = new ByteArrayOutputStream(body.length + body.length / Math.max(1, chunkSize) * 8 + 16);
        for (int offset = 0; offset < body.length; offset += chunkSize) {
            int length = Math.min(chunkSize, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Reads the final answer of a stream; interim 1xx answers are skipped. */
    public static Response read(InputStream in) throws IOException {
        return read(in, false);
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        while (true) {
            var statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("the connection closed before an answer");
            }
            var parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            var headers = new LinkedHashMap<String, String>();
            for (String line; (line = line(in)) != null && !line.isEmpty(); ) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                            (a, b) -> a + ", " + b);
                }
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            return new Response(status, headers, head ? new byte[0] : body(in, headers, status));
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers, int status) throws IOException {
        if (status == 204 || status == 304) {
            return new byte[0];
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var out = new ByteArrayOutputStream();
            for (String size; (size = line(in)) != null; ) {
                int length = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (length == 0) {
                    while (true) { // trailers
                        var trailer = line(in);
                        if (trailer == null || trailer.isEmpty()) {
                            break;
                        }
                    }
                    return out.toByteArray();
                }
                out.write(in.readNBytes(length));
                line(in);
            }
            throw new IOException("the chunked body ended early");
        }
        var length = headers.get("content-length");
        if (length != null) {
            var body = in.readNBytes(Integer.parseInt(length));
            if (body.length < Integer.parseInt(length)) {
                throw new IOException("the body ended early: " + body.length + " of " + length + " bytes");
            }
            return body;
        }
        return in.readAllBytes();
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                var bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}

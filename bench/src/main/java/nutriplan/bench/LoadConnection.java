package nutriplan.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client: one keep-alive connection, requests encoded once up front, answers read to
 * their last byte and dropped. It costs the shared cores a few syscalls a request, where the JDK's
 * {@code HttpClient} spends more CPU per request than a {@code GET /health} costs the service, so what the
 * benchmark measures is the service. It follows {@code Content-Length}, chunked bodies and
 * {@code Connection: close} (reconnecting for the next request); nothing else of HTTP is needed here.
 */
final class LoadConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private Socket socket;
    /** Where the body being read goes; null: dropped. */
    private ByteArrayOutputStream kept;
    private InputStream in;
    private OutputStream out;

    LoadConnection(InetSocketAddress address) {
        this.address = address;
    }

    /** A request as bytes on the wire, built once and sent many times. */
    static byte[] get(InetSocketAddress address, String path) {
        return head("GET", address, path, "").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] postJson(InetSocketAddress address, String path, byte[] body) {
        var head = head("POST", address, path, "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        var request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    private static String head(String method, InetSocketAddress address, String path, String fields) {
        return method + " " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort() + "\r\n" + fields + "\r\n";
    }

    /** A GET on a fresh connection, its whole body returned (the soak reads /metrics this way). */
    static byte[] getBody(InetSocketAddress address, String path) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(address, 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head("GET", address, path, "Connection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int body = answer.indexOf("\r\n\r\n");
            return answer.substring(body < 0 ? answer.length() : body + 4).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** An answer whose body was kept. */
    record Answer(int status, byte[] body) {
    }

    /** Sends the request and reads the whole answer; returns its status code. */
    int exchange(byte[] request) throws IOException {
        return exchange(request, null);
    }

    /** Sends the request and reads the whole answer, keeping its body (a batch's results are counted from it). */
    Answer exchangeKeepingBody(byte[] request) throws IOException {
        var body = new ByteArrayOutputStream();
        int status = exchange(request, body);
        return new Answer(status, body.toByteArray());
    }

    private int exchange(byte[] request, ByteArrayOutputStream body) throws IOException {
        this.kept = body;
        try {
            if (socket == null) {
                connect();
            }
            out.write(request);
            out.flush();
            return readResponse();
        } catch (NumberFormatException e) {
            close();
            throw new IOException("a malformed answer: " + e.getMessage(), e);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private int readResponse() throws IOException {
        var statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (var field = line(); !field.isEmpty(); field = line()) {
            int colon = field.indexOf(':');
            var name = field.substring(0, Math.max(colon, 0)).toLowerCase(Locale.ROOT);
            var value = field.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closing = value.contains("close");
                default -> { }
            }
        }
        if (chunked) {
            skipChunks();
        } else if (length >= 0) {
            skip(length);
        } else {
            closing = true; // the body runs to the end of the connection
            while (in.read() >= 0) {
                // drop it
            }
        }
        if (closing) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
            skip(size);
            line();
        }
        while (!line().isEmpty()) {
            // trailer fields
        }
    }

    private long chunkSize() throws IOException {
        var line = line();
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private void skip(long bytes) throws IOException {
        if (kept != null) {
            var read = in.readNBytes((int) bytes);
            kept.write(read, 0, read.length);
            if (read.length < bytes) {
                throw new EOFException("the connection closed before the end of the body");
            }
            return;
        }
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the connection closed " + left + " bytes before the end of the body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One line without its CRLF. */
    private String line() throws IOException {
        var line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed in the middle of an answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}

package nutriplan.catalog.foodtable;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A small reader for gzip-compressed tar archives (such as the tarballs {@code npm pack} makes):
 * enough of POSIX ustar, pax ({@code path=}) and GNU long names ({@code L}) to find one regular file
 * by its path and return its bytes. Test-scope helper; no dependencies beyond the JDK.
 */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {}

    /**
     * Returns the content of the regular file {@code entryPath} (e.g. {@code package/index.csv}) in
     * the .tgz, or empty when the archive has no such file.
     *
     * @param maxBytes largest entry that will be read into memory
     * @throws IOException on a truncated or malformed archive, or an entry over {@code maxBytes}
     */
    static Optional<byte[]> readEntry(Path tgz, String entryPath, long maxBytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz)), 1 << 16)) {
            return readEntry(in, entryPath, maxBytes);
        }
    }

    /** As {@link #readEntry(Path, String, long)}, on an already decompressed tar stream. */
    static Optional<byte[]> readEntry(InputStream tar, String entryPath, long maxBytes) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null; // from a pax 'path' record or a GNU 'L' entry, for the next entry
        while (true) {
            if (!readBlockOrEnd(tar, header)) {
                return Optional.empty(); // end of stream without the two zero blocks: tolerated
            }
            if (isZero(header)) {
                return Optional.empty(); // end-of-archive marker
            }
            verifyChecksum(header);
            long size = parseNumber(header, 124, 12, "size");
            char type = (char) (header[156] == 0 ? '0' : header[156]);
            String name = longName != null ? longName : headerName(header);
            longName = null;

            switch (type) {
                case 'x' -> longName = paxPath(readData(tar, size, 1 << 20, "pax header"));
                case 'L' -> longName = cString(readData(tar, size, 1 << 20, "GNU long name"));
                case '0', '7' -> {
                    if (stripDotSlash(name).equals(stripDotSlash(entryPath))) {
                        return Optional.of(readData(tar, size, maxBytes, name));
                    }
                    skipData(tar, size);
                }
                default -> skipData(tar, size); // directories, links, global pax headers, ...
            }
        }
    }

    private static String headerName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        if (ustar) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String paxPath(byte[] data) throws IOException {
        // records: "<len> <key>=<value>\n", len counting the whole record in bytes
        String path = null;
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("malformed pax header record at byte " + pos);
            }
            if (len <= space - pos || pos + len > data.length) {
                throw new IOException("malformed pax header record length at byte " + pos);
            }
            String rec = new String(data, space + 1, pos + len - space - 2, StandardCharsets.UTF_8);
            if (rec.startsWith("path=")) {
                path = rec.substring("path=".length());
            }
            pos += len;
        }
        return path;
    }

    private static String stripDotSlash(String s) {
        return s.startsWith("./") ? s.substring(2) : s;
    }

    private static String cString(byte[] b) {
        return cString(b, 0, b.length);
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long parseNumber(byte[] h, int off, int len, String field) throws IOException {
        if ((h[off] & 0x80) != 0) { // GNU base-256 for large values
            long v = h[off] & 0x7f;
            for (int i = off + 1; i < off + len; i++) {
                if (v > (Long.MAX_VALUE >> 8)) {
                    throw new IOException("tar header " + field + " too large");
                }
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        long v = 0;
        boolean digits = false;
        for (int i = off; i < off + len; i++) {
            byte c = h[i];
            if (c == 0 || (c == ' ' && digits)) {
                break;
            }
            if (c == ' ') {
                continue; // leading spaces
            }
            if (c < '0' || c > '7') {
                throw new IOException("tar header " + field + " is not octal");
            }
            v = v * 8 + (c - '0');
            digits = true;
        }
        return v;
    }

    private static void verifyChecksum(byte[] h) throws IOException {
        long stored = parseNumber(h, 148, 8, "checksum");
        long unsigned = 0;
        for (int i = 0; i < BLOCK; i++) {
            unsigned += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (stored != unsigned) {
            throw new IOException("tar header checksum mismatch (not a tar archive, or corrupt)");
        }
    }

    private static byte[] readData(InputStream in, long size, long max, String what) throws IOException {
        if (size > max || size > Integer.MAX_VALUE - 16) {
            throw new IOException(what + " is " + size + " bytes, over the limit of " + max);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw new EOFException("tar archive truncated inside " + what);
        }
        skipFully(in, padding(size));
        return data;
    }

    private static void skipData(InputStream in, long size) throws IOException {
        skipFully(in, size + padding(size));
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new EOFException("tar archive truncated");
        }
    }

    private static boolean readBlockOrEnd(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n != BLOCK) {
            throw new EOFException("tar archive truncated in a header block");
        }
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}

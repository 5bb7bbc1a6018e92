package nutriplan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The default store when no {@code MONGODB_URI} is set: a MongoDB-wire-compatible server (mongo-java-server)
 * in this process, on loopback, persisting to one H2 MVStore file under the data directory. The service talks to
 * it with the same driver code as to MongoDB.
 *
 * <p>Durability: the MVStore writes on its own only about once a second, so an acknowledged write could be lost
 * if the process died in between. {@link #commit()} writes it to the file; the store calls it after every change,
 * before the change returns (~150 µs). Committing that often leaves dead space behind, so every
 * {@value #COMPACT_EVERY} commits the file is compacted (live pages moved, the file shrunk), which keeps it from
 * growing without bound.
 *
 * <p>Torn writes: when the file's tail is lost (a write cut short by a power cut, a full disk, a bad copy), the
 * MVStore opens silently at its last intact version, without the changes acknowledged after it. So every commit
 * also records the version it reached in a small file beside the store ({@value #ACKNOWLEDGED_FILE_NAME}), and a
 * store that opens below the version recorded there refuses to start, saying so: a clear error, never a silent
 * loss of acknowledged changes.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** The file under the data directory. */
    public static final String FILE_NAME = "nutriplan.mv.db";
    /** Beside it: the store's version after the last acknowledged change, eight bytes. */
    public static final String ACKNOWLEDGED_FILE_NAME = "nutriplan.acknowledged";
    private static final int COMPACT_EVERY = 1000;
    /** Milliseconds a compaction may take; it resumes at the next one. */
    private static final int COMPACT_TIME_MS = 200;

    private final MVStore file;
    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final FileChannel acknowledged;
    private int commitsSinceCompaction;

    private EmbeddedMongo(MVStore file, H2Backend backend, MongoServer server, InetSocketAddress address,
                          FileChannel acknowledged) {
        this.file = file;
        this.backend = backend;
        this.server = server;
        this.address = address;
        this.acknowledged = acknowledged;
    }

    /**
     * Opens (or creates) the store in {@code dataDirectory} and serves it on a free loopback port.
     *
     * @throws IllegalStateException when the file is in use by another process or cannot be opened
     */
    public static EmbeddedMongo start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /** The same on a given loopback port (0: a free one); a test restarts a store where its clients expect it. */
    public static EmbeddedMongo start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
        var path = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
        MVStore file;
        try {
            file = new MVStore.Builder().fileName(path.toString()).open();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the catalog store " + path + " (" + e.getMessage()
                    + ")\nMaybe another nutriplan is running on the same NUTRIPLAN_DATA_DIR.", e);
        }
        var acknowledged = openAcknowledged(dataDirectory.resolve(ACKNOWLEDGED_FILE_NAME), file, path);
        var backend = new H2Backend(file);
        var server = new MongoServer(backend);
        try {
            server.bind(InetAddress.getLoopbackAddress().getHostAddress(), port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("cannot serve the catalog store on port " + port + ": " + e.getMessage(), e);
        }
        return new EmbeddedMongo(file, backend, server, server.getLocalAddress(), acknowledged);
    }

    /**
     * The record of the last acknowledged version, after checking that the store holds it.
     *
     * @throws IllegalStateException when the store opened below that version: acknowledged changes are missing
     */
    private static FileChannel openAcknowledged(Path record, MVStore file, Path storePath) {
        try {
            var channel = FileChannel.open(record, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            var bytes = ByteBuffer.allocate(Long.BYTES);
            long lastAcknowledged = channel.read(bytes, 0) == Long.BYTES ? bytes.flip().getLong() : -1;
            long opened = file.getCurrentVersion();
            if (lastAcknowledged > opened) {
                channel.close();
                file.closeImmediately();
                throw new IllegalStateException("the catalog store " + storePath + " ends before its last acknowledged"
                        + " change: it opened at store version " + opened + ", but changes up to store version " + lastAcknowledged
                        + " were acknowledged (" + record.getFileName() + "). The end of the file was lost, e.g. to a write"
                        + " cut short. Nothing was changed.\nMaybe restore the data directory from a backup; to start anyway"
                        + " with what is left, delete " + record + ".");
            }
            return channel;
        } catch (IOException e) {
            file.closeImmediately();
            throw new UncheckedIOException("cannot open " + record, e);
        }
    }

    public int port() {
        return address.getPort();
    }

    /** The URI the driver connects with. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/nutriplan";
    }

    /** Writes every acknowledged change to the file now; compacts it now and then. */
    public synchronized void commit() {
        backend.commit();
        recordAcknowledged(file.getCurrentVersion());
        if (++commitsSinceCompaction >= COMPACT_EVERY) {
            commitsSinceCompaction = 0;
            file.compactFile(COMPACT_TIME_MS);
        }
    }

    /** One positional write of eight bytes, as durable as the commit before it (both reach the OS at once). */
    private void recordAcknowledged(long version) {
        try {
            acknowledged.write(ByteBuffer.allocate(Long.BYTES).putLong(0, version), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the acknowledged version in " + ACKNOWLEDGED_FILE_NAME, e);
        }
    }

    /** The data file's size in bytes. */
    public long fileSize() {
        return file.getFileStore().size();
    }

    /** Stops serving, then closes the file cleanly (committed and compacted). */
    @Override
    public synchronized void close() {
        server.shutdownNow();
        if (!file.isClosed()) {
            file.close(COMPACT_TIME_MS);
        }
        try {
            acknowledged.close();
        } catch (IOException e) {
            // closing a file only written with positional writes loses nothing
        }
    }
}

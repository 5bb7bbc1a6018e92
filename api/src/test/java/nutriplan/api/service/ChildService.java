package nutriplan.api.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code nutriplan serve} in a child JVM on a free port of the loopback, over the embedded store in {@code data},
 * seeded with {@link TestService#ADMIN_KEY}; its standard output and error go to a log file in {@code data}. For
 * tests that kill the service, or read every line it writes at its production log level.
 */
public record ChildService(Process process, int port, Path log) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param environment variables beyond the defaults here (which they override)
     * @param jvmOptions  options for the child JVM, before its main class
     */
    public static ChildService start(Path data, Map<String, String> environment, List<String> jvmOptions) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "nutriplan.api.cli.Main", "serve"));
        var log = data.resolve("service-" + port + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("NUTRIPLAN_DATA_DIR", data.toString());
        builder.environment().put("CATALOG_DIR", TestService.CATALOG_DIRECTORY.toAbsolutePath().toString());
        builder.environment().put("WARM_UP_ROUNDS", "0");
        builder.environment().remove("MONGODB_URI");
        builder.environment().put("NUTRIPLAN_ADMIN_KEY", TestService.ADMIN_KEY);
        builder.environment().putAll(environment);
        var child = new ChildService(builder.start(), port, log);
        child.awaitReady();
        return child;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (get("/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not get ready; its log: " + log);
    }

    /** A request with the admin key. */
    public HttpRequest.Builder request(String path) {
        return anonymous(path).header("Authorization", "Bearer " + TestService.ADMIN_KEY);
    }

    public HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> get(String path) throws IOException {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Everything the service wrote so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the service stops gracefully. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}

package nutriplan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The soak: the service started with {@code ./nutriplan serve} on a loopback port, under a steady mixed
 * load for a bounded time, then stopped. Every second {@code --rate} requests are started, spread over the second:
 * 70 % plans (the {@code data/requests} examples in turn), 20 % catalog reads (a filtered list, one product, the
 * catalog list), 10 % catalog writes (a product put into a catalog of its own, over 200 ids in turn, so that the
 * catalog stays the same size). After a warm-up under the same load, each minute it prints the requests by status,
 * p50 and p99, and the service's heap after a full GC; at start and end, its threads and open files. It stops by
 * itself.
 */
public final class SoakBenchmark {

    private static final String USAGE = """
            usage: bench/soak [--minutes N] [--warm-up SECONDS] [--rate N] [--clients N] [--heap SIZE] [--data DIR]
              --minutes N   how long the measured load runs (default 10)
              --warm-up S   the same load first, not measured, so that minute 1 is not the JIT's (default 30)
              --rate N      requests started a second (default 200)
              --clients N   keep-alive connections sending them (default 8)
              --heap SIZE   the service's -Xmx (default 256m)
            """;
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)$", Pattern.MULTILINE);
    private static final int WRITE_IDS = 200;

    private record Options(int minutes, int warmUpSeconds, int rate, int clients, String heap, Path data, boolean help) {

        static Options parse(String[] args) {
            var arguments = Bench.Arguments.of(args, List.of("--help", "-h"), List.of("--minutes", "--warm-up", "--rate", "--clients", "--heap", "--data"));
            var values = arguments.values();
            return new Options(Bench.positive("--minutes", values.getOrDefault("--minutes", "10")),
                    Bench.positive("--warm-up", values.getOrDefault("--warm-up", "30")),
                    Bench.positive("--rate", values.getOrDefault("--rate", "200")),
                    Bench.positive("--clients", values.getOrDefault("--clients", "8")), values.getOrDefault("--heap", "256m"),
                    Path.of(values.getOrDefault("--data", "data")), arguments.flags().contains("--help") || arguments.flags().contains("-h"));
        }
    }

    /** One minute's answers: latencies (ns) and a count per status ("IOException": no answer). */
    private static final class Minute {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

        void record(String status, long nanos) {
            latencies.add(nanos);
            statuses.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
        }

        double percentileMs(int percent) {
            return Bench.percentile(latencies.stream().mapToDouble(nanos -> nanos / 1e6).toArray(), percent);
        }
    }

    public static void main(String[] args) throws Exception {
        var options = Bench.optionsOrExit(args, Options::parse, Options::help, USAGE);
        if (options != null) {
            new SoakBenchmark().run(options);
        }
    }

    private void run(Options options) throws Exception {
        int port = freePort();
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        var service = startService(options, port);
        try (var setup = new LoadConnection(address)) {
            awaitReady(setup, address);
            int created = setup.exchange(LoadConnection.postJson(address, "/api/v1/catalogs",
                    "{\"name\": \"soak\", \"from\": \"default\"}".getBytes(StandardCharsets.UTF_8)));
            System.out.printf("service pid %d on %s, catalog \"soak\" created: %d%n", service.pid(), address, created);
            var requests = mix(address, options.data());
            System.out.printf("start: %d threads, %d open files%n", threads(service), openFiles(service));
            System.out.printf("load: %d requests/s for %d s of warm-up, then %d minutes over %d connections (70 %% plans,"
                    + " 20 %% catalog reads, 10 %% writes)%n%n", options.rate(), options.warmUpSeconds(), options.minutes(), options.clients());
            System.out.println("| minute | requests | by status | p50 ms | p99 ms | heap after GC MiB |");
            System.out.println("| ---: | ---: | --- | ---: | ---: | ---: |");
            var minutes = new ArrayList<Minute>();
            long start = System.nanoTime();
            var workers = new ArrayList<Thread>();
            var current = new java.util.concurrent.atomic.AtomicReference<Minute>(new Minute()); // the warm-up's, dropped
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) * options.clients() / options.rate();
            long measured = start + TimeUnit.SECONDS.toNanos(options.warmUpSeconds());
            long end = measured + TimeUnit.MINUTES.toNanos(options.minutes());
            for (int c = 0; c < options.clients(); c++) {
                int client = c;
                workers.add(Thread.ofPlatform().name("soak-" + c).start(() -> drive(address, requests, client, options.clients(),
                        start + intervalNanos * client / options.clients(), intervalNanos, end, current)));
            }
            sleepUntil(measured);
            current.set(new Minute());
            minutes.add(current.get());
            for (int minute = 1; minute <= options.minutes(); minute++) {
                sleepUntil(measured + TimeUnit.MINUTES.toNanos(minute));
                var done = current.getAndSet(new Minute());
                minutes.add(current.get());
                System.out.println(row(minute, done, heapAfterGc(service, address)));
            }
            for (var worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(40));
            }
            System.out.printf("%nend: %d threads, %d open files%n", threads(service), openFiles(service));
            var first = minutes.get(0).percentileMs(99);
            var worst = minutes.subList(0, options.minutes()).stream().mapToDouble(m -> m.percentileMs(99)).max().orElse(0);
            System.out.printf(Locale.ROOT, "p99: first minute %.2f ms, worst minute %.2f ms (%+.0f %%)%n", first, worst, (worst / first - 1) * 100);
        } finally {
            service.destroy();
            service.waitFor(40, TimeUnit.SECONDS);
        }
    }

    /** The requests of one client, in turn: 7 plans, 2 reads and 1 write in every 10, paced to its share of the rate. */
    private static void drive(InetSocketAddress address, List<List<byte[]>> requests, int client, int clients, long first,
                              long interval, long end, java.util.concurrent.atomic.AtomicReference<Minute> current) {
        var plans = requests.get(0);
        var reads = requests.get(1);
        var writes = requests.get(2);
        var connection = new LoadConnection(address);
        long next = first;
        for (long i = client; next < end; i += clients, next += interval) {
            sleepUntil(next);
            int slot = (int) (i % 10);
            var request = slot < 7 ? plans.get((int) (i % plans.size())) : slot < 9 ? reads.get((int) (i % reads.size()))
                    : writes.get((int) (i / 10 % writes.size()));
            long sent = System.nanoTime();
            String status;
            try {
                status = Integer.toString(connection.exchange(request));
            } catch (IOException e) {
                status = "IOException";
            }
            current.get().record(status, System.nanoTime() - sent);
        }
        connection.close();
    }

    private static List<List<byte[]>> mix(InetSocketAddress address, Path data) throws IOException {
        var plans = new ArrayList<byte[]>();
        try (var files = Files.list(data.resolve("requests"))) {
            for (var file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                plans.add(LoadConnection.postJson(address, "/api/v1/plans", Files.readAllBytes(file)));
            }
        }
        var reads = List.of(LoadConnection.get(address, "/api/v1/catalogs/soak/products?kind=gel&tag=caffeine-free"),
                LoadConnection.get(address, "/api/v1/catalogs/soak/products/gatorade-thirst-quencher-20oz"),
                LoadConnection.get(address, "/api/v1/catalogs"));
        var writes = new ArrayList<byte[]>();
        for (int i = 0; i < WRITE_IDS; i++) {
            var id = "soak-gel-" + i;
            var body = ("{\"id\": \"" + id + "\", \"name\": \"Soak gel " + i + "\", \"kind\": \"gel\", \"serving\": \"40 g\","
                    + " \"nutrients\": {\"energy\": \"100 kcal\", \"carbohydrate\": \"25 g\", \"sodium\": \"" + (i % 90) + " mg\"},"
                    + " \"source\": \"label: soak\"}").getBytes(StandardCharsets.UTF_8);
            var head = ("PUT /api/v1/catalogs/soak/products/" + id + " HTTP/1.1\r\nHost: " + address.getHostString() + ":"
                    + address.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            var request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            writes.add(request);
        }
        return List.of(plans, reads, writes);
    }

    private static String row(int minute, Minute done, double heapMiB) {
        var statuses = new TreeMap<String, Long>();
        done.statuses.forEach((status, count) -> statuses.put(status, count.get()));
        return String.format(Locale.ROOT, "| %d | %d | %s | %.2f | %.2f | %.1f |", minute, done.latencies.size(), statuses,
                done.percentileMs(50), done.percentileMs(99), heapMiB);
    }

    /** A full GC in the service ({@code jcmd GC.run}), then its heap in use from /metrics. */
    private static double heapAfterGc(Process service, InetSocketAddress address) throws Exception {
        var jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        var gc = new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gc.waitFor(30, TimeUnit.SECONDS);
        var metrics = new String(LoadConnection.getBody(address, "/metrics"), StandardCharsets.UTF_8);
        var matcher = HEAP_USED.matcher(metrics);
        double bytes = 0;
        while (matcher.find()) {
            bytes += Double.parseDouble(matcher.group(1));
        }
        return bytes / (1024 * 1024);
    }

    private static Process startService(Options options, int port) throws IOException {
        var launcher = options.data().toAbsolutePath().resolveSibling("nutriplan");
        var log = Path.of(System.getProperty("java.io.tmpdir"), "nutriplan-soak.log");
        var builder = new ProcessBuilder(launcher.toString(), "serve").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JDK_JAVA_OPTIONS", "-Xmx" + options.heap());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("CATALOG_DIR", options.data().resolve("catalogs").toString());
        builder.environment().put("NUTRIPLAN_DATA_DIR", Files.createTempDirectory("nutriplan-soak").toString());
        builder.environment().remove("MONGODB_URI");
        System.out.println("service: -Xmx" + options.heap() + " " + launcher + " serve (log: " + log + ")");
        return builder.start();
    }

    private static void awaitReady(LoadConnection connection, InetSocketAddress address) throws InterruptedException {
        var ready = LoadConnection.get(address, "/ready");
        for (int i = 0; i < 600; i++) {
            try {
                if (connection.exchange(ready) == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not get ready in 60 s");
    }

    /** Threads of a process, from /proc. */
    private static long threads(Process process) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("Threads:")).mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Open file descriptors of a process (files, sockets, pipes), from /proc. */
    private static long openFiles(Process process) {
        try (var fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

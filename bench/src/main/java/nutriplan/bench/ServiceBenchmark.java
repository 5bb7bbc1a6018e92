package nutriplan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import nutriplan.api.catalogs.CatalogDirectory;
import nutriplan.api.plans.PlanBatchRoutes;
import nutriplan.api.plans.PlanRequestJson;
import nutriplan.api.plans.PlanRoutes;
import nutriplan.api.plans.PlanService;
import nutriplan.planner.request.PlanRequest;

/**
 * The service under load: starts {@code api/target/nutriplan.jar} as its own process on a free port of
 * the loopback, then, in this JVM, concurrent clients post the {@code data/requests} examples to it, each phase
 * bounded in time and count. Prints, in one run: the service's {@code /health} throughput (the ceiling of the HTTP
 * stack), the solver's ceiling (cores ÷ the median in-process solve time of the same requests), plans at moderate
 * concurrency (throughput, p50/p99, statuses), the same under overload (503s expected, not growing latency), and
 * the service's peak RSS and heap; and plans in batches of each {@code --batch-sizes} against single calls, as a share of
 * the measured ceiling. Run it with {@code bench/service [options]}.
 */
public final class ServiceBenchmark {

    private static final String USAGE = """
            Usage: bench/service [--clients 2,4,8] [--overload-clients 64] [--seconds 10] [--warm-up 30] [--max-requests 200000]
                                 [--rounds 5] [--heap 256m] [--service-opts "JVM OPTIONS"] [--only FILE,FILE] [--data DIR]
                                 [--batch-sizes 1,10,100] [--batch-clients CORES]
              --clients           concurrent clients of the moderate phases, one phase each (the most also call
                                  /health)
              --batch-sizes       plan requests per POST /api/v1/plans:batch, one phase each
              --batch-clients     concurrent clients of the batch phases (default: this machine's cores)
              --overload-clients  concurrent clients in the overload phase
              --seconds           length of each phase
              --warm-up           seconds of solving before anything is timed, in-process and over HTTP (shared
                                  by the client counts), so that both JVMs have compiled the hot code
              --max-requests      most requests of a phase, whatever its length
              --rounds            in-process solves of each example for the solver ceiling (after the warm-up)
              --heap              the service's -Xmx
              --service-opts      JVM options for the service in place of ./nutriplan's default (-XX:+UseParallelGC),
                                  e.g. "-XX:+UseG1GC" or "-XX:+UseParallelGC -Dorg.slf4j.simpleLogger.log.nutriplan.access=warn"
              --only              post only these files of data/requests (e.g. run-60-min.json,marathon.json)
              --data              the data directory holding requests/ and catalogs/ (default: data or ../data)
            """;
    /** A result of a batch: its status, then its body (a plan's own "status" is a string, never followed by "body"). */
    private static final Pattern RESULT_STATUS = Pattern.compile("\\{\"status\":(\\d{3}),\"body\":");
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    private record Options(List<Integer> clients, int overloadClients, int seconds, int warmUp, int maxRequests, int rounds, String heap,
                           List<String> serviceOptions, List<String> only, Path data, List<Integer> batchSizes, int batchClients,
                           boolean help) {

        static Options parse(String[] args) {
            var arguments = Bench.Arguments.of(args, List.of("--help", "-h"), List.of("--clients", "--overload-clients",
                    "--seconds", "--warm-up", "--max-requests", "--rounds", "--heap", "--service-opts", "--only", "--data",
                    "--batch-sizes", "--batch-clients"));
            var values = arguments.values();
            var clients = Arrays.stream(values.getOrDefault("--clients", "2,4,8").split(","))
                    .map(count -> Bench.positive("--clients", count.trim())).toList();
            var batchSizes = Arrays.stream(values.getOrDefault("--batch-sizes", "1,10,100").split(","))
                    .map(size -> Bench.positive("--batch-sizes", size.trim())).toList();
            return new Options(clients, Bench.positive("--overload-clients", values.getOrDefault("--overload-clients", "64")),
                    Bench.positive("--seconds", values.getOrDefault("--seconds", "10")),
                    Bench.positive("--warm-up", values.getOrDefault("--warm-up", "30")),
                    Bench.positive("--max-requests", values.getOrDefault("--max-requests", "200000")),
                    Bench.positive("--rounds", values.getOrDefault("--rounds", "5")), values.getOrDefault("--heap", "256m"),
                    values.containsKey("--service-opts") ? List.of(values.get("--service-opts").trim().split("\\s+")) : List.of(),
                    values.containsKey("--only") ? List.of(values.get("--only").split(",")) : List.of(),
                    values.containsKey("--data") ? Path.of(values.get("--data"))
                            : Files.isDirectory(Path.of("data")) ? Path.of("data") : Path.of("..", "data"),
                    batchSizes, Bench.positive("--batch-clients", values.getOrDefault("--batch-clients",
                            Integer.toString(Runtime.getRuntime().availableProcessors()))),
                    arguments.flags().contains("--help") || arguments.flags().contains("-h"));
        }
    }

    /**
     * One phase's answers: latencies in nanoseconds, a count per status ("IOException" when no answer came), and the
     * CPU time (user + system) the service process and this client spent, which other load on the machine inflates
     * less than wall time; on shared cores, what the client spends the service cannot.
     */
    private record Phase(String name, int clients, double seconds, long[] latencies, Map<String, Long> statuses, double serviceCpuMs,
                         double clientCpuMs, int batchSize, Map<String, Long> items) {

        /** Plans served a second: 200 answers, or in batch phases the results with status 200. */
        double plansServed() {
            return batchSize == 0 ? served() : items.getOrDefault("200", 0L) / seconds;
        }

        /** Answers a second, whatever their status. */
        double throughput() {
            return latencies.length / seconds;
        }

        /** 200 answers a second: plans (or health checks) actually served. */
        double served() {
            return statuses.getOrDefault("200", 0L) / seconds;
        }

        double percentileMs(int percent) {
            return Bench.percentile(Arrays.stream(latencies).mapToDouble(nanos -> nanos / 1e6).toArray(), percent);
        }

        double serviceCpuMsPerAnswer() {
            return serviceCpuMs / Math.max(1, latencies.length);
        }

        String row() {
            int answers = Math.max(1, latencies.length);
            return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.2f | %.2f | %.3f | %.3f | %s |", name, clients, latencies.length,
                    throughput(), served(), percentileMs(50), percentileMs(99), serviceCpuMsPerAnswer(), clientCpuMs / answers, statuses);
        }
    }

    private final Options options;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong peakHeap = new AtomicLong();

    private ServiceBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        var options = Bench.optionsOrExit(args, Options::parse, Options::help, USAGE);
        if (options != null) {
            new ServiceBenchmark(options).run();
        }
    }

    private void run() throws Exception {
        var bodies = exampleBodies();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "service benchmark: %d example requests, %d cores, %d s a phase, service -Xmx%s%n%n",
                bodies.size(), cores, options.seconds, options.heap);


        var solves = solveTimes(bodies);
        double solverCeiling = cores / (solves.medianMs() / 1000);
        var posted = List.copyOf(bodies.values());

        int port = freePort();
        var server = startService(port);
        try {
            var base = "http://127.0.0.1:" + port;
            awaitReady(base);
            var sampler = Thread.ofPlatform().daemon().start(() -> sampleHeap(base));
            var address = new InetSocketAddress("127.0.0.1", port);
            var posts = posted.stream().map(body -> LoadConnection.postJson(address, PlanRoutes.PLANS, body)).toList();
            int most = options.clients.stream().max(Integer::compare).orElseThrow();
            // Every client count of the phases in turn: each exercises other paths (contended or not) the JIT must
            // have compiled before its phase is timed.
            for (int clients : options.clients) {
                load("warm-up", address, posts, clients, Math.max(1, options.warmUp / options.clients.size()), server);
            }
            int largestBatch = options.batchSizes.stream().max(Integer::compare).orElseThrow();
            load("warm-up, batches", address, batches(address, posted, largestBatch), options.batchClients,
                    Math.max(1, options.warmUp / 4), server, largestBatch);
            var plans = new ArrayList<Phase>();
            for (int clients : options.clients) {
                plans.add(load("POST /api/v1/plans", address, posts, clients, options.seconds, server));
            }
            var batched = new ArrayList<Phase>();
            for (int size : options.batchSizes) {
                batched.add(load("POST /api/v1/plans:batch", address, batches(address, posted, size), options.batchClients,
                        options.seconds, server, size));
            }
            // Measured again now, the service idle: this shared machine's speed drifts within minutes.
            double measuredAfter = parallelThroughput(solves.requests(), solves.service(), cores);
            double measuredCeiling = (solves.parallelPlansPerSecond() + measuredAfter) / 2;
            var health = load("GET /health", address, List.of(LoadConnection.get(address, "/health")), most, options.seconds, server);
            var overload = load("POST /api/v1/plans, overload", address, posts, options.overloadClients, options.seconds, server);
            sampler.interrupt();

            System.out.println("| phase | clients | answers | answers/s | 200s/s | p50 ms | p99 ms | service CPU ms/answer"
                    + " | client CPU ms/answer | statuses |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            System.out.println(health.row());
            plans.forEach(phase -> System.out.println(phase.row()));
            System.out.println(overload.row());
            System.out.println();
            System.out.printf(Locale.ROOT, "HTTP ceiling (GET /health): %.0f requests/s (client and service share the cores)%n%n", health.throughput());
            double meanCeiling = cores / (solves.meanMs() / 1000);
            System.out.printf(Locale.ROOT, "solver ceilings: %d cores ÷ %.2f ms median in-process solve = %.0f plans/s;"
                    + " by the mean solve (%.2f ms, what a round-robin mix can reach) %.0f plans/s; measured with %d threads"
                    + " in-process %.0f plans/s (%.0f before the plan phases, %.0f after).%n",
                    cores, solves.medianMs(), solverCeiling, solves.meanMs(), meanCeiling, cores, measuredCeiling,
                    solves.parallelPlansPerSecond(), measuredAfter);
            // The best a service can do whose only cost beyond the solve is a bare HTTP exchange (client included):
            // each plan takes the cores for a measured solve and for a /health answer.
            double withBareHttp = 1 / (1 / measuredCeiling + 1 / health.throughput());
            System.out.printf(Locale.ROOT, "with a bare HTTP exchange per plan (a measured solve, then a GET /health"
                    + " answer, on the same cores): %.0f plans/s. Plans served over HTTP (200s/s) reach:%n", withBareHttp);
            System.out.println("| clients | 200s/s | of the median ceiling | of the mean ceiling | of the measured ceiling"
                    + " | of measured + bare HTTP | service CPU a plan beyond its solve |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
            double solveCpuMs = 1000.0 * cores / measuredCeiling;
            for (var phase : plans) {
                System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f %% | %.0f %% | %.0f %% | %.0f %% | %.2f ms |%n",
                        phase.clients(), phase.served(), 100 * phase.served() / solverCeiling,
                        100 * phase.served() / meanCeiling, 100 * phase.served() / measuredCeiling,
                        100 * phase.served() / withBareHttp, phase.serviceCpuMsPerAnswer() - solveCpuMs);
            }
            System.out.printf(Locale.ROOT, "(a solve in-process takes %.2f ms of CPU, %d cores ÷ the measured ceiling; a"
                    + " GET /health answer %.2f ms of service CPU)%n%n", solveCpuMs, cores, health.serviceCpuMsPerAnswer());
            printBatches(plans, batched, measuredCeiling);
            System.out.printf(Locale.ROOT, "service: peak RSS %.0f MiB, peak heap used %.0f MiB (-Xmx%s)%n",
                    peakRssBytes(server) / 1048576.0, peakHeap.get() / 1048576.0, options.heap);
        } finally {
            server.destroy(); // SIGTERM: the service stops gracefully
            if (!server.waitFor(40, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /**
     * Plans served by single calls and by batches of each size, in the same run, against the measured in-process
     * ceiling: what batching buys over HTTP.
     */
    private static void printBatches(List<Phase> singles, List<Phase> batched, double measuredCeiling) {
        System.out.println("| calls | clients | plans a call | calls/s | plans/s | of the measured ceiling | p50 ms a call"
                + " | p99 ms a call | service CPU ms a plan | statuses (results of batches) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (var phase : singles) {
            System.out.println(batchRow("POST /api/v1/plans", phase, 1, phase.statuses(), measuredCeiling));
        }
        for (var phase : batched) {
            System.out.println(batchRow("POST /api/v1/plans:batch", phase, phase.batchSize(), phase.items(), measuredCeiling));
        }
        System.out.println();
    }

    private static String batchRow(String calls, Phase phase, int size, Map<String, Long> statuses, double measuredCeiling) {
        long plans = Math.max(1, statuses.values().stream().mapToLong(Long::longValue).sum());
        return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.0f %% | %.2f | %.2f | %.3f | %s |", calls,
                phase.clients(), size, phase.throughput(), phase.plansServed(), 100 * phase.plansServed() / measuredCeiling,
                phase.percentileMs(50), phase.percentileMs(99), phase.serviceCpuMs() / plans,
                phase.batchSize() == 0 ? statuses : statuses + " (HTTP " + phase.statuses() + ")");
    }

    /**
     * Batch bodies of {@code size} requests each, the examples round-robin, one body per starting example, so that
     * consecutive batches mix the examples differently.
     */
    private static List<byte[]> batches(InetSocketAddress address, List<byte[]> examples, int size) {
        var bodies = new ArrayList<byte[]>();
        for (int first = 0; first < examples.size(); first++) {
            var body = new StringBuilder("{\"requests\": [");
            for (int i = 0; i < size; i++) {
                body.append(i == 0 ? "" : ", ").append(new String(examples.get((first + i) % examples.size()), StandardCharsets.UTF_8));
            }
            body.append("]}");
            bodies.add(LoadConnection.postJson(address, PlanBatchRoutes.PLANS_BATCH, body.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return bodies;
    }

    /** The example requests by file name, in name order. */
    private Map<String, byte[]> exampleBodies() throws IOException {
        try (var files = Files.list(options.data.resolve("requests"))) {
            var bodies = new TreeMap<String, byte[]>();
            for (var file : files.filter(file -> file.toString().endsWith(".json")).toList()) {
                var name = file.getFileName().toString();
                if (options.only.isEmpty() || options.only.contains(name)) {
                    bodies.put(name, Files.readAllBytes(file));
                }
            }
            if (bodies.isEmpty()) {
                throw new IllegalArgumentException("no example request matches " + options.only);
            }
            return bodies;
        }
    }

    /** In-process solve times of the examples, warm: what the cores can do without HTTP; and what was timed. */
    private record SolveTimes(double medianMs, double meanMs, double parallelPlansPerSecond, List<PlanRequest> requests,
                              PlanService service) {
    }

    private SolveTimes solveTimes(Map<String, byte[]> bodies) {
        var catalogs = new CatalogDirectory(options.data.resolve("catalogs"));
        var service = new PlanService();
        var requests = new TreeMap<String, PlanRequest>();
        bodies.forEach((name, body) -> requests.put(name, PlanRequestJson.read(body, catalogs)));
        // Warm like the service is after its warm-up phase: at least 3 rounds and --warm-up seconds of solving, so
        // the JIT has compiled the solvers' loops before they are timed.
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmUp);
        for (int round = 0; round < 3 || System.nanoTime() < warmUntil; round++) {
            requests.values().forEach(service::plan);
        }
        var times = new ArrayList<Double>();
        System.out.println("| example | status | median solve ms |");
        System.out.println("| --- | --- | --- |");
        requests.forEach((name, request) -> {
            var mine = new ArrayList<Double>();
            String status = "";
            for (int round = 0; round < options.rounds; round++) {
                long start = System.nanoTime();
                status = service.plan(request).status().name();
                mine.add((System.nanoTime() - start) / 1e6);
            }
            times.addAll(mine);
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f |%n", name, status, Bench.median(mine));
        });
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf(Locale.ROOT, "%nin-process solves: median %.2f ms, mean %.2f ms%n", Bench.median(times), mean);
        int cores = Runtime.getRuntime().availableProcessors();
        double parallel = parallelThroughput(List.copyOf(requests.values()), service, cores);
        System.out.printf(Locale.ROOT, "in-process, %d threads solving the examples round-robin for %d s: %.0f plans/s%n%n",
                cores, options.seconds, parallel);
        return new SolveTimes(Bench.median(times), mean, parallel, List.copyOf(requests.values()), service);
    }

    /** Plans a second when {@code threads} threads solve the requests round-robin, with no HTTP at all. */
    private double parallelThroughput(List<PlanRequest> requests, PlanService service, int threads) {
        var solved = new LongAdder();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(options.seconds);
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            int first = t * requests.size() / threads;
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    service.plan(requests.get(i % requests.size()));
                    solved.increment();
                }
            }));
        }
        workers.forEach(ServiceBenchmark::join);
        return solved.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Starts the service the way the README does, with {@code ./nutriplan serve} and its default JVM options, which
     * {@code --service-opts} replaces (through {@code NUTRIPLAN_JAVA_OPTS}); the heap limit comes on top through
     * {@code JDK_JAVA_OPTIONS}, which the {@code java} launcher reads.
     */
    private Process startService(int port) throws IOException {
        var launcher = options.data.toAbsolutePath().resolveSibling("nutriplan");
        var log = Path.of(System.getProperty("java.io.tmpdir"), "nutriplan-service-bench.log");
        var builder = new ProcessBuilder(launcher.toString(), "serve").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JDK_JAVA_OPTIONS", "-Xmx" + options.heap);
        if (options.serviceOptions.isEmpty()) {
            builder.environment().remove("NUTRIPLAN_JAVA_OPTS");
        } else {
            builder.environment().put("NUTRIPLAN_JAVA_OPTS", String.join(" ", options.serviceOptions));
        }
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("CATALOG_DIR", options.data.resolve("catalogs").toString());
        // A fresh embedded store, seeded from CATALOG_DIR: the benchmark leaves nothing in the working directory.
        builder.environment().put("NUTRIPLAN_DATA_DIR", Files.createTempDirectory("nutriplan-service-bench").toString());
        builder.environment().remove("MONGODB_URI");
        System.out.println("service: JDK_JAVA_OPTIONS=" + builder.environment().get("JDK_JAVA_OPTIONS")
                + (options.serviceOptions.isEmpty() ? "" : " NUTRIPLAN_JAVA_OPTS=\"" + String.join(" ", options.serviceOptions) + "\"")
                + " " + launcher + " serve (log: " + log + ")");
        return builder.start();
    }

    private void awaitReady(String base) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not become ready in 30 s");
    }

    private Phase load(String name, InetSocketAddress address, List<byte[]> requests, int clients, int seconds, Process server)
            throws InterruptedException {
        return load(name, address, requests, clients, seconds, server, 0);
    }

    /**
     * Clients send the requests round-robin, each on its own keep-alive connection, until the time or the count is up.
     * With a {@code batchSize}, the requests are batches: their results are counted by status too.
     */
    private Phase load(String name, InetSocketAddress address, List<byte[]> requests, int clients, int seconds, Process server,
                       int batchSize) throws InterruptedException {
        var items = new ConcurrentHashMap<String, LongAdder>();
        double cpuBefore = cpuMs(server.pid());
        double clientCpuBefore = cpuMs(ProcessHandle.current().pid());
        var statuses = new ConcurrentHashMap<String, LongAdder>();
        var latencies = new ArrayList<long[]>();
        var counts = new int[clients];
        var issued = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            var mine = new long[options.maxRequests];
            latencies.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                try (var connection = new LoadConnection(address)) {
                    int i = client;
                    while (System.nanoTime() < end && issued.incrementAndGet() <= options.maxRequests) {
                        long sent = System.nanoTime();
                        String status;
                        try {
                            var request = requests.get(i++ % requests.size());
                            if (batchSize == 0) {
                                status = Integer.toString(connection.exchange(request));
                            } else {
                                var answer = connection.exchangeKeepingBody(request);
                                status = Integer.toString(answer.status());
                                countResults(answer.body(), items);
                            }
                        } catch (IOException e) {
                            status = e.getClass().getSimpleName();
                        }
                        mine[counts[client]++] = System.nanoTime() - sent;
                        statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
                    }
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        var all = new long[Arrays.stream(counts).sum()];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, k, counts[c]);
            k += counts[c];
        }
        var counted = new TreeMap<String, Long>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        var countedItems = new TreeMap<String, Long>();
        items.forEach((status, count) -> countedItems.put(status, count.sum()));
        return new Phase(name, clients, elapsed, all, counted, cpuMs(server.pid()) - cpuBefore,
                cpuMs(ProcessHandle.current().pid()) - clientCpuBefore, batchSize, countedItems);
    }

    /** The statuses of a batch's results, {"results":[{"status":200,"body":...}, ...]} as the service writes it. */
    private static void countResults(byte[] body, Map<String, LongAdder> items) {
        var matcher = RESULT_STATUS.matcher(new String(body, StandardCharsets.UTF_8));
        while (matcher.find()) {
            items.computeIfAbsent(matcher.group(1), key -> new LongAdder()).increment();
        }
    }

    private void sampleHeap(String base) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var text = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                var matcher = HEAP_USED.matcher(text);
                double used = 0;
                while (matcher.find()) {
                    used += Double.parseDouble(matcher.group(1));
                }
                peakHeap.accumulateAndGet((long) used, Math::max);
                Thread.sleep(250);
            } catch (IOException e) {
                // a missed sample
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** User + system CPU time of a process so far, from /proc (clock ticks of 10 ms). */
    private static double cpuMs(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** VmHWM of /proc: the most resident memory the process has had. */
    private static long peakRssBytes(Process process) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

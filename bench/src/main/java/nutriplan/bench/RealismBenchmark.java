package nutriplan.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.catalogs.CatalogDirectory;
import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.errors.ErrorJson;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.errors.TooLargeException;
import nutriplan.api.plans.PlanRequestJson;
import nutriplan.api.plans.PlanResponseJson;
import nutriplan.api.plans.PlanService;
import nutriplan.api.service.ServiceSettings;
import nutriplan.bench.RealismChecks.Check;
import nutriplan.bench.RealismChecks.Goal;
import nutriplan.bench.RealismChecks.Reading;
import nutriplan.bench.RealismChecks.Verdict;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;
import nutriplan.planner.schedule.UnschedulableException;

/**
 * Issue 27's goals, measured: plans a set of workouts with their intake schedule on the default catalog, the way
 * {@code POST /api/v1/plans} does (the same reader, service and writer, in this process), and prints per workout what
 * it planned and how it stands against the workout's own needs, then a pass/fail table of the goals. Each workout's
 * cold answer comes from a fresh JVM, its warm one from this JVM after a first pass over every workout. Asserts
 * nothing (it prints the failures); {@code RealismChecksTest} holds the checks. Run with
 * {@code bench/run --realism [OPTIONS]}.
 */
public final class RealismBenchmark {

    private static final String USAGE = """
            Usage: bench/run --realism [--only NAME,NAME] [--workouts FILE] [--no-cold] [--data DIR] [--verbose]
              --only      plan only these workouts (names from the workouts file)
              --workouts  another workouts file (default: realism-workouts.json in bench/src/main/resources)
              --no-cold   skip the fresh JVM per workout (about 5 s each); goal 6 is then not measured
              --data      the data directory holding catalogs/default.json (default: data or ../data)
              --verbose   print every warm answer (stderr)
            """;

    static final String WORKOUTS_RESOURCE = "/realism-workouts.json";
    /** The child JVM's one line of answer starts with this, whatever else it may print. */
    private static final String ANSWER_LINE = "REALISM-ANSWER ";
    private static final int WHY_CHARS = 300;

    record Options(List<String> only, Path workouts, boolean cold, Path data, boolean verbose, boolean help,
                   String coldAnswer) {

        static Options parse(String[] args) {
            var parsed = Bench.Arguments.of(args, List.of("--no-cold", "--verbose", "--help"),
                    List.of("--only", "--workouts", "--data", "--cold-answer"));
            var values = parsed.values();
            var only = values.containsKey("--only") ? List.of(values.get("--only").split(",")) : List.<String>of();
            return new Options(only.stream().map(String::trim).toList(),
                    values.containsKey("--workouts") ? Path.of(values.get("--workouts")) : null,
                    !parsed.flags().contains("--no-cold"),
                    values.containsKey("--data") ? Path.of(values.get("--data"))
                            : Files.isDirectory(Path.of("data", "catalogs")) ? Path.of("data") : Path.of("..", "data"),
                    parsed.flags().contains("--verbose"), parsed.flags().contains("--help"), values.get("--cold-answer"));
        }
    }

    /**
     * One workout of the set.
     *
     * @param request the plan request as sent: {@code workout} and {@code schedule}
     */
    record Workout(String name, String description, JsonNode request) {

        int durationMin() {
            return request.path("workout").path("durationMin").asInt();
        }

        boolean caffeine() {
            return request.path("workout").hasNonNull("caffeine");
        }

        /** Reads a workouts file: {@code {"workouts": [{"name", "description", "request"}, ...]}}. */
        static List<Workout> read(byte[] file) {
            try {
                var workouts = new ArrayList<Workout>();
                for (var node : Json.MAPPER.readTree(file).path("workouts")) {
                    workouts.add(new Workout(node.path("name").asText(), node.path("description").asText(), node.path("request")));
                }
                return List.copyOf(workouts);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the workouts file", e);
            }
        }

        static List<Workout> load(Path file) {
            try (InputStream in = file == null ? RealismBenchmark.class.getResourceAsStream(WORKOUTS_RESOURCE)
                    : Files.newInputStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(WORKOUTS_RESOURCE + " is not on the classpath; maybe rebuild bench");
                }
                return read(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /** The status and body {@code POST /api/v1/plans} would answer, and how long the answer took here. */
    record Answer(int status, JsonNode body, double wallMs) {
    }

    private final Options options;
    private final List<Workout> workouts;
    private final Catalogs catalogs;
    private final Catalog catalog;

    private RealismBenchmark(Options options) {
        this.options = options;
        var all = Workout.load(options.workouts());
        var unknown = options.only().stream().filter(name -> all.stream().noneMatch(w -> w.name().equals(name))).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no workout named " + unknown + "; the names: "
                    + all.stream().map(Workout::name).toList());
        }
        this.workouts = options.only().isEmpty() ? all : all.stream().filter(w -> options.only().contains(w.name())).toList();
        this.catalogs = new CatalogDirectory(options.data().resolve("catalogs"));
        this.catalog = catalogs.find(PlanRequestJson.DEFAULT_CATALOG);
    }

    public static void main(String[] args) {
        var options = Bench.optionsOrExit(args, Options::parse, Options::help, USAGE);
        if (options == null) {
            return;
        }
        var benchmark = new RealismBenchmark(options);
        if (options.coldAnswer() != null) {
            benchmark.answerOnce(options.coldAnswer());
        } else {
            benchmark.run();
        }
    }

    /**
     * The answer to one request, as {@code PlanRoutes} gives it: read, planned (and scheduled), written; a fault of
     * the request through the service's error table. Only the admission to a solver (the pool) is not here.
     */
    static Answer answer(byte[] request, Catalogs catalogs, PlanService service) {
        long start = System.nanoTime();
        try {
            var asked = PlanRequestJson.readScheduled(request, catalogs, PlanRequestJson.DEFAULT_MAX_INLINE_PRODUCTS);
            var planned = service.plan(asked, ServiceSettings.DEFAULT_REQUEST_TIMEOUT_MS);
            return new Answer(PlanResponseJson.httpStatus(planned.result()), asSent(PlanResponseJson.write(planned)), msSince(start));
        } catch (UnschedulableException | InvalidInputException | NotFoundException | TooLargeException e) {
            var error = ErrorJson.of(e);
            return new Answer(error.status(), asSent(error.body()), msSince(start));
        }
    }

    /** The body as a caller reads it: written to text and read back (so 8 is 8, whether an int or a long was put). */
    private static JsonNode asSent(JsonNode body) {
        try {
            return Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree is always written and read back", e);
        }
    }

    /** In the child JVM: the first answer of this JVM to one workout, as one line on stdout. */
    private void answerOnce(String name) {
        var workout = workouts.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
        var answer = answer(bytes(workout.request()), catalogs, new PlanService());
        var line = Json.MAPPER.createObjectNode().put("status", answer.status()).put("wallMs", answer.wallMs());
        line.set("body", answer.body());
        System.out.println(ANSWER_LINE + line);
    }

    /** A fresh JVM (this one's Java, options and classpath) answering one workout. */
    private Answer cold(Workout workout) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RealismBenchmark.class.getName(),
                "--data", options.data().toString(), "--cold-answer", workout.name()));
        if (options.workouts() != null) {
            command.addAll(List.of("--workouts", options.workouts().toString()));
        }
        try {
            var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            var line = output.lines().filter(l -> l.startsWith(ANSWER_LINE)).findFirst().orElseThrow(() ->
                    new IllegalStateException("the fresh JVM for " + workout.name() + " exited " + exit + " without an answer"));
            var node = Json.MAPPER.readTree(line.substring(ANSWER_LINE.length()));
            return new Answer(node.path("status").asInt(), node.path("body"), node.path("wallMs").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for " + workout.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void run() {
        long start = System.nanoTime();
        var cold = new ArrayList<Answer>();
        if (options.cold()) {
            for (var workout : workouts) {
                System.err.println("cold: " + workout.name());
                cold.add(cold(workout));
            }
        }
        var service = new PlanService();
        var first = new ArrayList<Answer>();
        for (var workout : workouts) {
            System.err.println("first pass: " + workout.name());
            first.add(answer(bytes(workout.request()), catalogs, service));
        }
        var warm = new ArrayList<Answer>();
        for (var workout : workouts) {
            warm.add(answer(bytes(workout.request()), catalogs, service));
            if (options.verbose()) {
                System.err.println(workout.name() + ": " + warm.getLast().status() + " " + warm.getLast().body());
            }
        }
        var readings = new ArrayList<Reading>();
        var checks = new ArrayList<List<Check>>();
        for (int i = 0; i < workouts.size(); i++) {
            var workout = workouts.get(i);
            var answer = warm.get(i);
            var reading = RealismChecks.read(answer.status(), answer.body(), workout.durationMin(), catalog);
            readings.add(reading);
            var each = new ArrayList<>(RealismChecks.check(reading, workout.durationMin(), workout.caffeine(), catalog));
            each.add(options.cold() ? RealismChecks.coldEqualsWarm(cold.get(i).status(), cold.get(i).body(), answer.status(), answer.body())
                    : Check.notApplicable(Goal.COLD_EQUALS_WARM, "--no-cold"));
            checks.add(each);
        }
        printPlans(readings, cold, warm);
        printMeasures(readings, checks);
        printRefusals(readings);
        printSummary(readings, warm);
        printGoals(checks, first, warm);
        System.out.printf(Locale.ROOT, "%nTook %.0f s: %d workouts, %s two passes in this JVM.%n", msSince(start) / 1000,
                workouts.size(), options.cold() ? "a fresh JVM each, then" : "");
    }

    private void printPlans(List<Reading> readings, List<Answer> cold, List<Answer> warm) {
        System.out.printf(Locale.ROOT, "Realism: %d workouts with schedule on the %s catalog (version %d), each through"
                        + " PlanRequestJson, PlanService and PlanResponseJson in process, as POST /api/v1/plans answers it%n%n",
                workouts.size(), catalog.name(), catalog.version());
        System.out.println("| workout | min | status | solver | answer ms | ms cold / warm | products (kind) ×servings |");
        System.out.println("| --- | ---: | --- | --- | ---: | ---: | --- |");
        for (int i = 0; i < workouts.size(); i++) {
            var reading = readings.get(i);
            System.out.printf(Locale.ROOT, "| %s | %d | %d %s | %s | %s | %s / %s | %s |%n", workouts.get(i).name(),
                    workouts.get(i).durationMin(), reading.status(), reading.planStatus(), reading.solver(),
                    reading.timeMs() == null ? "–" : reading.timeMs(), cold.isEmpty() ? "–" : Bench.ms(cold.get(i).wallMs()),
                    Bench.ms(warm.get(i).wallMs()), String.join(", ", reading.products()));
        }
    }

    private void printMeasures(List<Reading> readings, List<List<Check>> checks) {
        System.out.println();
        System.out.println("| workout | carb g/h, hours min–max | band g/h | hours out of band (missed) | misses"
                + " | g/L (max) | worst slot g/L @min | slots > max | left out: unknown / phase | of them unknown caffeine | cold = warm |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        for (int i = 0; i < workouts.size(); i++) {
            var r = readings.get(i);
            var range = r.perHourRange();
            long out = r.hours().stream().filter(hour -> !hour.withinBand()).count();
            long missed = r.hours().stream().filter(hour -> !hour.withinBand() && hour.explained()).count();
            var worst = r.worstSlot();
            long over = r.slots().stream().filter(slot -> slot.perLitre() > r.slotMax()).count();
            var coldWarm = checks.get(i).stream().filter(check -> check.goal() == Goal.COLD_EQUALS_WARM).findFirst().orElseThrow();
            System.out.printf(Locale.ROOT, "| %s | %s–%s | %s–%s | %d of %d (%d) | %s | %s (%s) | %s | %d of %d | %d / %d | %s | %s |%n",
                    workouts.get(i).name(), RealismChecks.fmt(range[0]), RealismChecks.fmt(range[1]),
                    RealismChecks.fmt(r.bandMin()), RealismChecks.fmt(r.bandMax()), out, r.hours().size(), missed,
                    r.misses() == null ? "absent" : Integer.toString(r.misses().size()),
                    RealismChecks.fmt(r.perLitre()), RealismChecks.fmt(r.perLitreMax()),
                    worst == null ? "–" : RealismChecks.perLitre(worst.perLitre()) + " @" + worst.atMin(), over, r.slots().size(),
                    r.leftOut().getOrDefault("unknown", 0), r.leftOut().getOrDefault("phase", 0),
                    r.unknownCaffeine().isEmpty() ? "–" : String.join(", ", r.unknownCaffeine()),
                    switch (coldWarm.verdict()) {
                        case PASS -> "yes";
                        case FAIL -> "no: " + shortened(coldWarm.why(), 80);
                        case NOT_APPLICABLE -> "–";
                    });
        }
    }

    private void printRefusals(List<Reading> readings) {
        var refused = new ArrayList<String>();
        for (int i = 0; i < workouts.size(); i++) {
            if (readings.get(i).status() != 200) {
                refused.add("- " + workouts.get(i).name() + ": " + readings.get(i).status() + " " + readings.get(i).planStatus()
                        + ": " + readings.get(i).message());
            }
        }
        System.out.println();
        System.out.println(refused.isEmpty() ? "Every workout got a 200." : "Workouts without a plan, with the answer's message:");
        refused.forEach(System.out::println);
    }

    /** The per-workout measures added up: what the plans hold, over the whole set. */
    private void printSummary(List<Reading> readings, List<Answer> warm) {
        System.out.println();
        System.out.println("Over the set:");
        System.out.println("- answers: " + counted(readings.stream().map(r -> r.status() + " " + r.planStatus()).toList())
                + "; solvers: " + counted(readings.stream().map(Reading::solver).filter(solver -> !solver.isEmpty()).toList()));
        var wall = warm.stream().mapToDouble(Answer::wallMs).toArray();
        System.out.printf(Locale.ROOT, "- warm answer ms (wall): median %s, p95 %s, max %s%n", Bench.ms(Bench.percentile(wall, 50)),
                Bench.ms(Bench.percentile(wall, 95)), Bench.ms(Bench.percentile(wall, 100)));
        var products = readings.stream().flatMap(r -> r.products().stream().map(p -> p.substring(0, p.lastIndexOf(" ×")))).toList();
        System.out.println("- products in the plans (plans holding each): " + counted(products));
        System.out.println("- kinds in the plans (plans holding each): " + counted(readings.stream().flatMap(r -> r.products().stream()
                .map(p -> p.substring(p.indexOf('(') + 1, p.indexOf(')'))).distinct()).toList()));
        int hours = 0;
        int inBand = 0;
        int named = 0;
        int withMisses = 0;
        for (int i = 0; i < workouts.size(); i++) {
            if (workouts.get(i).durationMin() > RealismChecks.BAND_FROM_MIN) {
                for (var hour : readings.get(i).hours()) {
                    hours++;
                    inBand += hour.withinBand() ? 1 : 0;
                    named += !hour.withinBand() && hour.explained() ? 1 : 0;
                }
            }
            withMisses += readings.get(i).misses() == null ? 0 : 1;
        }
        System.out.printf(Locale.ROOT, "- clock hours of sessions over %d min within the band: %d of %d; out of it but named by a miss: %d;"
                + " answers with scheduleInfo.misses: %d of %d%n", RealismChecks.BAND_FROM_MIN, inBand, hours, named, withMisses, readings.size());
        int strongest = -1;
        for (int i = 0; i < readings.size(); i++) {
            if (!Double.isNaN(readings.get(i).perLitre()) && (strongest < 0 || readings.get(i).perLitre() > readings.get(strongest).perLitre())) {
                strongest = i;
            }
        }
        long above = readings.stream().filter(r -> r.perLitre() > r.perLitreMax()).count();
        System.out.printf(Locale.ROOT, "- g/L overall: highest %s (%s, limit %s); plans above their limit: %d%n",
                strongest < 0 ? "–" : RealismChecks.fmt(readings.get(strongest).perLitre()),
                strongest < 0 ? "–" : workouts.get(strongest).name(),
                strongest < 0 ? "–" : RealismChecks.fmt(readings.get(strongest).perLitreMax()), above);
        var slots = readings.stream().flatMap(r -> r.slots().stream().map(slot -> slot.perLitre() > r.slotMax())).toList();
        long dry = readings.stream().flatMap(r -> r.slots().stream()).filter(slot -> slot.fluidMl() == 0).count();
        System.out.printf(Locale.ROOT, "- schedule slots with carbohydrate: %d; above the slot limit: %d, of them with no fluid: %d%n",
                slots.size(), slots.stream().filter(over -> over).count(), dry);
        System.out.println("- left out (answers listing each cause): " + counted(readings.stream()
                .flatMap(r -> r.leftOut().keySet().stream()).toList()) + "; for unknown caffeine in plans without caffeine: "
                + counted(IntStream.range(0, workouts.size()).filter(i -> !workouts.get(i).caffeine())
                        .boxed().flatMap(i -> readings.get(i).unknownCaffeine().stream()).toList()));
    }

    /** "a 3, b 1": each value and how often, most often first. */
    private static String counted(List<String> values) {
        if (values.isEmpty()) {
            return "none";
        }
        var counts = values.stream().collect(Collectors.groupingBy(value -> value, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    private void printGoals(List<List<Check>> checks, List<Answer> first, List<Answer> warm) {
        var counts = new EnumMap<Goal, Map<Verdict, Long>>(Goal.class);
        for (var goal : Goal.values()) {
            counts.put(goal, checks.stream().flatMap(List::stream).filter(check -> check.goal() == goal)
                    .collect(Collectors.groupingBy(Check::verdict, () -> new EnumMap<>(Verdict.class), Collectors.counting())));
        }
        System.out.println();
        System.out.println("| # | goal (issue 27) | pass | fail | not applicable | verdict |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | --- |");
        for (var goal : Goal.values()) {
            var count = counts.get(goal);
            long pass = count.getOrDefault(Verdict.PASS, 0L);
            long fail = count.getOrDefault(Verdict.FAIL, 0L);
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %s |%n", goal.number, goal.words, pass, fail,
                    count.getOrDefault(Verdict.NOT_APPLICABLE, 0L), fail == 0 && pass > 0 ? "PASS" : pass + fail == 0 ? "–" : "FAIL");
        }
        var unrepeatable = new ArrayList<String>();
        for (int i = 0; i < workouts.size(); i++) {
            var difference = RealismChecks.difference(first.get(i).status(), first.get(i).body(), "first",
                    warm.get(i).status(), warm.get(i).body(), "second");
            if (difference != null) {
                unrepeatable.add(workouts.get(i).name() + " (" + shortened(difference, 80) + ")");
            }
        }
        System.out.printf(Locale.ROOT, "%nIn this JVM, the first pass and the second gave the same answer (but timings) to %d of %d"
                + " workouts%s%n", workouts.size() - unrepeatable.size(), workouts.size(),
                unrepeatable.isEmpty() ? "." : "; not to " + String.join(", ", unrepeatable));
        System.out.println();
        System.out.println("Failures:");
        for (var goal : Goal.values()) {
            for (int i = 0; i < workouts.size(); i++) {
                for (var check : checks.get(i)) {
                    if (check.goal() == goal && check.verdict() == Verdict.FAIL) {
                        System.out.printf(Locale.ROOT, "- goal %s, %s: %s%n", goal.number, workouts.get(i).name(),
                                shortened(check.why(), WHY_CHARS));
                    }
                }
            }
        }
    }

    private static byte[] bytes(JsonNode request) {
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double msSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static String shortened(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "…";
    }
}

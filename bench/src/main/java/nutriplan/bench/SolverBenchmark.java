package nutriplan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import nutriplan.planner.Planner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.reference.CpSatPlanner;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.reference.RandomInstances.Instance;
import nutriplan.planner.request.PlanRequest;

/**
 * Choco against OR-Tools CP-SAT in the same run, on the same instances: the {@code data/requests}
 * examples on their catalogs, then seeded generated instances per catalog size (3–7 nutrients, objectives
 * {@code servings} and {@code products} alternating, every third with {@code maxProducts}). Both solvers run
 * one after the other on one thread, warm (after a warm-up on other instances), in this JVM, with the same
 * time limit; CP-SAT with one worker unless {@code --cpsat-workers} says otherwise. Prints a Markdown table.
 *
 * <p>Run it with {@code bench/run [options]} from the repository root (it builds, finds a Java 21+ and starts
 * this class); {@code bench/run --help} lists the options.
 */
public final class SolverBenchmark {

    private static final String USAGE = """
            Usage: bench/run --scale [OPTIONS]   Choco, Timefold, auto and CP-SAT on 1,000-10,000 products and IFCT
                                                 (bench/run --scale --help)
                   bench/run --decide [OPTIONS]  tight and infeasible requests: does Choco decide what CP-SAT does?
                                                 (bench/run --decide --help)
                   bench/run --schedule [OPTIONS] the intake schedule over 1-12 h sessions: time, score, windows, evenness
                                                 (bench/run --schedule --help)
                   bench/run --realism [OPTIONS]  issue 27's goals on 44 workouts planned with their schedule, cold and warm
                                                 (bench/run --realism --help)
                   bench/run [--sizes 10,50,200,1000,5000] [--instances 10] [--time-limit-ms 5000] [--seed 1]
                             [--warmup 30] [--repeats 5] [--cpsat-workers 1] [--cpsat-params TEXT] [--data DIR]
                             [--no-examples] [--verbose]
              --sizes          catalog sizes of the generated instances (products)
              --instances      generated instances per size
              --time-limit-ms  each solver's limit per instance (examples too)
              --seed           seed of the generated instances; the same seed gives the same instances
              --warmup         warm-up instances (of 50 and 200 products, another seed), both solvers
              --repeats        runs per instance and solver while they add up to under 1 s; the time is their median
              --cpsat-workers  CP-SAT's num_workers (default 1: single-threaded like Choco; 0: CP-SAT picks)
              --cpsat-params   more SatParameters, protobuf text format, e.g. "cp_model_probing_level: 0"
              --data           the data directory holding requests/ and catalogs/ (default: data or ../data)
              --no-examples    skip the data/requests examples
              --verbose        one line per instance and solver
            """;

    /** Repeats of one instance stop once its runs add up to this. */
    private static final double REPEAT_BUDGET_MS = 1000;

    private final Options options;
    private final Planner choco = new ChocoPlanner();
    private final CpSatPlanner cpSat;

    private SolverBenchmark(Options options) {
        this.options = options;
        this.cpSat = new CpSatPlanner(options.cpSatWorkers(), options.cpSatParameters());
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--scale")) {
            ScaleBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--schedule")) {
            ScheduleBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--realism")) {
            RealismBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--decide")) {
            DecisionBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        var options = Bench.optionsOrExit(args, Options::parse, Options::help, USAGE);
        if (options != null) {
            new SolverBenchmark(options).run();
        }
    }

    private void run() {
        long start = System.nanoTime();
        var examples = options.examples() ? ExampleRequests.load(options.dataDirectory()) : ExampleRequests.NONE;
        var sets = new ArrayList<InstanceSet>();
        if (!examples.instances().isEmpty()) {
            sets.add(new InstanceSet("examples (" + examples.catalogs() + ")", examples.instances()));
        }
        for (int size : options.sizes()) {
            sets.add(new InstanceSet(size + " products", RandomInstances.suite(options.seed(), size, options.instances())));
        }

        warmUp(examples.instances());
        var rows = new ArrayList<Row>();
        for (var set : sets) {
            var row = new Row(set.name());
            for (var instance : set.instances()) {
                row.add(measure(instance));
            }
            rows.add(row);
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Choco vs CP-SAT (%s): %d ms limit each, seed %d, %d instances per size;"
                        + " Java %s, %d cores; total %.0f s%n%n", cpSat.describe(), options.timeLimitMs(), options.seed(),
                options.instances(), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                (System.nanoTime() - start) / 1e9);
        System.out.println(Row.HEADER);
        System.out.println(Row.RULE);
        rows.forEach(row -> System.out.println(row.markdown()));
        System.out.println();
        System.out.println(LEGEND);
        examples.skipped().forEach(skip -> System.out.println("- example skipped: " + skip));
        rows.forEach(row -> row.problems().forEach(problem -> System.out.println("- " + row.name() + ": " + problem)));
    }

    private static final String LEGEND = """
            proven: OPTIMAL or INFEASIBLE within the limit. = CP-SAT: of the instances CP-SAT proved, the share where \
            Choco's answer is the same (same objective value, or infeasible too). Times: wall time of plan() in this \
            JVM after warm-up, model building included, each instance's the median of up to --repeats runs that add \
            up to under 1 s; median and 95th percentile (nearest rank) over the instances; a timeout counts as the \
            limit. ratio: Choco median / CP-SAT median. violations: Choco plans (alternatives included) that \
            break a bound or limit of their request (must be 0). conflicts: proven answers that contradict each \
            other (must be 0). errors: exceptions thrown by a solver. Examples run with alternatives 0.""";

    /** Both solvers on other instances first, so that the measured runs are JIT-compiled and CP-SAT is loaded. */
    private void warmUp(List<Instance> examples) {
        if (options.warmup() == 0) {
            return;
        }
        long limit = Math.min(1000, options.timeLimitMs());
        var instances = new ArrayList<Instance>(examples);
        instances.addAll(RandomInstances.suite(options.seed() + 7919, 50, (options.warmup() + 1) / 2));
        instances.addAll(RandomInstances.suite(options.seed() + 7919, 200, options.warmup() / 2));
        long start = System.nanoTime();
        for (var instance : instances) {
            var request = instance.request().withTimeLimitMs(limit);
            solveOnce(choco, request);
            solveOnce(cpSat, request);
        }
        System.err.printf(Locale.ROOT, "warm-up: %d instances in %.1f s%n", instances.size(), (System.nanoTime() - start) / 1e9);
    }

    private Measurement measure(Instance instance) {
        var request = instance.request().withTimeLimitMs(options.timeLimitMs()).withAlternatives(0);
        var chocoRun = solve(choco, request);
        var cpSatRun = solve(cpSat, request);
        var measurement = new Measurement(instance, request, chocoRun, cpSatRun);
        if (options.verbose()) {
            System.err.println(instance + "\n  choco:  " + chocoRun + "\n  cp-sat: " + cpSatRun);
        }
        return measurement;
    }

    /**
     * The request solved again while it is cheap (up to {@code --repeats} runs within about a second): its time
     * is the median of the runs, so a millisecond answer is not judged by one noisy sample on a shared machine.
     * The answer is the first run's (the planners are deterministic).
     */
    private Run solve(Planner planner, PlanRequest request) {
        var first = solveOnce(planner, request);
        var times = new ArrayList<Double>();
        times.add(first.ms());
        double spentMs = first.ms();
        while (first.error() == null && times.size() < options.repeats() && spentMs < REPEAT_BUDGET_MS) {
            double ms = solveOnce(planner, request).ms();
            times.add(ms);
            spentMs += ms;
        }
        times.sort(null);
        int middle = times.size() / 2;
        double median = times.size() % 2 == 1 ? times.get(middle) : (times.get(middle - 1) + times.get(middle)) / 2;
        return new Run(first.result(), median, first.error());
    }

    private static Run solveOnce(Planner planner, PlanRequest request) {
        long start = System.nanoTime();
        try {
            var result = planner.plan(request);
            return new Run(result, (System.nanoTime() - start) / 1e6, null);
        } catch (RuntimeException e) {
            return new Run(null, (System.nanoTime() - start) / 1e6, e);
        }
    }

    /** One solver's answer to one request: the result, or the exception it threw. */
    record Run(PlanResult result, double ms, RuntimeException error) {

        boolean proven() {
            return result != null && (result.status() == PlanStatus.OPTIMAL || result.status() == PlanStatus.INFEASIBLE);
        }

        boolean optimal() {
            return result != null && result.status() == PlanStatus.OPTIMAL;
        }

        boolean infeasible() {
            return result != null && result.status() == PlanStatus.INFEASIBLE;
        }

        boolean hasPlan() {
            return result != null && result.hasPlan();
        }

        @Override
        public String toString() {
            if (error != null) {
                return "error " + error + String.format(Locale.ROOT, " after %.1f ms", ms);
            }
            return String.format(Locale.ROOT, "%s value %s bound %s in %.1f ms", result.status(), result.value(),
                    result.bound(), ms);
        }
    }

    /** Both solvers on one request, and what their answers say about each other. */
    record Measurement(Instance instance, PlanRequest request, Run choco, Run cpSat) {

        /** Relative tolerance for mass and cost, which are sums of doubles. */
        private static final double TOLERANCE = 1e-6;

        int violations() {
            if (!choco.hasPlan()) {
                return 0;
            }
            int count = choco.result().plan().violations(request).isEmpty() ? 0 : 1;
            for (var alternative : choco.result().alternatives()) {
                count += alternative.violations(request).isEmpty() ? 0 : 1;
            }
            return count;
        }

        /** Choco gives CP-SAT's proven answer (value, or infeasibility); null when CP-SAT proved nothing. */
        Boolean matchesCpSat() {
            if (!cpSat.proven()) {
                return null;
            }
            if (cpSat.infeasible()) {
                return choco.infeasible();
            }
            return choco.hasPlan() && equal(choco.result().value(), cpSat.result().value());
        }

        /** Why the two answers cannot both be right, or null when they can. */
        String conflict() {
            if (choco.infeasible() && cpSat.hasPlan() || cpSat.infeasible() && choco.hasPlan()) {
                return "one proves infeasibility, the other has a plan";
            }
            if (cpSat.optimal() && choco.hasPlan() && choco.result().value() < cpSat.result().value() - tolerance(cpSat)) {
                return "Choco's plan beats CP-SAT's proven optimum";
            }
            if (choco.optimal() && cpSat.hasPlan() && cpSat.result().value() < choco.result().value() - tolerance(choco)) {
                return "CP-SAT's plan beats Choco's proven optimum";
            }
            if (choco.optimal() && cpSat.hasPlan() && cpSat.result().bound() > choco.result().value() + tolerance(choco)) {
                return "CP-SAT's bound exceeds Choco's proven optimum";
            }
            if (cpSat.optimal() && choco.hasPlan() && choco.result().bound() > cpSat.result().value() + tolerance(cpSat)) {
                return "Choco's bound exceeds CP-SAT's proven optimum";
            }
            return null;
        }

        private static boolean equal(double a, double b) {
            return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        }

        private static double tolerance(Run run) {
            return TOLERANCE * Math.max(1, Math.abs(run.result().value()));
        }
    }

    /** The measurements of one instance set, summarised as one table row. */
    static final class Row {

        static final String HEADER = "| instances | n | Choco proven | CP-SAT proven | = CP-SAT | Choco median ms "
                + "| Choco p95 ms | CP-SAT median ms | CP-SAT p95 ms | ratio | violations | conflicts | errors |";
        static final String RULE = "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

        private final String name;
        private final List<Measurement> measurements = new ArrayList<>();

        Row(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        void add(Measurement measurement) {
            measurements.add(measurement);
        }

        String markdown() {
            int n = measurements.size();
            long chocoProven = measurements.stream().filter(m -> m.choco().proven()).count();
            long cpSatProven = measurements.stream().filter(m -> m.cpSat().proven()).count();
            long compared = measurements.stream().filter(m -> m.matchesCpSat() != null).count();
            long matching = measurements.stream().filter(m -> Boolean.TRUE.equals(m.matchesCpSat())).count();
            double chocoMedian = percentile(measurements.stream().map(Measurement::choco), 50);
            double cpSatMedian = percentile(measurements.stream().map(Measurement::cpSat), 50);
            long errors = measurements.stream().filter(m -> m.choco().error() != null || m.cpSat().error() != null).count();
            return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d | %d | %d |",
                    name, n, share(chocoProven, n), share(cpSatProven, n), share(matching, compared),
                    ms(chocoMedian), ms(percentile(measurements.stream().map(Measurement::choco), 95)),
                    ms(cpSatMedian), ms(percentile(measurements.stream().map(Measurement::cpSat), 95)),
                    cpSatMedian > 0 ? String.format(Locale.ROOT, "%.2f", chocoMedian / cpSatMedian) : "–",
                    measurements.stream().mapToInt(Measurement::violations).sum(),
                    measurements.stream().filter(m -> m.conflict() != null).count(), errors);
        }

        /** Every violation, conflict and error, with the instance that shows it. */
        List<String> problems() {
            var problems = new ArrayList<String>();
            for (var m : measurements) {
                if (m.violations() > 0) {
                    problems.add("violation: " + m.instance() + ": " + m.choco().result().plan().violations(m.request()));
                }
                if (m.conflict() != null) {
                    problems.add("conflict: " + m.instance() + ": " + m.conflict() + "; choco " + m.choco() + ", cp-sat " + m.cpSat());
                }
                if (m.choco().error() != null) {
                    problems.add("Choco error: " + m.instance() + ": " + m.choco().error());
                }
                if (m.cpSat().error() != null) {
                    problems.add("CP-SAT error: " + m.instance() + ": " + m.cpSat().error());
                }
            }
            return problems;
        }

        private static double percentile(Stream<Run> runs, int percent) {
            return Bench.percentile(runs.mapToDouble(Run::ms).toArray(), percent);
        }

        private static String share(long part, long whole) {
            return whole == 0 ? "–" : String.format(Locale.ROOT, "%.0f %% (%d/%d)", 100.0 * part / whole, part, whole);
        }

        private static String ms(double ms) {
            return Bench.ms(ms);
        }
    }

    record InstanceSet(String name, List<Instance> instances) {
    }

    /** The command line, parsed. */
    record Options(int[] sizes, int instances, long timeLimitMs, long seed, int warmup, int repeats, int cpSatWorkers,
                   String cpSatParameters, Path dataDirectory, boolean examples, boolean verbose, boolean help) {

        static Options parse(String[] args) {
            var arguments = Bench.Arguments.of(args, List.of("--no-examples", "--verbose", "--help", "-h"),
                    List.of("--sizes", "--instances", "--time-limit-ms", "--seed", "--warmup", "--repeats", "--cpsat-workers",
                            "--cpsat-params", "--data"));
            var values = arguments.values();
            var flags = arguments.flags();
            int[] sizes = Arrays.stream(values.getOrDefault("--sizes", "10,50,200,1000,5000").split(","))
                    .map(String::trim).mapToInt(size -> Bench.positive("--sizes", size)).toArray();
            var data = values.containsKey("--data") ? Path.of(values.get("--data"))
                    : Files.isDirectory(Path.of("data", "requests")) ? Path.of("data") : Path.of("..", "data");
            return new Options(sizes, Bench.positive("--instances", values.getOrDefault("--instances", "10")),
                    Bench.positive("--time-limit-ms", values.getOrDefault("--time-limit-ms", "5000")),
                    Bench.number("--seed", values.getOrDefault("--seed", "1")),
                    (int) Bench.number("--warmup", values.getOrDefault("--warmup", "30")),
                    Bench.positive("--repeats", values.getOrDefault("--repeats", "5")),
                    (int) Bench.number("--cpsat-workers", values.getOrDefault("--cpsat-workers", "1")),
                    values.getOrDefault("--cpsat-params", ""), data, !flags.contains("--no-examples"),
                    flags.contains("--verbose"), flags.contains("--help") || flags.contains("-h"));
        }
    }
}

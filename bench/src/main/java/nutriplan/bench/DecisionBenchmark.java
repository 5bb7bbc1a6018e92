package nutriplan.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import nutriplan.catalog.CatalogFiles;
import nutriplan.planner.Planner;
import nutriplan.planner.auto.AutoPlanner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.reference.CpSatPlanner;
import nutriplan.planner.reference.FoodTables;
import nutriplan.planner.reference.ProbeInstances;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.reference.RandomInstances.Instance;

/**
 * Does the exact engine decide what CP-SAT decides? On requests made to be tight or infeasible (dietitian probes on
 * the default catalog, meals on the IFCT 2017 table) and on the generated families, each request is run by CP-SAT
 * with 8 workers for 1 s (the reference: what it settles there counts as decidable), by CP-SAT with 1 worker (on the
 * objective alone, and on API.md's whole order, tie-breaks included), and by Choco and {@code auto} at each time
 * limit, one after the other on one thread, warm. Prints a Markdown table:
 * per family and engine, the verdicts, the {@code UNKNOWN}s where the reference settled the request (the goal is
 * none), the time to an infeasibility proof and to an optimality proof (median and p95), and every disagreement
 * with a proven reference verdict (there must be none). An {@code INFEASIBLE} from Choco or {@code auto} includes its
 * explanation; the explanation is timed again on its own ({@link ChocoPlanner#explain}, which does the same work
 * every time), so that the proof's own time is the answer's less the explanation's.
 */
public final class DecisionBenchmark {

    private static final String USAGE = """
            Usage: bench/run --decide [--instances 40] [--seed 1] [--time-limits 1000,2000] [--families a,b,c]
                                      [--data DIR] [--verbose]
              --instances    requests per family
              --families     which families: a (probes), b (meals), c (generated, 131 and 1,000 products)
              --seed         seed of the generated requests; the same seed gives the same requests
              --time-limits  the limits (ms) Choco and auto run with; CP-SAT 1 worker runs with the first
              --data         the data directory holding catalogs/default.json (default: data or ../data)
              --verbose      one line per request and engine
            """;

    /** The reference's limit: what CP-SAT settles in this time with 8 workers is "decidable". */
    private static final long REFERENCE_MS = 1000;
    private static final int REFERENCE_WORKERS = 8;

    record Options(int instances, long seed, List<Long> timeLimits, String families, Path data, boolean verbose,
                   boolean help) {

        static Options parse(String[] args) {
            var parsed = Bench.Arguments.of(args, List.of("--verbose", "--help"),
                    List.of("--instances", "--seed", "--time-limits", "--families", "--data"));
            var values = parsed.values();
            var limits = new ArrayList<Long>();
            for (var limit : values.getOrDefault("--time-limits", "1000,2000").split(",")) {
                limits.add((long) Bench.positive("--time-limits", limit.trim()));
            }
            return new Options(Bench.positive("--instances", values.getOrDefault("--instances", "40")),
                    Bench.number("--seed", values.getOrDefault("--seed", "1")), limits,
                    values.getOrDefault("--families", "a,b,c"),
                    values.containsKey("--data") ? Path.of(values.get("--data"))
                            : java.nio.file.Files.isDirectory(Path.of("data", "catalogs")) ? Path.of("data") : Path.of("..", "data"),
                    parsed.flags().contains("--verbose"), parsed.flags().contains("--help"));
        }
    }

    /** One engine at one limit. */
    private record Engine(String name, Planner planner, long timeLimitMs) {
    }

    /** One engine's answer to one request; for an explained INFEASIBLE, the explanation's own time, else NaN. */
    private record Run(PlanResult result, double ms, double explanationMs) {
    }

    private final Options options;

    private DecisionBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        var options = Bench.optionsOrExit(args, Options::parse, Options::help, USAGE);
        if (options != null) {
            new DecisionBenchmark(options).run();
        }
    }

    private void run() {
        var defaultCatalog = CatalogFiles.read(options.data().resolve("catalogs").resolve("default.json")).catalog().products();
        var families = new LinkedHashMap<String, List<Instance>>();
        var chosen = List.of(options.families().split(","));
        if (chosen.contains("a")) {
            families.put("(a) probes, default catalog (" + defaultCatalog.size() + ")",
                    ProbeInstances.probes(options.seed(), defaultCatalog, options.instances()));
        }
        if (chosen.contains("b")) {
            families.put("(b) meals, IFCT 2017 (" + FoodTables.ifct().size() + ")",
                    ProbeInstances.meals(options.seed(), FoodTables.ifct(), options.instances()));
        }
        if (chosen.contains("c")) {
            families.put("(c) generated, 131 products", RandomInstances.suite(options.seed(), 131, options.instances()));
            families.put("(c) generated, 1,000 products", RandomInstances.suite(options.seed(), 1000, options.instances()));
        }

        var engines = new ArrayList<Engine>();
        var choco = new ChocoPlanner();
        var auto = new AutoPlanner();
        for (long limit : options.timeLimits()) {
            engines.add(new Engine("choco", choco, limit));
            engines.add(new Engine("auto", auto, limit));
        }
        var reference = new Engine("cp-sat 8 workers", new CpSatPlanner(REFERENCE_WORKERS), REFERENCE_MS);
        engines.add(new Engine("cp-sat 1 worker", new CpSatPlanner(1), options.timeLimits().get(0)));
        engines.add(new Engine("cp-sat 1 worker, whole order", CpSatPlanner.withTieBreaks(1),
                options.timeLimits().get(0)));

        warmUp(defaultCatalog, engines, reference);
        System.out.printf(Locale.ROOT, "| family | engine | limit | optimal | infeasible | feasible | unknown | unknown where the"
                + " reference settled | infeasible answer median / p95 ms | of which the proof | optimal proof median / p95 ms"
                + " | disagreements |%n");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var family : families.entrySet()) {
            var referenceRuns = runAll(reference, family.getValue());
            row(family.getKey(), reference, referenceRuns, referenceRuns);
            for (var engine : engines) {
                row(family.getKey(), engine, runAll(engine, family.getValue()), referenceRuns);
            }
        }
    }

    /** A few requests of every family through every engine, so that what is timed is warm. */
    private void warmUp(List<nutriplan.catalog.product.Product> catalog, List<Engine> engines, Engine reference) {
        var warm = new ArrayList<Instance>(ProbeInstances.probes(options.seed() + 7_777, catalog, 15));
        warm.addAll(ProbeInstances.meals(options.seed() + 7_777, FoodTables.ifct(), 4));
        warm.addAll(RandomInstances.suite(options.seed() + 7_777, 131, 4));
        for (var engine : engines) {
            runAll(engine, warm);
        }
        runAll(reference, warm);
    }

    private List<Run> runAll(Engine engine, List<Instance> instances) {
        var runs = new ArrayList<Run>();
        for (var instance : instances) {
            var request = instance.request().withTimeLimitMs(engine.timeLimitMs());
            long start = System.nanoTime();
            var result = engine.planner().plan(request);
            double ms = (System.nanoTime() - start) / 1e6;
            double explanationMs = Double.NaN;
            if (result.status() == PlanStatus.INFEASIBLE && result.infeasibility() != null
                    && !result.solver().startsWith("cp-sat")) {
                long explaining = System.nanoTime();
                ChocoPlanner.explain(request, engine.timeLimitMs()); // its work depends on the request's limit
                explanationMs = (System.nanoTime() - explaining) / 1e6;
            }
            runs.add(new Run(result, ms, explanationMs));
            if (options.verbose()) {
                System.err.printf(Locale.ROOT, "%s %s %d ms: %s %s in %.1f ms%n", instance, engine.name(),
                        engine.timeLimitMs(), result.status(), Double.isNaN(result.value()) ? "" : result.value(), ms);
            }
        }
        return runs;
    }

    private static void row(String family, Engine engine, List<Run> runs, List<Run> reference) {
        var counts = new LinkedHashMap<PlanStatus, Integer>();
        for (var status : PlanStatus.values()) {
            counts.put(status, 0);
        }
        int unknownWhereSettled = 0;
        int disagreements = 0;
        var infeasibleMs = new ArrayList<Double>();
        var proofMs = new ArrayList<Double>();
        var optimalMs = new ArrayList<Double>();
        for (int i = 0; i < runs.size(); i++) {
            var result = runs.get(i).result();
            var settled = reference.get(i).result();
            counts.merge(result.status(), 1, Integer::sum);
            boolean referenceSettled = settled.status() == PlanStatus.OPTIMAL || settled.status() == PlanStatus.INFEASIBLE;
            if (referenceSettled && (result.status() == PlanStatus.UNKNOWN)) {
                unknownWhereSettled++;
            }
            disagreements += disagrees(result, settled) ? 1 : 0;
            if (result.status() == PlanStatus.INFEASIBLE) {
                var run = runs.get(i);
                infeasibleMs.add(run.ms());
                proofMs.add(Double.isNaN(run.explanationMs()) ? run.ms() : Math.max(0, run.ms() - run.explanationMs()));
            } else if (result.status() == PlanStatus.OPTIMAL) {
                optimalMs.add(runs.get(i).ms());
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %d ms | %d | %d | %d | %d | %d | %s | %s | %s | %d |%n", family,
                engine.name(), engine.timeLimitMs(), counts.get(PlanStatus.OPTIMAL), counts.get(PlanStatus.INFEASIBLE),
                counts.get(PlanStatus.FEASIBLE), counts.get(PlanStatus.UNKNOWN), unknownWhereSettled,
                medianAndP95(infeasibleMs), medianAndP95(proofMs), medianAndP95(optimalMs), disagreements);
    }

    /**
     * Whether two answers contradict each other: a proven verdict against a plan (or no plan) the other has, or two
     * proven optima of different value.
     */
    private static boolean disagrees(PlanResult result, PlanResult reference) {
        boolean infeasible = result.status() == PlanStatus.INFEASIBLE;
        boolean referenceInfeasible = reference.status() == PlanStatus.INFEASIBLE;
        if ((infeasible && reference.hasPlan()) || (referenceInfeasible && result.hasPlan())) {
            return true;
        }
        if (result.status() == PlanStatus.OPTIMAL && reference.status() == PlanStatus.OPTIMAL) {
            return Math.abs(result.value() - reference.value()) > 1e-6 * Math.max(1, Math.abs(reference.value()));
        }
        if (result.hasPlan() && reference.status() == PlanStatus.OPTIMAL) {
            return result.value() < reference.value() - 1e-6 * Math.max(1, Math.abs(reference.value()));
        }
        return false;
    }

    private static String medianAndP95(List<Double> values) {
        if (values.isEmpty()) {
            return "–";
        }
        var array = values.stream().mapToDouble(Double::doubleValue).toArray();
        return Bench.ms(Bench.median(values)) + " / " + Bench.ms(Bench.percentile(array, 95));
    }
}

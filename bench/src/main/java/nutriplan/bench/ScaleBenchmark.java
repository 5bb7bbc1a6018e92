package nutriplan.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nutriplan.planner.Planner;
import nutriplan.planner.auto.AutoPlanner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.reference.CpSatPlanner;
import nutriplan.planner.reference.FoodTables;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.reference.RandomInstances.Instance;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.timefold.TimefoldPlanner;

/**
 * The engines at scale: Choco, Timefold, {@code auto} and CP-SAT on the same instances, one after the
 * other in this JVM, each with the same time budget — generated catalogs of 1,000 to 10,000 products and the real
 * IFCT 2017 table — at each budget. Prints one Markdown row per instance set, budget and engine: plans found, proven,
 * equal to the best plan any engine found, the gap to CP-SAT's objective and to the best lower bound, the wall time
 * and, for the engines that report it, the time to their first plan that meets the request.
 *
 * <p>Run it with {@code bench/run --scale [options]}; {@code bench/run --scale --help} lists the options.
 */
public final class ScaleBenchmark {

    private static final String USAGE = """
            Usage: bench/run --scale [--sizes 1000,5000,10000] [--budgets 1000,5000] [--instances 6] [--seed 1]
                                     [--no-ifct] [--engines choco,timefold,auto,cp-sat] [--auto-share 0.5]
                                     [--auto-largest N] [--verbose]
              --sizes       catalog sizes of the generated instances (products)
              --budgets     time limits per instance and engine, in ms
              --instances   instances per set (a size, or the IFCT table)
              --seed        seed of the generated instances
              --no-ifct     leave out the real food composition table (IFCT 2017, 542 foods)
              --engines     which engines, in this order; auto:SHARE[:LARGEST] is auto with another rule
              --auto-share  the share of the budget auto gives Choco before Timefold (its rule's, by default)
              --auto-largest the most products auto gives Choco at all (its rule's, by default)
              --verbose     one line per instance and engine on stderr
            """;

    private static final Objective[] OBJECTIVES = {Objective.SERVINGS, Objective.PRODUCTS, Objective.MASS, Objective.COST};
    /** The food table has no prices: no cost objective there. */
    private static final Objective[] FOOD_TABLE_OBJECTIVES = {Objective.SERVINGS, Objective.PRODUCTS, Objective.MASS};

    private final Options options;
    private final Map<String, Planner> engines = new LinkedHashMap<>();
    private final TimefoldPlanner timefold = new TimefoldPlanner();
    private final AutoPlanner auto;

    private ScaleBenchmark(Options options) {
        this.options = options;
        var measured = AutoPlanner.Rule.MEASURED;
        var rule = new AutoPlanner.Rule(Double.isNaN(options.autoShare()) ? measured.exactShare() : options.autoShare(),
                options.autoLargest() < 0 ? measured.largestForExact() : options.autoLargest());
        this.auto = new AutoPlanner(new ChocoPlanner(), timefold, rule);
        for (var name : options.engines()) {
            engines.put(name, switch (name) {
                case "choco" -> new ChocoPlanner();
                case "timefold" -> timefold;
                case "auto" -> auto;
                case "cp-sat" -> new CpSatPlanner();
                default -> variant(name);
            });
        }
    }

    /** "auto:SHARE" or "auto:SHARE:LARGEST": auto with another rule, to compare rules in the same run. */
    private AutoPlanner variant(String name) {
        var parts = name.split(":");
        var measured = AutoPlanner.Rule.MEASURED;
        return new AutoPlanner(new ChocoPlanner(), timefold, new AutoPlanner.Rule(Double.parseDouble(parts[1]),
                parts.length > 2 ? Integer.parseInt(parts[2]) : measured.largestForExact()));
    }

    public static void main(String[] args) {
        var options = Bench.optionsOrExit(args, Options::parse, Options::help, USAGE);
        if (options != null) {
            new ScaleBenchmark(options).run();
        }
    }

    private void run() {
        long start = System.nanoTime();
        var sets = new ArrayList<InstanceSet>();
        for (int size : options.sizes()) {
            sets.add(new InstanceSet(String.format(Locale.ROOT, "%,d products", size),
                    RandomInstances.suite(options.seed(), size, options.instances(), OBJECTIVES)));
        }
        if (options.ifct()) {
            var foods = FoodTables.ifct();
            sets.add(new InstanceSet("IFCT 2017 (" + foods.size() + " foods)",
                    RandomInstances.suite(options.seed(), "ifct2017", foods, options.instances(), FOOD_TABLE_OBJECTIVES)));
        }
        warmUp();
        var rows = new ArrayList<String>();
        for (var set : sets) {
            for (long budget : options.budgets()) {
                var runs = new ArrayList<Map<String, Run>>();
                for (var instance : set.instances()) {
                    runs.add(measure(instance, budget));
                }
                for (var engine : engines.keySet()) {
                    rows.add(row(set.name(), budget, engine, runs));
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Engines at scale: %d instances per set (objectives servings, products, mass, cost"
                        + " in turn, no cost on IFCT; every third with maxProducts), seed %d; auto: Choco for %.0f %% of the"
                        + " budget up to %s products; Java %s, %d cores; total %.0f s%n%n",
                options.instances(), options.seed(), 100 * auto.rule().exactShare(),
                auto.rule().largestForExact() == Integer.MAX_VALUE ? "any number of" : String.format(Locale.ROOT, "%,d",
                        auto.rule().largestForExact()), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                (System.nanoTime() - start) / 1e9);
        System.out.println("| instances | budget | engine | plans | proven | = best | gap to CP-SAT mean / max"
                + " | gap to bound mean / max | median ms | first plan median / max ms | violations |");
        System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println(LEGEND);
    }

    private static final String LEGEND = """
            plans: answers with a plan (OPTIMAL or FEASIBLE). proven: OPTIMAL or INFEASIBLE. = best: the plan's \
            objective equals the best any engine found on that instance (instances where some engine found one). \
            gap to CP-SAT: (value − CP-SAT's value) / CP-SAT's value over the instances where both have a plan; \
            negative is better than CP-SAT. gap to bound: (value − best lower bound) / best lower bound, the bound \
            being the highest any engine proved (an OPTIMAL value is one); 0 % means proven optimal. median ms: wall \
            time of plan(), a timeout counts as what it took. first plan: when Timefold (alone, or in auto once it \
            runs) holds its first plan that meets the request; auto's Choco stage does not report one. violations: \
            plans breaking their request (must be 0).""";

    /** Every engine on instances of another seed, so that the measured runs are JIT-compiled. */
    private void warmUp() {
        long start = System.nanoTime();
        for (var instance : RandomInstances.suite(options.seed() + 7919, 1000, 4, OBJECTIVES)) {
            for (var engine : engines.values()) {
                solve(engine, instance.request().withTimeLimitMs(500));
            }
        }
        System.err.printf(Locale.ROOT, "warm-up in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private Map<String, Run> measure(Instance instance, long budget) {
        var request = instance.request().withTimeLimitMs(budget).withAlternatives(0);
        var runs = new LinkedHashMap<String, Run>();
        for (var entry : engines.entrySet()) {
            var run = solve(entry.getValue(), request);
            runs.put(entry.getKey(), run);
            if (options.verbose()) {
                System.err.println(instance + " budget " + budget + " " + entry.getKey() + ": " + run);
            }
        }
        return runs;
    }

    private Run solve(Planner planner, PlanRequest request) {
        long start = System.nanoTime();
        long[] first = {-1};
        // Wall time since this call began (auto's Timefold stage starts after its Choco stage).
        TimefoldPlanner.Options progress = TimefoldPlanner.Options.NONE.withProgress((nanos, value) -> {
            if (first[0] < 0) {
                first[0] = System.nanoTime() - start;
            }
        });
        try {
            PlanResult result;
            if (planner == timefold) {
                result = timefold.plan(request, progress);
            } else if (planner instanceof AutoPlanner rule) {
                result = rule.plan(request, progress);
            } else {
                result = planner.plan(request);
            }
            double ms = (System.nanoTime() - start) / 1e6;
            var violations = result.hasPlan() ? result.plan().violations(request).size() : 0;
            return new Run(result, ms, first[0] < 0 ? Double.NaN : first[0] / 1e6, violations, null);
        } catch (RuntimeException e) {
            return new Run(null, (System.nanoTime() - start) / 1e6, Double.NaN, 0, e);
        }
    }

    /** One engine's answer to one request. */
    record Run(PlanResult result, double ms, double firstPlanMs, int violations, RuntimeException error) {

        boolean hasPlan() {
            return result != null && result.hasPlan();
        }

        boolean proven() {
            return result != null && (result.status() == PlanStatus.OPTIMAL || result.status() == PlanStatus.INFEASIBLE);
        }

        double value() {
            return hasPlan() ? result.value() : Double.NaN;
        }

        /** A lower bound this run proved: its bound, or its value when OPTIMAL. */
        double bound() {
            if (result == null || !result.hasPlan()) {
                return Double.NaN;
            }
            return result.status() == PlanStatus.OPTIMAL ? result.value() : result.bound();
        }

        @Override
        public String toString() {
            if (error != null) {
                return "error " + error;
            }
            return String.format(Locale.ROOT, "%s %s (bound %s) %s in %.0f ms, first plan %.1f ms", result.status(),
                    result.value(), result.bound(), result.solver(), ms, firstPlanMs);
        }
    }

    private static String row(String set, long budget, String engine, List<Map<String, Run>> runs) {
        int plans = 0;
        int proven = 0;
        int best = 0;
        int withBest = 0;
        int violations = 0;
        var gapsToCpSat = new ArrayList<Double>();
        var gapsToBound = new ArrayList<Double>();
        var times = new ArrayList<Double>();
        var firstPlans = new ArrayList<Double>();
        for (var instance : runs) {
            var run = instance.get(engine);
            times.add(run.ms());
            if (!Double.isNaN(run.firstPlanMs())) {
                firstPlans.add(run.firstPlanMs());
            }
            violations += run.violations();
            plans += run.hasPlan() ? 1 : 0;
            proven += run.proven() ? 1 : 0;
            double bestValue = instance.values().stream().filter(Run::hasPlan).mapToDouble(Run::value).min().orElse(Double.NaN);
            double bestBound = instance.values().stream().mapToDouble(Run::bound).filter(b -> !Double.isNaN(b)).max()
                    .orElse(Double.NaN);
            if (!Double.isNaN(bestValue)) {
                withBest++;
                best += run.hasPlan() && equal(run.value(), bestValue) ? 1 : 0;
            }
            var cpSat = instance.get("cp-sat");
            if (cpSat != null && cpSat.hasPlan() && run.hasPlan()) {
                gapsToCpSat.add(relative(run.value(), cpSat.value()));
            }
            if (run.hasPlan() && !Double.isNaN(bestBound)) {
                gapsToBound.add(relative(run.value(), bestBound));
            }
        }
        return String.format(Locale.ROOT, "| %s | %,d ms | %s | %d/%d | %d | %s | %s | %s | %s | %s | %d |", set, budget,
                engine, plans, runs.size(), proven, withBest == 0 ? "–" : best + "/" + withBest,
                meanMax(gapsToCpSat), meanMax(gapsToBound), Bench.ms(Bench.median(times)),
                firstPlans.isEmpty() ? "–" : Bench.ms(Bench.median(firstPlans)) + " / " + Bench.ms(max(firstPlans)),
                violations);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static boolean equal(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static double relative(double value, double reference) {
        return equal(value, reference) ? 0 : (value - reference) / Math.max(Math.abs(reference), 1e-9);
    }

    private static String meanMax(List<Double> gaps) {
        if (gaps.isEmpty()) {
            return "–";
        }
        double mean = gaps.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double max = gaps.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(Locale.ROOT, "%+.2f %% / %+.2f %% (%d)", 100 * mean, 100 * max, gaps.size());
    }

    record InstanceSet(String name, List<Instance> instances) {
    }

    /** The command line, parsed. */
    record Options(int[] sizes, long[] budgets, int instances, long seed, boolean ifct, List<String> engines,
                   double autoShare, int autoLargest, boolean verbose, boolean help) {

        static Options parse(String[] args) {
            var arguments = Bench.Arguments.of(args, List.of("--no-ifct", "--verbose", "--help", "-h"),
                    List.of("--sizes", "--budgets", "--instances", "--seed", "--engines", "--auto-share", "--auto-largest"));
            var values = arguments.values();
            var flags = arguments.flags();
            var engines = List.of(values.getOrDefault("--engines", "choco,timefold,auto,cp-sat").split(","));
            for (var engine : engines) {
                if (!List.of("choco", "timefold", "auto", "cp-sat").contains(engine)
                        && !engine.matches("auto:(0?\\.\\d+|1(\\.0*)?)(:\\d+)?")) {
                    throw new IllegalArgumentException("unknown engine " + engine + " in --engines (auto:SHARE[:LARGEST]"
                            + " is auto with another rule).");
                }
            }
            double share = values.containsKey("--auto-share") ? Double.parseDouble(values.get("--auto-share")) : Double.NaN;
            return new Options(
                    Arrays.stream(values.getOrDefault("--sizes", "1000,5000,10000").split(",")).mapToInt(Integer::parseInt).toArray(),
                    Arrays.stream(values.getOrDefault("--budgets", "1000,5000").split(",")).mapToLong(Long::parseLong).toArray(),
                    Integer.parseInt(values.getOrDefault("--instances", "6")),
                    Long.parseLong(values.getOrDefault("--seed", "1")),
                    !flags.contains("--no-ifct"), engines, share,
                    Integer.parseInt(values.getOrDefault("--auto-largest", "-1")), flags.contains("--verbose"),
                    flags.contains("--help") || flags.contains("-h"));
        }
    }
}

package nutriplan.planner.choco;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Dimension;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Price;
import nutriplan.catalog.product.Product;
import nutriplan.planner.Planner;
import nutriplan.planner.plan.Infeasibility;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.Target;

/**
 * The Choco planner against brute-force enumeration on many random tiny requests, for each objective.
 *
 * <p>Every instance has at most 6 products with at most 4 servings each (at most 5^6 servings vectors), 1–4
 * targeted nutrients with random minimums and/or maximums (some unreachable), and sometimes maxProducts,
 * maxServings, a required product, an exclusion, products without a price, unknown (null) amounts and
 * {@code alternatives: 2}. Amounts and bounds have at most one decimal and prices at most two, so
 * {@link BruteForce} decides everything in exact integers. Per instance it asserts: the same feasibility
 * verdict (a proven one: OPTIMAL or INFEASIBLE, never UNKNOWN or FEASIBLE on instances this small), the same
 * optimal value, the API.md tie-break (fewer products, then less overshoot), that every plan returned meets
 * every bound and limit (checked independently and with {@link Plan#violations}), and for alternatives: each
 * feasible, ordered best first, with a product set new to every plan before it, the best such plan, and
 * present whenever such a plan exists.
 *
 * <p>Every instance comes from its own seed; a failure prints the seed and the whole instance. To replay
 * some: {@code ./mvnw -B -q -pl planner -am test -Dtest=BruteForcePropertyTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnutriplan.bruteforce.seeds=4000017,2000003}. {@code -Dnutriplan.bruteforce.instances=5000} runs more
 * instances per objective (default 600).
 */
public class BruteForcePropertyTest {

    private static final int DEFAULT_INSTANCES = 600;
    private static final long SEEDS_PER_OBJECTIVE = 1_000_000;
    private static final long TIME_LIMIT_MS = 2000;
    private static final double VALUE_TOLERANCE = 1e-6;
    /** How many failing instances are printed in full; {@code -Dnutriplan.bruteforce.printed=N} changes it. */
    private static final int FAILURES_PRINTED = Integer.getInteger("nutriplan.bruteforce.printed", 12);

    /** Nutrients the generator targets, with the largest amount one serving may hold (canonical unit). */
    private static final Map<Nutrient, Integer> LARGEST_AMOUNT = new EnumMap<>(Map.of(
            Nutrient.ENERGY, 400, Nutrient.CARBOHYDRATE, 80, Nutrient.PROTEIN, 30, Nutrient.FAT, 20,
            Nutrient.FLUID, 750, Nutrient.SODIUM, 800, Nutrient.POTASSIUM, 300, Nutrient.MAGNESIUM, 100,
            Nutrient.CALCIUM, 300, Nutrient.CAFFEINE, 200));

    private static final double[] COMMON_GRAMS = {20, 25, 30, 40, 50, 60};
    private static final double[] COMMON_MILLILITRES = {20, 30, 60, 250, 500};

    /** The planner under test: a new one per objective, reused across that objective's instances. */
    private static Planner plannerUnderTest() {
        return new ChocoPlanner();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Objective.class)
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a safety net against a planner that ignores its time limit
    void choco_agrees_with_brute_force(Objective objective) {
        var seeds = seeds(objective);
        Assumptions.assumeFalse(seeds.isEmpty(), "no seeds for " + objective);
        Planner planner = plannerUnderTest();

        var failures = new ArrayList<Failure>();
        var statuses = new TreeMap<String, Integer>();
        long plannerNanos = 0;
        long bruteForceNanos = 0;
        long slowestMs = 0;
        long slowestSeed = -1;
        int withAlternatives = 0;
        int feasible = 0;
        var tieBreaks = new TreeMap<String, Integer>();
        var categories = new TreeMap<String, Integer>();
        for (long seed : seeds) {
            PlanRequest request = instance(seed);
            long start = System.nanoTime();
            var solution = BruteForce.solve(request);
            bruteForceNanos += System.nanoTime() - start;
            if (solution.isFeasible()) {
                feasible++;
                tieBreaks.merge(solution.tieBreak(), 1, Integer::sum);
            }

            PlanResult result = null;
            var problems = new ArrayList<String>();
            start = System.nanoTime();
            try {
                result = planner.plan(request);
            } catch (RuntimeException | Error e) {
                problems.add("[exception] plan() threw " + e + Arrays.stream(e.getStackTrace()).limit(6)
                        .map(frame -> "\n      at " + frame).collect(Collectors.joining()));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            plannerNanos += System.nanoTime() - start;
            if (ms > slowestMs) {
                slowestMs = ms;
                slowestSeed = seed;
            }
            if (result != null) {
                statuses.merge(String.valueOf(result.status()), 1, Integer::sum);
                problems.addAll(check(request, solution, result));
            }
            problems.addAll(crossCheckViolations(solution));
            withAlternatives += request.alternatives() > 0 ? 1 : 0;
            problems.forEach(problem -> categories.merge(problem.substring(0, problem.indexOf(']') + 1), 1, Integer::sum));
            if (!problems.isEmpty()) {
                failures.add(new Failure(seed, report(seed, request, solution, result, problems)));
            }
        }

        System.out.printf(Locale.ROOT,
                "brute force vs choco, %s: %d instances (%d feasible, optimum decided by %s, %d with alternatives), statuses %s, "
                        + "planner %.1f s (slowest %d ms, seed %d), brute force %.1f s, %d failing %s%n",
                objective, seeds.size(), feasible, tieBreaks, withAlternatives, statuses, plannerNanos / 1e9, slowestMs,
                slowestSeed, bruteForceNanos / 1e9, failures.size(), categories);
        failures.stream().limit(FAILURES_PRINTED).forEach(failure -> System.out.println(failure.report()));
        if (!failures.isEmpty()) {
            String seedList = failures.stream().limit(40).map(failure -> String.valueOf(failure.seed()))
                    .collect(Collectors.joining(","));
            fail(failures.size() + " of " + seeds.size() + " " + objective + " instances disagree with brute force;"
                    + " replay with -Dnutriplan.bruteforce.seeds=" + seedList + (failures.size() > 40 ? " (first 40)" : "")
                    + "\nfirst:" + failures.get(0).report());
        }
    }

    private record Failure(long seed, String report) {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Checks

    /** Everything wrong with one answer, each line tagged with what kind of check it broke. */
    static List<String> check(PlanRequest request, BruteForce.Solution solution, PlanResult result) {
        var problems = new ArrayList<String>();
        Objective objective = request.objective();
        if (result.status() == null) {
            problems.add("[status] no status");
            return problems;
        }
        if (!solution.isFeasible()) {
            if (result.status() != PlanStatus.INFEASIBLE) {
                problems.add("[verdict] brute force finds no feasible plan, planner says " + result.status());
            }
            if (result.status() == PlanStatus.INFEASIBLE && result.infeasibility() == null) {
                problems.add("[infeasibility] INFEASIBLE without an explanation");
            } else if (result.status() == PlanStatus.INFEASIBLE) {
                problems.addAll(checkExplanation(request, result.infeasibility()));
            }
        } else {
            var best = solution.best();
            switch (result.status()) {
                case OPTIMAL -> { }
                case INFEASIBLE -> problems.add("[verdict] planner says INFEASIBLE, brute force finds "
                        + solution.describe(best.servings()));
                default -> problems.add("[status] " + result.status() + " on a tiny feasible instance (expected OPTIMAL)");
            }
        }
        if (result.objective() != objective) {
            problems.add("[result] objective " + result.objective() + ", asked for " + objective);
        }
        boolean shouldHavePlan = result.status() == PlanStatus.OPTIMAL || result.status() == PlanStatus.FEASIBLE;
        if (shouldHavePlan != (result.plan() != null)) {
            problems.add("[result] status " + result.status() + " with " + (result.plan() == null ? "no plan" : "a plan"));
        }
        if (result.plan() == null) {
            if (!result.alternatives().isEmpty()) {
                problems.add("[alternatives] " + result.alternatives().size() + " alternatives without a plan");
            }
            return problems;
        }

        Plan plan = result.plan();
        problems.addAll(feasibility("plan", request, plan));
        double planValue = plan.value(objective);
        if (Math.abs(result.value() - planValue) > VALUE_TOLERANCE || Double.isNaN(result.value())) {
            problems.add("[value] result.value " + result.value() + " but the plan's " + objective + " is " + planValue);
        }
        if (result.status() == PlanStatus.OPTIMAL && !(Math.abs(result.bound() - result.value()) <= VALUE_TOLERANCE)) {
            problems.add("[bound] OPTIMAL with bound " + result.bound() + " != value " + result.value());
        }
        if (!solution.isFeasible()) {
            return problems;
        }
        var best = solution.best();
        long exactValue = BruteForce.exactValue(objective, plan);
        if (exactValue != best.value()) {
            problems.add("[optimum] plan's " + objective + " is " + (double) exactValue / solution.scale()
                    + ", brute-force optimum is " + solution.bestValue() + " by " + solution.describe(best.servings()));
        } else if (Math.abs(planValue - solution.bestValue()) > VALUE_TOLERANCE) {
            problems.add("[optimum] Plan.value " + planValue + " != optimum " + solution.bestValue());
        } else {
            double overshoot = plan.overshoot(request.targets());
            double exactOvershoot = BruteForce.overshoot(request, plan);
            if (Math.abs(overshoot - exactOvershoot) > VALUE_TOLERANCE) {
                problems.add("[overshoot] Plan.overshoot " + overshoot + " but exactly " + exactOvershoot);
            }
            if (plan.productCount() != best.productCount()
                    || Math.abs(exactOvershoot - best.overshoot()) > VALUE_TOLERANCE) {
                problems.add("[tie-break] plan has (products " + plan.productCount() + ", overshoot " + exactOvershoot
                        + "); the best optimal plan " + solution.describe(best.servings()) + " has (products "
                        + best.productCount() + ", overshoot " + best.overshoot() + ")");
            }
        }
        problems.addAll(checkAlternatives(request, solution, result));
        return problems;
    }

    /**
     * A complete explanation's conflict, by brute force: the conflicting set alone admits no plan, each member is
     * necessary (without it a plan exists), and each member's relaxation is exactly the smallest change to it alone
     * that admits a plan, to the 0.1 of a unit the explanation rounds to (amounts here are whole tenths, so the
     * rounding is exact). An incomplete explanation must still be conflicting.
     */
    static List<String> checkExplanation(PlanRequest request, Infeasibility infeasibility) {
        var problems = new ArrayList<String>();
        var all = Clause.of(request);
        var members = new LinkedHashSet<Clause>();
        for (var relaxation : infeasibility.conflict()) {
            all.stream().filter(clause -> clause.field(request).equals(relaxation.field())
                    && clause.describe(request).equals(relaxation.constraint())).findFirst().ifPresentOrElse(members::add,
                    () -> problems.add("[conflict] names " + relaxation.field() + " (" + relaxation.constraint()
                            + "), which the request does not have"));
        }
        if (isFeasible(Clause.keepOnly(request, members)) == Boolean.TRUE) {
            problems.add("[conflict] the conflicting set " + infeasibility.conflict() + " alone admits a plan");
        }
        if (!infeasibility.complete()) {
            return problems;
        }
        for (var relaxation : infeasibility.conflict()) {
            var member = members.stream().filter(clause -> clause.describe(request).equals(relaxation.constraint()))
                    .findFirst().orElse(null);
            if (member == null) {
                continue;
            }
            var others = new LinkedHashSet<>(members);
            others.remove(member);
            if (isFeasible(Clause.keepOnly(request, others)) == Boolean.FALSE) {
                problems.add("[conflict] " + relaxation.constraint() + " is not needed: the set is infeasible without it");
            }
            var everythingElse = new LinkedHashSet<>(all);
            everythingElse.remove(member);
            if (!CHECKED_RELAXATIONS.contains(member.kind())) {
                continue; // the per-product cap's search and the selection's clauses have no value to check
            }
            // A raised max is still a max (products that do not state that nutrient stay out): raise it out of reach.
            // So is a raised concentration limit (products that do not state their carbohydrate stay out).
            var relaxed = bruteForce(switch (member.kind()) {
                case MAX -> Explainer.withMaxOutOfReach(Clause.keepOnly(request, everythingElse), member.index());
                case CONCENTRATION -> Explainer.withConcentrationOutOfReach(request);
                default -> Clause.keepOnly(request, everythingElse);
            });
            if (relaxed == null) {
                continue;
            }
            var expected = smallestRelaxation(request, member, relaxed);
            if (!java.util.Objects.equals(expected, relaxation.value())) {
                problems.add("[relaxation] " + relaxation.constraint() + ": suggested " + relaxation.value()
                        + " (" + relaxation.suggestion() + "), brute force's smallest is " + expected);
            }
        }
        return problems;
    }

    /**
     * Brute force's answer, or null where dropping a limit leaves too many servings vectors to enumerate (a request
     * whose caps came from the limit alone).
     */
    private static BruteForce.Solution bruteForce(PlanRequest request) {
        try {
            return BruteForce.solve(request);
        } catch (IllegalArgumentException tooLarge) {
            return null;
        }
    }

    private static Boolean isFeasible(PlanRequest request) {
        var solution = bruteForce(request);
        return solution == null ? null : solution.isFeasible();
    }

    private static final Set<Clause.Kind> CHECKED_RELAXATIONS = Set.of(Clause.Kind.MIN, Clause.Kind.MAX,
            Clause.Kind.MAX_SERVINGS, Clause.Kind.MAX_PRODUCTS, Clause.Kind.CONCENTRATION);

    /**
     * The exact relaxation of one clause with every other clause in force, from every plan brute force finds
     * then: null when no change to it alone admits a plan.
     */
    private static Double smallestRelaxation(PlanRequest request, Clause clause, BruteForce.Solution relaxed) {
        if (!relaxed.isFeasible()) {
            return null;
        }
        if (clause.kind() == Clause.Kind.CONCENTRATION) {
            return leastConcentration(relaxed);
        }
        var totals = relaxed.feasible().stream().mapToLong(candidate -> switch (clause.kind()) {
            case MIN, MAX -> BruteForce.exactTotal(relaxed.toPlan(candidate.servings()), request.targets().get(clause.index()));
            case MAX_SERVINGS -> java.util.Arrays.stream(candidate.servings()).sum();
            case MAX_PRODUCTS -> candidate.productCount();
            default -> 0;
        });
        return switch (clause.kind()) {
            // Totals are in tenths (BruteForce.AMOUNT_SCALE): the most a min can ask, the least a max can allow.
            case MIN -> totals.max().getAsLong() / (double) BruteForce.AMOUNT_SCALE;
            case MAX -> totals.min().getAsLong() / (double) BruteForce.AMOUNT_SCALE;
            default -> (double) totals.min().getAsLong();
        };
    }

    /**
     * The least limit, on the grid of 0.1 g/L, that one of the plans keeps: ⌈10,000·c / f⌉ tenths of a g/L for
     * totals in tenths (a plan without fluid keeps none); null when no plan keeps any.
     */
    private static Double leastConcentration(BruteForce.Solution relaxed) {
        long least = Long.MAX_VALUE;
        for (var candidate : relaxed.feasible()) {
            var plan = relaxed.toPlan(candidate.servings());
            long carbohydrate = BruteForce.exactTotal(plan, Nutrient.CARBOHYDRATE);
            long fluid = BruteForce.exactTotal(plan, Nutrient.FLUID);
            if (fluid > 0) {
                least = Math.min(least, Math.ceilDiv(10_000 * carbohydrate, fluid));
            }
        }
        return least == Long.MAX_VALUE ? null : least / (double) BruteForce.AMOUNT_SCALE;
    }

    /**
     * The alternatives: at most the number asked, each feasible, best first, each with a new product set, and each
     * the lexicographic best (objective, products, overshoot) of the plans whose product set is new.
     */
    private static List<String> checkAlternatives(PlanRequest request, BruteForce.Solution solution, PlanResult result) {
        var problems = new ArrayList<String>();
        var alternatives = result.alternatives();
        if (alternatives.size() > request.alternatives()) {
            problems.add("[alternatives] " + alternatives.size() + " alternatives, asked for " + request.alternatives());
        }
        Objective objective = request.objective();
        var usedSets = new ArrayList<Integer>();
        usedSets.add(solution.productSet(result.plan()));
        var usedIds = new ArrayList<Set<String>>();
        usedIds.add(result.plan().productIds());
        long previous = BruteForce.exactValue(objective, result.plan());
        for (int k = 0; k < alternatives.size(); k++) {
            Plan alternative = alternatives.get(k);
            String name = "alternative " + (k + 1);
            problems.addAll(feasibility(name, request, alternative));
            long value = BruteForce.exactValue(objective, alternative);
            if (value < previous) {
                problems.add("[alternatives] " + name + " has " + objective + " " + alternative.value(objective)
                        + ", better than the plan before it: not best first");
            }
            if (usedIds.contains(alternative.productIds())) {
                problems.add("[alternatives] " + name + " uses the products " + alternative.productIds()
                        + " of a plan before it");
            }
            var bestRemaining = solution.bestExcluding(usedSets);
            if (bestRemaining != null && value != bestRemaining.value()) {
                problems.add("[alternatives] " + name + " has " + objective + " " + alternative.value(objective)
                        + "; the best plan with a product set new to every plan before it has "
                        + (double) bestRemaining.value() / solution.scale());
            } else if (bestRemaining != null && (alternative.productCount() != bestRemaining.productCount()
                    || Math.abs(BruteForce.overshoot(request, alternative) - bestRemaining.overshoot()) > VALUE_TOLERANCE)) {
                problems.add("[alternatives] " + name + " has (products " + alternative.productCount() + ", overshoot "
                        + BruteForce.overshoot(request, alternative) + "); the best plan with a new product set "
                        + solution.describe(bestRemaining.servings()) + " has (products "
                        + bestRemaining.productCount() + ", overshoot " + bestRemaining.overshoot() + ")");
            }
            previous = value;
            usedSets.add(solution.productSet(alternative));
            usedIds.add(alternative.productIds());
        }
        if (alternatives.size() < request.alternatives()) {
            var bestRemaining = solution.bestExcluding(usedSets);
            if (bestRemaining != null) {
                problems.add("[alternatives] " + alternatives.size() + " of " + request.alternatives()
                        + " alternatives, but a plan with yet another product set exists ("
                        + objective + " " + (double) bestRemaining.value() / solution.scale() + ")");
            }
        }
        return problems;
    }

    /** A plan's breaches, by the exact independent check and by {@link Plan#violations}; they must agree. */
    private static List<String> feasibility(String name, PlanRequest request, Plan plan) {
        var problems = new ArrayList<String>();
        var exact = BruteForce.violations(request, plan);
        var own = plan.violations(request);
        if (!exact.isEmpty()) {
            problems.add("[bounds] " + name + " " + describe(plan) + " breaks: " + String.join("; ", exact));
        }
        if (exact.isEmpty() != own.isEmpty()) {
            problems.add("[Plan.violations] " + name + ": Plan.violations says " + own + ", the exact check " + exact);
        }
        return problems;
    }

    /** Plan.violations (which the planners rely on) against the exact check, on brute force's vectors. */
    static List<String> crossCheckViolations(BruteForce.Solution solution) {
        var problems = new ArrayList<String>();
        for (var candidate : solution.feasible()) {
            int[] servings = candidate.servings();
            var own = solution.toPlan(servings).violations(solution.request());
            if (!own.isEmpty()) {
                problems.add("[Plan.violations] " + solution.describe(servings) + " is feasible, Plan.violations says " + own);
                break;
            }
        }
        for (int[] servings : solution.infeasibleSample()) {
            if (solution.toPlan(servings).violations(solution.request()).isEmpty()) {
                problems.add("[Plan.violations] " + solution.describe(servings) + " breaks "
                        + BruteForce.violations(solution.request(), solution.toPlan(servings)) + ", Plan.violations finds nothing");
                break;
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Instances

    /** The seeds to run for an objective: {@code nutriplan.bruteforce.seeds} when given, else the first N. */
    private static List<Long> seeds(Objective objective) {
        long base = (objective.ordinal() + 1) * SEEDS_PER_OBJECTIVE;
        String only = System.getProperty("nutriplan.bruteforce.seeds", "").trim();
        if (!only.isEmpty()) {
            return Arrays.stream(only.split("[,\\s]+")).map(Long::parseLong)
                    .filter(seed -> seed / SEEDS_PER_OBJECTIVE == objective.ordinal() + 1).toList();
        }
        int count = Integer.getInteger("nutriplan.bruteforce.instances", DEFAULT_INSTANCES);
        var seeds = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            seeds.add(base + i);
        }
        return seeds;
    }

    /** The instance of a seed; its objective is the seed's millions digit (1 servings … 4 cost). */
    public static PlanRequest instance(long seed) {
        Objective objective = Objective.values()[(int) (seed / SEEDS_PER_OBJECTIVE) - 1];
        var random = new Random(seed);

        // Each product's cap ends up at most 4: from the limit, or from the product's own maxServings.
        boolean perProductLimit = random.nextBoolean();
        int maxServingsPerProduct = perProductLimit ? 1 + random.nextInt(4) : Limits.NONE;

        var nutrients = new ArrayList<>(LARGEST_AMOUNT.keySet());
        Collections.shuffle(nutrients, random);
        var targeted = nutrients.subList(0, 1 + random.nextInt(4));
        var untargeted = nutrients.get(4);

        int productCount = 1 + random.nextInt(6);
        var products = new ArrayList<Product>();
        for (int i = 0; i < productCount; i++) {
            var product = product(random, objective, i, targeted, untargeted, perProductLimit);
            if (i > 0 && random.nextInt(100) < 30) {
                // The serving and price of an earlier product: plans that swap one for the other tie on mass
                // and cost, and the tie-breaks decide.
                var model = products.get(random.nextInt(i));
                product = new Product(product.id(), product.name(), product.brand(), product.kind(), model.serving(),
                        product.nutrients(), product.tags(), product.maxServings(), model.price(), product.source());
            }
            products.add(product);
        }

        Selection selection = Selection.ALL;
        int exclusion = random.nextInt(100);
        if (exclusion < 12) {
            selection = new Selection(Set.of(), Set.of(), Set.of(), Set.of("caffeine"));
        } else if (exclusion < 20) {
            selection = new Selection(Set.of(), Set.of(), Set.of(products.get(random.nextInt(productCount)).id()), Set.of());
        }
        final Selection chosen = selection;
        var allowed = products.stream().filter(chosen::allows).toList();

        var required = new LinkedHashSet<String>();
        int requiring = random.nextInt(100);
        if (!allowed.isEmpty() && requiring < 22) {
            required.add(allowed.get(random.nextInt(allowed.size())).id());
            if (requiring < 5) {
                required.add(allowed.get(random.nextInt(allowed.size())).id());
            }
        }

        var limits = new Limits(maxServingsPerProduct,
                random.nextInt(100) < 30 ? 1 + random.nextInt(3) : Limits.NONE,
                random.nextInt(100) < 30 ? 1 + random.nextInt(8) : Limits.NONE);

        int[] reference = random.nextInt(100) < 75
                ? reference(random, objective, products, allowed, required, limits, random.nextInt(100) < 85)
                : null;
        var targets = new ArrayList<Target>();
        for (var nutrient : targeted) {
            targets.add(target(random, nutrient, products, limits, reference));
        }

        return PlanRequest.of(targets, products)
                .withSelection(selection)
                .withRequired(required)
                .withLimits(limits)
                .withObjective(objective)
                .withTimeLimitMs(TIME_LIMIT_MS)
                .withAlternatives(random.nextInt(3) == 0 ? 2 : 0);
    }

    private static Product product(Random random, Objective objective, int index, List<Nutrient> targeted,
                                   Nutrient untargeted, boolean perProductLimit) {
        var kind = Kind.values()[random.nextInt(Kind.values().length)];
        // Half the time a common size, so that plans tie on mass and the tie-breaks get work.
        var serving = random.nextBoolean()
                ? (random.nextBoolean() ? Amount.grams(tenths(random, 50, 1500) / 10.0)
                                        : Amount.millilitres(tenths(random, 500, 7500) / 10.0))
                : (random.nextBoolean() ? Amount.grams(COMMON_GRAMS[random.nextInt(COMMON_GRAMS.length)])
                                        : Amount.millilitres(COMMON_MILLILITRES[random.nextInt(COMMON_MILLILITRES.length)]));
        Integer maxServings = perProductLimit
                ? (random.nextInt(3) == 0 ? 1 + random.nextInt(6) : null)
                : Integer.valueOf(1 + random.nextInt(4));

        var amounts = new EnumMap<Nutrient, Double>(Nutrient.class);
        for (var nutrient : targeted) {
            int draw = random.nextInt(100);
            if (draw < 5) {
                amounts.put(nutrient, null); // not known: counts as 0
            } else if (draw >= 30) {
                amounts.put(nutrient, tenths(random, 1, LARGEST_AMOUNT.get(nutrient) * 10) / 10.0);
            }
        }
        if (random.nextBoolean()) {
            amounts.put(untargeted, tenths(random, 1, LARGEST_AMOUNT.get(untargeted) * 10) / 10.0);
        }

        Price price = null;
        if (random.nextInt(100) < (objective == Objective.COST ? 80 : 50)) {
            // Some free products, some common round prices (ties on cost), the rest any number of cents.
            int draw = random.nextInt(100);
            int cents = draw < 3 ? 0 : draw < 50 ? 50 * (1 + random.nextInt(6)) : 10 + random.nextInt(591);
            price = new Price(cents / 100.0, "USD");
        }
        var tags = new ArrayList<String>();
        if (random.nextInt(100) < 20) {
            tags.add("caffeine");
        }
        if (random.nextInt(100) < 30) {
            tags.add("vegan");
        }
        String id = "p" + index;
        return new Product(id, "Product " + index, null, kind, serving, amounts, tags, maxServings, price, "test");
    }

    /** Half the time a whole number of units, else one decimal; in tenths, within [lowest, highest]. */
    private static int tenths(Random random, int lowest, int highest) {
        int value = lowest + random.nextInt(highest - lowest + 1);
        if (random.nextBoolean()) {
            value = Math.max(lowest, value / 10 * 10);
        }
        return value;
    }

    /**
     * The servings vector anchored bounds are placed around. When it {@code obeys}, it uses only allowed and
     * eligible products, holds the required ones and keeps within maxProducts and maxServings, so the instance
     * is feasible unless its bounds moved away from it; otherwise it is any vector within the caps.
     */
    private static int[] reference(Random random, Objective objective, List<Product> products, List<Product> allowed,
                                   Set<String> required, Limits limits, boolean obeys) {
        int[] reference = new int[products.size()];
        var order = new ArrayList<Integer>();
        for (int i = 0; i < products.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        order.sort((a, b) -> Boolean.compare(!required.contains(products.get(a).id()), !required.contains(products.get(b).id())));
        int used = 0;
        int servings = 0;
        for (int i : order) {
            var product = products.get(i);
            boolean eligible = allowed.contains(product) && (objective != Objective.COST || product.price() != null);
            boolean wanted = required.contains(product.id()) || random.nextInt(100) >= 40;
            if (!wanted || obeys && (!eligible || used >= limits.maxProducts() || servings >= limits.maxServings())) {
                continue;
            }
            int cap = cap(product, limits);
            if (obeys) {
                cap = Math.min(cap, limits.maxServings() - servings);
            }
            reference[i] = 1 + random.nextInt(cap);
            used++;
            servings += reference[i];
        }
        return reference;
    }

    /**
     * A bound on one nutrient. Most instances are anchored: their bounds are placed around the totals of one
     * reference servings vector (often exactly at them, to hit equality at a bound), so that they tend to be
     * feasible together unless a limit or a requirement gets in the way; the others draw each bound anywhere up
     * to a little beyond what the products reach. Min only, max only, or both (sometimes equal).
     */
    private static Target target(Random random, Nutrient nutrient, List<Product> products, Limits limits,
                                 int[] reference) {
        long reach = 0;
        long anchor = 0;
        int[] caps = new int[products.size()];
        long[] amounts = new long[products.size()];
        for (int i = 0; i < products.size(); i++) {
            caps[i] = cap(products.get(i), limits);
            amounts[i] = BruteForce.exact(products.get(i).amount(nutrient), BruteForce.AMOUNT_SCALE);
            reach += amounts[i] * caps[i];
            anchor += reference == null ? 0 : amounts[i] * reference[i];
        }
        long min = 0;
        long max = -1;
        int shape = random.nextInt(100);
        if (shape < 85) {
            int how = random.nextInt(100);
            if (reference != null) {
                min = how < 40 ? anchor : anchor - (long) (random.nextDouble() * anchor * 0.5);
            } else if (how < 50) {
                min = randomTotal(random, caps, amounts) + random.nextInt(11) - 5;
            } else {
                min = (long) (random.nextDouble() * reach * 1.1);
            }
            min = Math.max(1, min);
        }
        if (shape >= 45) {
            int how = random.nextInt(100);
            if (how < 10 && min > 0) {
                max = min;
            } else if (reference != null) {
                max = how < 40 ? anchor : anchor + (long) (random.nextDouble() * Math.max(10, anchor) * 0.5);
            } else if (how < 50) {
                max = randomTotal(random, caps, amounts);
            } else {
                max = min + (long) (random.nextDouble() * reach * 0.6);
            }
            if (max < min) {
                long swap = max;
                max = min;
                min = swap;
            }
        }
        return new Target(nutrient, min / 10.0, max < 0 ? Double.POSITIVE_INFINITY : max / 10.0);
    }

    /** A product's servings cap before the cost objective's price rule. */
    private static int cap(Product product, Limits limits) {
        return Math.min(limits.maxServingsPerProduct(), product.maxServings() == null ? Limits.NONE : product.maxServings());
    }

    private static long randomTotal(Random random, int[] caps, long[] amounts) {
        long total = 0;
        for (int i = 0; i < caps.length; i++) {
            total += amounts[i] * random.nextInt(caps[i] + 1);
        }
        return total;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reports

    private static String report(long seed, PlanRequest request, BruteForce.Solution solution, PlanResult result,
                                 List<String> problems) {
        var text = new StringBuilder();
        text.append("\n=== seed ").append(seed).append(" (").append(request.objective()).append(") ===\n");
        problems.forEach(problem -> text.append("  ").append(problem).append('\n'));
        text.append(describe(request));
        text.append("  brute force: ");
        if (solution.isFeasible()) {
            var best = solution.best();
            text.append("optimum ").append(solution.bestValue()).append(" by ").append(solution.describe(best.servings()))
                    .append(" (products ").append(best.productCount()).append(", overshoot ")
                    .append(String.format(Locale.ROOT, "%.6f", best.overshoot())).append("), ")
                    .append(solution.feasible().size()).append(" feasible vectors\n");
        } else {
            text.append("infeasible\n");
        }
        if (result != null) {
            text.append("  planner: ").append(result.status()).append(" value ").append(result.value())
                    .append(" bound ").append(result.bound()).append(' ')
                    .append(result.plan() == null ? "no plan" : describe(result.plan()))
                    .append(result.plan() == null ? "" : String.format(Locale.ROOT, " (overshoot %.6f)",
                            result.plan().overshoot(request.targets())));
            for (var alternative : result.alternatives()) {
                text.append(", alternative ").append(describe(alternative)).append(" value ")
                        .append(alternative.value(request.objective()));
            }
            text.append(", ").append(result.timeMs()).append(" ms\n");
        }
        return text.toString();
    }

    static String describe(Plan plan) {
        return plan.items().stream().map(item -> item.product().id() + "×" + item.servings())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** The whole instance, readable and enough to rebuild it by hand. */
    static String describe(PlanRequest request) {
        var text = new StringBuilder();
        var limits = request.limits();
        text.append("  objective ").append(request.objective())
                .append(", limits: maxServingsPerProduct ").append(limit(limits.maxServingsPerProduct()))
                .append(", maxProducts ").append(limit(limits.maxProducts()))
                .append(", maxServings ").append(limit(limits.maxServings()))
                .append(", required ").append(request.required())
                .append(", alternatives ").append(request.alternatives()).append('\n');
        var selection = request.selection();
        if (!selection.excludeProducts().isEmpty() || !selection.excludeTags().isEmpty()) {
            text.append("  exclude products ").append(selection.excludeProducts()).append(" tags ")
                    .append(selection.excludeTags()).append('\n');
        }
        text.append("  targets:");
        for (var target : request.targets()) {
            text.append(' ').append(target.nutrient()).append(" [").append(target.min()).append(", ")
                    .append(target.hasMax() ? String.valueOf(target.max()) : "∞").append("] ")
                    .append(target.nutrient().canonicalUnit()).append(';');
        }
        text.append('\n');
        for (var product : request.catalog().products()) {
            text.append("  ").append(product.id()).append(' ').append(product.kind()).append(" serving ")
                    .append(product.serving().value())
                    .append(product.serving().dimension() == Dimension.VOLUME ? " mL" : " g")
                    .append(", maxServings ").append(product.maxServings())
                    .append(", price ").append(product.price() == null ? "none" : product.price().amount())
                    .append(", tags ").append(product.tags()).append(", nutrients ");
            var nutrients = new ArrayList<String>();
            product.nutrients().forEach((nutrient, amount) -> nutrients.add(nutrient + "=" + (amount == null ? "unknown" : amount)));
            text.append(nutrients).append('\n');
        }
        return text.toString();
    }

    private static String limit(int value) {
        return value == Limits.NONE ? "none" : String.valueOf(value);
    }
}

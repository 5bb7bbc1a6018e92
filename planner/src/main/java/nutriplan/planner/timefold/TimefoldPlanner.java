package nutriplan.planner.timefold;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;

import nutriplan.planner.Elapsed;
import nutriplan.planner.Planner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.plan.Warning;
import nutriplan.planner.plan.Warnings;
import nutriplan.planner.problem.Greedy;
import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.Problem;
import nutriplan.planner.problem.ProblemBuilder;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;
import nutriplan.planner.timefold.solver.BrokenRules;
import nutriplan.planner.timefold.solver.ServingsConstraintProvider;
import nutriplan.planner.timefold.solver.ServingsMoveFactory;

/**
 * The engine for scale: Timefold's local search over integer servings, from a sound start, within the request's
 * time limit. It proves nothing by search, so its plans are FEASIBLE — OPTIMAL only when the plan's objective
 * equals the relaxation's lower bound — and when it finds no plan in time it says UNKNOWN, never INFEASIBLE,
 * with the constraints its best attempt still breaks.
 *
 * <p>The steps: the same candidates and tightened caps as the exact engine ({@link ProblemBuilder}); a start
 * from a greedy plan (or a given one, e.g. Choco's incumbent); the relaxation's bound, whose reduced costs also
 * rank the candidates moves add (on catalogs of thousands, only the products on some candidate list are searched:
 * {@code ServingsPlans.working}); then local search with moves for integer counts ({@code ServingsMoveFactory})
 * under late acceptance, until the time limit or until the best plan has not improved for a share of it.
 * Every plan is checked with {@link Plan#violations} before it is returned.
 *
 * <p>Thread-safe: the solver factory is built once and each call builds its own solver.
 */
public final class TimefoldPlanner implements Planner {

    public static final String NAME = "timefold";

    /** The share of the time limit for the best plan when alternatives are asked for (as the exact engine). */
    private static final double MAIN_SHARE_WITH_ALTERNATIVES = 0.5;
    /** The search stops when the best plan has not improved for this share of its budget… */
    private static final double UNIMPROVED_SHARE = 0.5;
    /** …but never sooner than this. */
    private static final long UNIMPROVED_LEAST_MS = 50;
    /** The relaxation's ascent gets at most this share of the budget (it is what ranks the candidates). */
    private static final double BOUND_SHARE = 0.1;
    /** Greedy restarts for a start when the plain greedy plan gets stuck. */
    private static final int SEEDS = 8;
    /** Late acceptance compares a move with the score this many steps ago. */
    private static final int LATE_ACCEPTANCE_SIZE = 100;

    /**
     * What a caller may add to a request.
     *
     * @param start      a plan to start from (e.g. the exact engine's incumbent), or null for a greedy start
     * @param knownBound a proven lower bound on the objective from elsewhere, or NaN
     * @param stopAt     stop as soon as a plan's objective is at most this (a test's known optimum), or NaN
     * @param progress   told of the first plan and every better one, or null
     */
    public record Options(Plan start, double knownBound, double stopAt, Progress progress) {
        public static final Options NONE = new Options(null, Double.NaN, Double.NaN, null);

        public Options withStart(Plan newStart, double newKnownBound) {
            return new Options(newStart, newKnownBound, stopAt, progress);
        }

        public Options withStopAt(double newStopAt) {
            return new Options(start, knownBound, newStopAt, progress);
        }

        public Options withProgress(Progress newProgress) {
            return new Options(start, knownBound, stopAt, newProgress);
        }
    }

    /** Receives each plan that meets the request and is better than the last, as the search finds it. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param elapsedNanos since the call began
         * @param value        the plan's objective value
         */
        void feasiblePlan(long elapsedNanos, double value);
    }

    private final SolverFactory<ServingsPlan> solverFactory;

    public TimefoldPlanner() {
        this(EnvironmentMode.NO_ASSERT);
    }

    /** With another environment mode: tests run FULL_ASSERT to check every move's score against a full recount. */
    TimefoldPlanner(EnvironmentMode environmentMode) {
        this.solverFactory = SolverFactory.create(solverConfig(environmentMode));
    }

    static SolverConfig solverConfig(EnvironmentMode environmentMode) {
        return new SolverConfig()
                .withSolutionClass(ServingsPlan.class)
                .withEntityClasses(ProductServings.class)
                .withConstraintProviderClass(ServingsConstraintProvider.class)
                .withEnvironmentMode(environmentMode)
                // The start is a complete plan (greedy or given): no construction heuristic, local search only.
                .withPhases(new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new MoveIteratorFactoryConfig()
                                .withMoveIteratorFactoryClass(ServingsMoveFactory.class))
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)))
                .withTerminationSpentLimit(Duration.ofMillis(PlanRequest.DEFAULT_TIME_LIMIT_MS));
    }

    @Override
    public PlanResult plan(PlanRequest request) {
        return plan(request, Options.NONE);
    }

    public PlanResult plan(PlanRequest request, Options options) {
        return new Solve(request, options).run();
    }

    /** One request's solve: its problem, clock and best plans. */
    private final class Solve {
        private final PlanRequest request;
        private final Options options;
        private final long start = System.nanoTime();
        private final long deadline;
        /** The objective of the last plan told to the progress listener (the solver calls back on this thread). */
        private double bestReported = Double.POSITIVE_INFINITY;

        Solve(PlanRequest request, Options options) {
            this.request = request;
            this.options = options;
            this.deadline = start + request.timeLimitMs() * 1_000_000;
        }

        PlanResult run() {
            if (ChocoPlanner.provenInfeasibleAtOnce(request)) {
                // The same verdict and explanation as the exact engine: local search alone could only say UNKNOWN.
                return PlanResult.infeasible(NAME, request.objective(), ChocoPlanner.explain(request, remainingMs()),
                        Elapsed.ms(start));
            }
            var problem = ProblemBuilder.build(request);
            var searched = ProblemBuilder.withUsefulCaps(problem);
            var first = startingServings(searched);
            if (first != null) {
                report(searched, first);
            }
            var relaxation = LagrangianBound.compute(searched, searched.costs(), searched.fixedCosts(),
                    first == null ? Double.POSITIVE_INFINITY : searched.value(first), List.of(),
                    Math.min(deadline, start + (long) (request.timeLimitMs() * BOUND_SHARE * 1e6)));
            double bound = LagrangianBound.inRequestUnits(request.objective(), relaxation.rootBound());
            if (!Double.isNaN(options.knownBound())) {
                bound = Math.max(bound, options.knownBound());
            }
            if (searched.size() == 0) {
                return emptyCatalog(searched, bound);
            }
            var working = ServingsPlans.working(searched, relaxation, first);
            var initial = first != null ? ServingsPlans.restrict(working, first) : seededStart(working.problem());
            long mainBudget = request.alternatives() == 0 ? remainingMs()
                    : (long) (remainingMs() * MAIN_SHARE_WITH_ALTERNATIVES);
            var best = solve(ServingsPlans.of(working, initial, List.of()), working.problem(), mainBudget);
            var plan = working.problem().plan(best.servings());
            if (!best.getScore().isFeasible() || !plan.violations(request).isEmpty()) {
                return unknown(explain(best));
            }
            double value = plan.value(request.objective());
            var alternatives = alternatives(working, best.servings());
            var status = value <= bound + tolerance(bound) ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE;
            return PlanResult.found(status, NAME, request.objective(), plan, value, Math.min(bound, value), alternatives,
                    Warnings.of(request, plan, alternatives), Elapsed.ms(start));
        }

        /** The given start when it fits the candidates and meets the request, else the greedy plan, else null. */
        private int[] startingServings(Problem problem) {
            if (options.start() != null) {
                var given = servingsOf(problem, options.start());
                if (given != null && problem.plan(given).violations(request).isEmpty()) {
                    return given;
                }
            }
            return Greedy.solve(problem);
        }

        /**
         * When the plain greedy plan gets stuck: greedy restarts from the products covering the most (over the working
         * products only, and within a share of the budget), else the least servings allowed, for the search to repair.
         */
        private int[] seededStart(Problem problem) {
            var seeded = Greedy.solveSeeded(problem, SEEDS,
                    Math.min(deadline, System.nanoTime() + (long) (request.timeLimitMs() * BOUND_SHARE * 1e6)));
            if (seeded != null) {
                report(problem, seeded);
                return seeded;
            }
            return problem.lower().clone();
        }

        private ServingsPlan solve(ServingsPlan initial, Problem problem, long budgetMs) {
            long unimproved = Math.max(UNIMPROVED_LEAST_MS, (long) (budgetMs * UNIMPROVED_SHARE));
            var solver = solverFactory.buildSolver(new SolverConfigOverride()
                    .withTerminationSpentLimit(Duration.ofMillis(Math.max(1, budgetMs)))
                    .withTerminationUnimprovedSpentLimit(Duration.ofMillis(unimproved)));
            double stopAt = options.stopAt();
            solver.addEventListener(event -> {
                var plan = event.getNewBestSolution();
                if (plan.getScore() != null && plan.getScore().isFeasible()) {
                    double value = report(problem, plan.servings());
                    if (!Double.isNaN(stopAt) && value <= stopAt + tolerance(stopAt)) {
                        solver.terminateEarly();
                    }
                }
            });
            return solver.solve(initial);
        }

        /** Each further plan uses a set of products different from every plan before it (a hard rule). */
        private List<Plan> alternatives(ServingsPlans.Working working, int[] best) {
            var problem = working.problem();
            var plans = new ArrayList<Plan>();
            var earlier = new ArrayList<Set<Integer>>();
            earlier.add(productSet(best));
            var from = best;
            for (int k = 0; k < request.alternatives(); k++) {
                long budget = remainingMs() / (request.alternatives() - k);
                if (budget <= 5) {
                    break;
                }
                var found = solve(ServingsPlans.of(working, from, earlier), problem, budget);
                var plan = problem.plan(found.servings());
                var products = productSet(found.servings());
                if (!found.getScore().isFeasible() || earlier.contains(products) || !plan.violations(request).isEmpty()) {
                    break;
                }
                plans.add(plan);
                earlier.add(products);
                from = found.servings();
            }
            return plans;
        }

        /** Tells the progress listener of a plan better than the last one told; returns its objective value. */
        private double report(Problem problem, int[] servings) {
            double value = problem.value(servings);
            if (options.progress() != null && value < bestReported - tolerance(value)) {
                bestReported = value;
                options.progress().feasiblePlan(System.nanoTime() - start, value);
            }
            return value;
        }

        /** No candidate at all: the empty plan, if it meets the request (it is then optimal). */
        private PlanResult emptyCatalog(Problem problem, double bound) {
            var empty = problem.plan(new int[0]);
            if (!empty.violations(request).isEmpty()) {
                return unknown(List.of(Warning.text("no product is allowed for this request, and the empty plan misses its"
                        + " targets: " + String.join("; ", empty.violations(request)))));
            }
            return PlanResult.found(PlanStatus.OPTIMAL, NAME, request.objective(), empty, 0, 0, List.of(), List.of(),
                    Elapsed.ms(start));
        }

        private PlanResult unknown(List<Warning> why) {
            return PlanResult.unknown(NAME, request.objective(), Double.NaN, why, Elapsed.ms(start));
        }

        private long remainingMs() {
            return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        }
    }

    /** What the best attempt still breaks, one sentence per broken target or limit: the explanation of UNKNOWN. */
    static List<Warning> explain(ServingsPlan plan) {
        var sentences = new ArrayList<Warning>();
        sentences.add(Warning.text("no plan meeting every target and limit was found within the time limit; the best"
                + " attempt misses by:"));
        sentences.addAll(BrokenRules.of(plan));
        return sentences;
    }

    private static Set<Integer> productSet(int[] servings) {
        var set = new HashSet<Integer>();
        for (int i = 0; i < servings.length; i++) {
            if (servings[i] > 0) {
                set.add(i);
            }
        }
        return set;
    }

    /** The servings of a plan over the candidates, or null when it uses a product that is not one. */
    private static int[] servingsOf(Problem problem, Plan plan) {
        var servings = new int[problem.size()];
        var index = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < problem.size(); i++) {
            index.put(problem.products().get(i).id(), i);
        }
        for (var item : plan.items()) {
            Integer i = index.get(item.product().id());
            if (i == null || item.servings() > problem.upper()[i] || item.servings() < problem.lower()[i]) {
                return null;
            }
            servings[i] = item.servings();
        }
        for (int i = 0; i < servings.length; i++) {
            if (servings[i] < problem.lower()[i]) {
                return null;
            }
        }
        return servings;
    }

    private static double tolerance(double value) {
        return 1e-6 * Math.max(1, Math.abs(value));
    }
}

package nutriplan.planner.choco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.chocosolver.solver.Model;
import org.chocosolver.solver.Settings;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.search.strategy.selectors.variables.VariableSelector;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;

import nutriplan.planner.problem.IntegerProgram;
import nutriplan.planner.problem.IntegerRows;
import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.LinearRelaxation;
import nutriplan.planner.problem.Problem;
import nutriplan.planner.problem.ScaledObjective;
import nutriplan.planner.problem.Scaling;
import nutriplan.planner.request.Objective;

/**
 * One Choco model of a {@link Problem} for one goal, in the rhythm of Choco's examples: build the model,
 * configure the search, solve, read.
 *
 * <p>Variables are {@code servings[id]} per candidate with bounded domains [lower, upper] (tightened before
 * search), and {@code used[id]} booleans only when something counts products. Each target is one
 * {@code scalar} per side over amounts scaled by {@link Scaling}; a concentration limit one more, "≤ 0".
 */
final class ChocoModel {

    /** What a solve minimises. */
    enum Goal {
        /** The request's objective. */
        OBJECTIVE,
        /**
         * Both tie-breaks at once, exactly in order: distinct products × M + overshoot, with the overshoot scaled
         * so that no plan's can reach M (see {@link #tieBreakScale}).
         */
        TIE_BREAK
    }

    /**
     * Extra constraints on top of the request's.
     *
     * @param objectiveAtMost  scaled request objective ≤ this, or −1 for none
     * @param productsAtMost   distinct products ≤ this, or −1 for none
     * @param excludedProductSets each a set of candidate indices: the plan's product set must differ from every one
     */
    record Extra(long objectiveAtMost, int productsAtMost, List<Set<Integer>> excludedProductSets) {
        static final Extra NONE = new Extra(-1, -1, List.of());

        Extra withExcluded(Set<Integer> productSet) {
            var sets = new ArrayList<>(excludedProductSets);
            sets.add(productSet);
            return new Extra(objectiveAtMost, productsAtMost, sets);
        }
    }

    private final Problem problem;
    private final Goal goal;
    private final Model model;
    private final IntVar[] servings;
    private final BoolVar[] used;
    private final IntVar objective;
    private final long[] objectiveCoefficients;
    /** The same question as integer rows, for the relaxation at the search's nodes (minimising models only). */
    private final IntegerProgram program;

    private ChocoModel(Problem problem, Goal goal, Model model, IntVar[] servings, BoolVar[] used, IntVar objective,
                       long[] objectiveCoefficients, IntegerProgram program) {
        this.problem = problem;
        this.goal = goal;
        this.model = model;
        this.servings = servings;
        this.used = used;
        this.objective = objective;
        this.objectiveCoefficients = objectiveCoefficients;
        this.program = program;
    }

    /** The request objective of a plan in the model's integer units (for {@link Extra#objectiveAtMost}). */
    static long scaledObjective(Problem problem, int[] plan) {
        return ScaledObjective.of(problem, plan);
    }

    /** Builds the model of a goal, whose value must stay at most {@code goalAtMost} (−1: no cap). */
    static ChocoModel build(Problem problem, Goal goal, Extra extra, long goalAtMost) {
        return build(problem, goal, extra, goalAtMost, Long.MAX_VALUE);
    }

    /**
     * The same, or null when the deadline (on {@link System#nanoTime()}'s clock) passes while building: a model of
     * 10,000 products takes hundreds of milliseconds to build, and a time limit is a promise.
     */
    static ChocoModel build(Problem problem, Goal goal, Extra extra, long goalAtMost, long deadlineNanos) {
        boolean objectiveCountsProducts = problem.objective() == Objective.PRODUCTS
                && (goal == Goal.OBJECTIVE || extra.objectiveAtMost() >= 0);
        return assemble(problem, goal, perServingCoefficients(problem, goal), fixedCoefficient(problem, goal), extra,
                goalAtMost, goal == Goal.TIE_BREAK || objectiveCountsProducts, deadlineNanos);
    }

    private static ChocoModel assemble(Problem problem, Goal goal, long[] coefficients, long fixed, Extra extra,
                                       long goalAtMost, boolean goalCountsProducts,
                                       long deadlineNanos) {
        int n = problem.size();
        var model = new Model("nutriplan-" + goal.name().toLowerCase(java.util.Locale.ROOT), Settings.init());
        var servings = new IntVar[n];
        for (int i = 0; i < n; i++) {
            servings[i] = model.intVar("servings[" + problem.products().get(i).id() + "]",
                    problem.lower()[i], problem.upper()[i], true);
        }
        boolean countsProducts = goalCountsProducts || problem.maxProducts() < Integer.MAX_VALUE
                || extra.productsAtMost() >= 0 || !extra.excludedProductSets().isEmpty()
                || (extra.objectiveAtMost() >= 0 && problem.objective() == Objective.PRODUCTS);
        var used = countsProducts ? usedFlags(model, problem, servings) : null;
        if (System.nanoTime() >= deadlineNanos || !postTargets(model, problem, servings, deadlineNanos)) {
            return null;
        }
        postLimits(model, problem, servings, used);
        postExtra(model, problem, servings, used, extra);
        long maximum = fixed * n;
        for (int i = 0; i < n; i++) {
            maximum += coefficients[i] * problem.upper()[i];
        }
        int upper = (int) Math.min(Math.min(maximum, goalAtMost < 0 ? Long.MAX_VALUE : goalAtMost), Integer.MAX_VALUE / 2);
        var objective = model.intVar("objective", 0, Math.max(upper, 0), true);
        postObjective(model, servings, used, coefficients, fixed, objective);
        return new ChocoModel(problem, goal, model, servings, used, objective, coefficients,
                program(problem, coefficients, fixed, extra));
    }

    /** A goal's program under the request's rows, with the cap on the request objective when {@code extra} has one. */
    static IntegerProgram program(Problem problem, Goal goal, Extra extra) {
        return program(problem, perServingCoefficients(problem, goal), fixedCoefficient(problem, goal), extra);
    }

    /** The model's rows as an {@link IntegerProgram}, with its cap on the request objective when it has one. */
    private static IntegerProgram program(Problem problem, long[] coefficients, long fixed, Extra extra) {
        var program = IntegerProgram.of(problem, coefficients, fixed);
        if (extra.objectiveAtMost() >= 0) {
            program = program.withRow(new IntegerProgram.Row(ScaledObjective.perServing(problem),
                    ScaledObjective.perProduct(problem), false, extra.objectiveAtMost(), null));
        }
        return program;
    }

    /** used[i] is 1 exactly when product i has servings; x ≤ ub·used is redundant with x ≥ used but propagates. */
    private static BoolVar[] usedFlags(Model model, Problem problem, IntVar[] servings) {
        var used = new BoolVar[servings.length];
        for (int i = 0; i < servings.length; i++) {
            used[i] = model.boolVar("used[" + problem.products().get(i).id() + "]");
            model.arithm(servings[i], ">=", used[i]).post();
            model.scalar(new IntVar[] {servings[i], used[i]}, new int[] {1, -problem.upper()[i]}, "<=", 0).post();
        }
        return used;
    }

    /** Posts every target's rows; false when the deadline passed before all were posted. */
    private static boolean postTargets(Model model, Problem problem, IntVar[] servings, long deadlineNanos) {
        var rows = IntegerRows.of(problem);
        for (int t = 0; t < rows.targets(); t++) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            if (servings.length == 0) {
                // No candidate at all (Choco's scalar wants variables): the total is 0.
                if (rows.minCoefficients()[t] != null) {
                    model.falseConstraint().post();
                }
                continue;
            }
            if (rows.minCoefficients()[t] != null) {
                model.scalar(servings, rows.minCoefficients()[t], ">=", (int) rows.minRight()[t]).post();
            }
            if (rows.maxCoefficients()[t] != null) {
                model.scalar(servings, rows.maxCoefficients()[t], "<=", (int) rows.maxRight()[t]).post();
            }
        }
        if (rows.hasConcentration() && servings.length > 0) {
            // Carbohydrate against what the fluid allows: one scalar whose coefficients have both signs.
            model.scalar(servings, rows.concentration(), "<=", 0).post();
        }
        return true;
    }

    private static void postLimits(Model model, Problem problem, IntVar[] servings, BoolVar[] used) {
        if (servings.length == 0) {
            return; // an empty plan breaks no limit.
        }
        if (problem.maxServings() < Integer.MAX_VALUE) {
            model.sum(servings, "<=", problem.maxServings()).post();
        }
        if (problem.maxProducts() < Integer.MAX_VALUE && used != null) {
            model.sum(used, "<=", problem.maxProducts()).post();
        }
    }

    private static void postExtra(Model model, Problem problem, IntVar[] servings, BoolVar[] used, Extra extra) {
        if (extra.objectiveAtMost() >= 0) {
            var coefficients = perServingCoefficients(problem, Goal.OBJECTIVE);
            long fixed = fixedCoefficient(problem, Goal.OBJECTIVE);
            postLinear(model, servings, used, coefficients, fixed, "<=", extra.objectiveAtMost());
        }
        if (extra.productsAtMost() >= 0 && used.length > 0) {
            model.sum(used, "<=", extra.productsAtMost()).post();
        }
        for (var productSet : extra.excludedProductSets()) {
            if (used.length == 0) {
                model.falseConstraint().post(); // the only plan, the empty one, is excluded.
                continue;
            }
            // At least one product in the set unused, or one outside it used: a different set of products.
            var literals = new BoolVar[used.length];
            for (int i = 0; i < used.length; i++) {
                literals[i] = productSet.contains(i) ? used[i].not() : used[i];
            }
            model.addClausesBoolOrArrayEqualTrue(literals);
        }
    }

    /** The terms of Σᵢ coefficientᵢ·servingsᵢ + fixed·usedᵢ whose coefficient is not 0. */
    private record Terms(IntVar[] variables, int[] coefficients) {

        static Terms of(IntVar[] servings, BoolVar[] used, long[] perServing, long fixed) {
            var variables = new ArrayList<IntVar>();
            var ints = new ArrayList<Integer>();
            for (int i = 0; i < servings.length; i++) {
                if (perServing[i] != 0) {
                    variables.add(servings[i]);
                    ints.add((int) perServing[i]);
                }
                if (fixed != 0) {
                    variables.add(used[i]);
                    ints.add((int) fixed);
                }
            }
            return new Terms(variables.toArray(IntVar[]::new), ints.stream().mapToInt(Integer::intValue).toArray());
        }

        boolean isEmpty() {
            return variables.length == 0;
        }
    }

    private static void postLinear(Model model, IntVar[] servings, BoolVar[] used, long[] coefficients, long fixed,
                                   String operator, long rightHandSide) {
        var terms = Terms.of(servings, used, coefficients, fixed);
        if (terms.isEmpty()) {
            return; // every coefficient is 0 (free products): 0 ≤ a non-negative bound always holds.
        }
        model.scalar(terms.variables(), terms.coefficients(), operator, (int) Math.min(rightHandSide, Integer.MAX_VALUE / 2)).post();
    }

    private static void postObjective(Model model, IntVar[] servings, BoolVar[] used, long[] coefficients, long fixed,
                                      IntVar objective) {
        var terms = Terms.of(servings, used, coefficients, fixed);
        if (terms.isEmpty()) {
            model.arithm(objective, "=", 0).post();
        } else {
            model.scalar(terms.variables(), terms.coefficients(), "=", objective).post();
        }
    }

    /** The goal's integer cost of one serving of each candidate. */
    static long[] perServingCoefficients(Problem problem, Goal goal) {
        int n = problem.size();
        if (goal == Goal.OBJECTIVE) {
            return ScaledObjective.perServing(problem);
        }
        var coefficients = new long[n];
        double tieBreakScale = tieBreakScale(problem);
        for (int i = 0; i < n; i++) {
            coefficients[i] = (long) Math.floor(overshootWeight(problem, i) * tieBreakScale);
        }
        return coefficients;
    }

    static long fixedCoefficient(Problem problem, Goal goal) {
        return switch (goal) {
            case OBJECTIVE -> ScaledObjective.perProduct(problem);
            case TIE_BREAK -> tieBreakProduct(problem);
        };
    }

    /** The weight of one product in the tie-break goal (overshoot stays below it): 10⁶, less for huge catalogs. */
    static long tieBreakProduct(Problem problem) {
        return Math.min(1_000_000, (long) (Scaling.SUM_LIMIT / (2.0 * (problem.size() + 1))));
    }

    /**
     * Relative overshoot is Σₜ (totalₜ − minₜ)/minₜ over targets with a min; minimising it is minimising
     * Σᵢ xᵢ·wᵢ with wᵢ = Σₜ aₜᵢ/minₜ (the constant drops out).
     */
    private static double overshootWeight(Problem problem, int i) {
        double weight = 0;
        var targets = problem.targets();
        for (int t = 0; t < targets.size(); t++) {
            if (targets.get(t).hasMin()) {
                weight += problem.amounts()[t][i] / targets.get(t).min();
            }
        }
        return weight;
    }

    /**
     * Scales Σᵢ xᵢ·wᵢ so that no plan of the problem reaches {@link #tieBreakProduct}: then one product fewer
     * always wins, whatever the overshoot, and the sum is lexicographic, not a trade-off. The most any plan can
     * reach is bounded by every product at its cap, and by the total servings allowed times the largest weight.
     */
    static double tieBreakScale(Problem problem) {
        double atCaps = 0;
        double largest = 0;
        for (int i = 0; i < problem.size(); i++) {
            double weight = overshootWeight(problem, i);
            atCaps += weight * problem.upper()[i];
            largest = Math.max(largest, weight);
        }
        double reachable = Math.min(atCaps, largest * (double) problem.maxServings());
        return reachable <= 0 ? 0 : (tieBreakProduct(problem) - 1) / reachable;
    }

    /**
     * Reduced-cost search: first the products whose reduced cost (at the relaxation's multipliers) is lowest, each
     * set to its upper bound if it is attractive (negative reduced cost) and to its lower bound otherwise; the
     * relaxation's propagator prunes the rest. Chosen by benchmark over Choco's default (dom/wdeg), min-domain
     * and input order (see docs/benchmarks.md). With {@code atNodes} the relaxation is solved again at every node
     * (see {@link RelaxationPropagator}).
     */
    ChocoModel configureSearch(LagrangianBound bound, boolean atNodes) {
        if (servings.length == 0) {
            model.getSolver().setSearch(Search.inputOrderLBSearch(objective));
        } else if (bound != null) {
            new org.chocosolver.solver.constraints.Constraint("relaxation",
                    new RelaxationPropagator(servings, objective, bound, atNodes ? program : null,
                            problem.targets().size())).post();
            var order = new Integer[servings.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(bound.reducedCost(a), bound.reducedCost(b)));
            var ordered = Arrays.stream(order).map(i -> servings[i]).toArray(IntVar[]::new);
            VariableSelector<IntVar> firstFree = variables -> {
                for (var variable : variables) {
                    if (!variable.isInstantiated()) {
                        return variable;
                    }
                }
                return null;
            };
            var attractive = new java.util.HashSet<IntVar>();
            for (int i = 0; i < servings.length; i++) {
                if (bound.reducedCost(i) < 0) {
                    attractive.add(servings[i]);
                }
            }
            model.getSolver().setSearch(
                    Search.intVarSearch(firstFree, variable -> attractive.contains(variable) ? variable.getUB() : variable.getLB(), ordered),
                    Search.inputOrderLBSearch(used == null ? new IntVar[] {objective} : concat(used, objective)));
        } else {
            var all = used == null ? servings : concat(servings, used);
            model.getSolver().setSearch(Search.inputOrderLBSearch(all), Search.inputOrderLBSearch(objective));
        }
        return this;
    }

    /**
     * For a model solved on its own (the explanations' questions): the exact relaxation at the root — an infeasible
     * one settles the model at once — and then the reduced-cost search, with the relaxation at every node if
     * {@code atNodes}.
     */
    ChocoModel configureDecisiveSearch(boolean atNodes) {
        var verdict = ExactSearch.rootVerdict(program);
        if (verdict.infeasible()) {
            model.falseConstraint().post();
            return configureSearch(null, false);
        }
        var bound = verdict.bounded() ? verdict.lagrangianBound(program, problem.targets().size())
                : LinearRelaxation.Verdict.none(program).lagrangianBound(program, problem.targets().size());
        return configureSearch(bound, atNodes);
    }

    private static IntVar[] concat(IntVar[] first, IntVar... second) {
        var all = Arrays.copyOf(first, first.length + second.length, IntVar[].class);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** The outcome of a solve: the best servings found (null if none) and whether the search was complete. */
    record Outcome(int[] best, long bestGoal, boolean complete) {
    }

    /**
     * Minimises the goal within the time and node budgets; complete means proven optimal (or proven infeasible).
     */
    Outcome solve(long timeLimitMs, long nodeLimit) {
        var solver = model.getSolver();
        solver.limitTime(Math.max(1, timeLimitMs));
        solver.limitNode(nodeLimit);
        model.setObjective(Model.MINIMIZE, objective);
        int[] best = null;
        long bestGoal = -1;
        while (solver.solve()) {
            best = read();
            bestGoal = objective.getValue();
        }
        boolean complete = !solver.isStopCriterionMet();
        return new Outcome(best, bestGoal, complete);
    }

    /**
     * The first plan found, if any; complete when one was found or none exists (proven), not when the time or node
     * budget ran out first.
     */
    Outcome firstPlan(long timeLimitMs, long nodeLimit) {
        var solver = model.getSolver();
        solver.limitTime(Math.max(1, timeLimitMs));
        solver.limitNode(nodeLimit);
        if (solver.solve()) {
            return new Outcome(read(), objective.getValue(), true);
        }
        return new Outcome(null, -1, !solver.isStopCriterionMet());
    }

    /** The nodes the last solve visited. */
    long nodeCount() {
        return model.getSolver().getNodeCount();
    }

    private int[] read() {
        var values = new int[servings.length];
        for (int i = 0; i < servings.length; i++) {
            values[i] = servings[i].getValue();
        }
        return values;
    }

    Problem problem() {
        return problem;
    }

    long[] objectiveCoefficients() {
        return objectiveCoefficients;
    }
}

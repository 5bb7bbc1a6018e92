package nutriplan.planner.choco;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nutriplan.planner.choco.ChocoModel.Extra;
import nutriplan.planner.choco.ChocoModel.Goal;
import nutriplan.planner.choco.SmallSupports.Depth;
import nutriplan.planner.problem.Dominance;
import nutriplan.planner.problem.Greedy;
import nutriplan.planner.problem.IntegerProgram;
import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.LagrangianBound.Cap;
import nutriplan.planner.problem.LagrangianBound.Stop;
import nutriplan.planner.problem.LinearRelaxation;
import nutriplan.planner.problem.Problem;

/**
 * The exact engine's strategy: a request's best plan under the API's order — the objective first, then fewer
 * distinct products, then smaller overshoot — and then its alternatives. Each level is its own solve with the
 * levels before it fixed, so a lower level can never trade against a higher one (a weighted sum could).
 *
 * <p>The objective is decided in the cheapest way that can prove it: a greedy plan that meets the Lagrangian bound
 * (most requests on a real catalog, in well under a millisecond); else, when every better plan has at most
 * {@link SmallSupports#MAX_SUPPORT} products (up to {@link Depth#WIDE}'s, on a smaller budget, where Choco's nodes
 * would each pay a simplex), their enumeration; else the exact linear relaxation at the root
 * ({@link LinearRelaxation}: an infeasible relaxation proves at once that no plan exists, and its optimum is the
 * bound a plan must meet); where every candidate has at most one serving and a better plan has few products (meals
 * from a food table), {@link BinarySubsets}; else Choco's search, with the relaxation solved again at its nodes on
 * catalogs small enough for it ({@link RelaxationPropagator}). Without a greedy plan the relaxation comes first (it
 * proves most infeasible requests at once), after the seeded restarts where small supports could decide anyway.
 *
 * <p>One instance serves a request's best plan and then its alternatives, which share the problem and so the
 * relaxation's bound on the objective: what they share is the {@link Memory}.
 */
final class ExactSearch {

    /** Share of a search's budget for proving the objective; the tie-break gets at most the rest. */
    private static final double OBJECTIVE_SHARE = 0.7;
    /** Greedy restarts from a forced first product when the plain greedy plan is not proven optimal. */
    private static final int GREEDY_SEEDS = 32;
    /**
     * The work of a Choco tie-break, in {@link WorkBudget}'s units (about 20 ms of one core): counted, not timed, so
     * that the same request gets the same plan whatever its time limit; weighted by the problem's size, so that it
     * is some 360 nodes on the meals of the decision benchmark (530 one-serving foods, whose least overshoot among
     * plans of 3–5 foods is rarely proven even in seconds; with the former budget of 1,000 nodes, Choco improved
     * none of 13 meals after {@link SwapDescent}) and 3,000–30,000 on the default catalog, more where fewer
     * candidates remain (the examples' tie-breaks are proven in under 800).
     */
    static final long TIE_BREAK_WORK = 20_000_000;
    /** A Choco tie-break is not started with less time left than this, or a tenth of the budget… */
    private static final long TIE_BREAK_LEAST_MS = 10;
    /**
     * …or than building its model and propagating it once take, about this much per product and row (measured on 2
     * shared cores: some 400 ms on 10,000 products and 7 targets, which blew a 1 s limit by that much). Nor is the
     * objective's model started then.
     */
    private static final long SETUP_NANOS_PER_TERM = 5_000;
    /**
     * The relaxation's steps when the bound serves only to prove a greedy plan optimal, and an enumeration decides
     * otherwise: the examples' proofs took 1–43 steps, where an ascent that cannot prove runs all 400.
     */
    private static final int PROOF_STEPS = 100;
    /**
     * The exact relaxation at the root up to this many candidates: ojAlgo's simplex takes about 0.2 ms on the
     * 59-product catalog and 10 ms on 1,000 products (see docs/benchmarks.md); above, the ascent's bound serves.
     */
    static final int ROOT_RELAXATION_PRODUCTS = 3_000;
    /** A cap on the objective that any plan meets, where no plan is known yet (far from overflow in sums). */
    static final long NO_PLAN_YET = Long.MAX_VALUE / 4;
    /** The relaxation at every node of Choco's search up to this many candidates (each node pays one simplex). */
    private static final int NODE_RELAXATION_PRODUCTS = 300;

    /**
     * @param servings  the best plan found, or null
     * @param proven    true when the objective is proven optimal (or, without a plan, proven infeasible)
     */
    record Result(int[] servings, boolean proven) {
    }

    /**
     * What the searches of one request learn and share, the best plan's first, then each alternative's.
     *
     * @param ascent       the Lagrangian ascent's bound on the objective, computed once (null until then): every
     *                     search of this problem has the same relaxation, since excluded product sets are not part
     *                     of it
     * @param ascentCut    whether that ascent was cut to {@link #PROOF_STEPS}: too weak to guide Choco
     * @param root         the exact relaxation's verdict at the root (null until asked for)
     * @param tieBreaks    the best plan's tie-break: the best plans of distinct product sets at its objective
     * @param optimumRanked whether {@code tieBreaks} is decided and held to the proven optimum: then it ranks the
     *                     alternatives too
     */
    private record Memory(LagrangianBound ascent, boolean ascentCut, LinearRelaxation.Verdict root,
                          SmallSupports.Ranking tieBreaks, boolean optimumRanked) {

        static final Memory EMPTY = new Memory(null, false, null, SmallSupports.Ranking.UNDECIDED, false);

        Memory withAscent(LagrangianBound newAscent, boolean cut) {
            return new Memory(newAscent, cut, root, tieBreaks, optimumRanked);
        }

        Memory withRoot(LinearRelaxation.Verdict newRoot) {
            return new Memory(ascent, ascentCut, newRoot, tieBreaks, optimumRanked);
        }

        Memory withTieBreaks(SmallSupports.Ranking newTieBreaks) {
            return new Memory(ascent, ascentCut, root, newTieBreaks, optimumRanked);
        }

        Memory withOptimumRanked(boolean ranked) {
            return new Memory(ascent, ascentCut, root, tieBreaks, ranked);
        }
    }

    private final Problem problem;
    /** The request's rows and objective, for the exact relaxation. */
    private final IntegerProgram program;
    /** The plans a search of this problem can return: the best and its alternatives. */
    private final int plans;
    private Memory memory = Memory.EMPTY;
    /**
     * What the current {@link #solve}'s search of the objective may still spend: counted, so that it stops at the same
     * point on any machine, cold or warm (its deadline is then only a safety net). Unlimited unless a caller budgets
     * work ({@code auto}).
     */
    private WorkBudget work = WorkBudget.unlimited();

    /** @param alternatives how many alternatives will be asked for after the best plan */
    ExactSearch(Problem problem, int alternatives) {
        this.problem = problem;
        this.program = IntegerProgram.of(problem);
        this.plans = alternatives + 1;
    }

    /**
     * The best plan whose product set is none of {@code extra}'s excluded sets, within the budget. The first call
     * (nothing excluded) finds the best plan; later ones find its alternatives.
     */
    Result solve(Extra extra, long budgetMs) {
        return solve(extra, budgetMs, WorkBudget.unlimited());
    }

    /**
     * As {@link #solve(Extra, long)}, the search of the least objective also stopping once it has spent
     * {@code objectiveWork} (which then tells what it spent); the tie-break has its own fixed work.
     */
    Result solve(Extra extra, long budgetMs, WorkBudget objectiveWork) {
        var ranked = rankedAlternative(extra.excludedProductSets());
        if (ranked != null) {
            return new Result(ranked, true);
        }
        work = objectiveWork;
        long start = System.nanoTime();
        long deadline = start + budgetMs * 1_000_000;
        var first = bestObjective(extra, start + (long) (budgetMs * OBJECTIVE_SHARE * 1e6));
        if (first.best() == null) {
            return new Result(null, first.complete());
        }
        var best = breakTies(extra, first, deadline - start, deadline);
        if (extra.excludedProductSets().isEmpty()) {
            memory = memory.withOptimumRanked(first.complete() && memory.tieBreaks().decided());
        }
        return new Result(best, first.complete());
    }

    /**
     * An alternative straight from the best plan's tie-break when that plan's objective is proven optimal: a
     * ranked plan whose product set is not excluded has that objective, which no plan beats; no plan with fewer
     * products has it; and the ranking is by overshoot. Null when every ranked set is excluded (fewer sets than
     * plans asked for have that many products), and the alternative is searched for.
     */
    private int[] rankedAlternative(List<Set<Integer>> excluded) {
        if (excluded.isEmpty() || !memory.optimumRanked()) {
            return null;
        }
        for (var plan : memory.tieBreaks().plans()) {
            if (!excluded.contains(productSet(plan))) {
                return plan;
            }
        }
        return null;
    }

    /**
     * With the proven (or best found) objective value fixed, the plan with the fewest products, then the least
     * overshoot: by enumeration when few products will do, else by {@link SwapDescent} and then one more Choco solve
     * of at most {@link #TIE_BREAK_WORK} if there is time for one (building a model of thousands of products
     * alone takes tens of milliseconds). Falls back to {@code first}.
     */
    private int[] breakTies(Extra extra, ChocoModel.Outcome first, long budgetNanos, long deadline) {
        var best = first.best();
        int products = productSet(best).size();
        if (products == 0) {
            return best; // the empty plan: nothing to break a tie with.
        }
        var enumerated = enumeratedTieBreak(extra.excludedProductSets(), first.bestGoal(), products, deadline);
        if (enumerated != null) {
            return enumerated;
        }
        if (deadline - System.nanoTime() < Math.max(Math.max(TIE_BREAK_LEAST_MS * 1_000_000, budgetNanos / 10),
                setupNanos(problem))) {
            return best;
        }
        var tieBreaks = ChocoModel.program(problem, Goal.TIE_BREAK, atMost(extra, first.bestGoal()));
        best = SwapDescent.improve(tieBreaks, best, plan -> !extra.excludedProductSets().contains(productSet(plan)));
        long tieBreakGoal = tieBreaks.goal(best);
        long building = System.nanoTime();
        var model = ChocoModel.build(problem, Goal.TIE_BREAK, atMost(extra, first.bestGoal()), tieBreakGoal, deadline);
        if (model == null || deadline - System.nanoTime() < System.nanoTime() - building) {
            return best;
        }
        // Without the simplex at its nodes: on a tie-break it cost about 3 ms a node (131 products) and proved
        // nothing more than the cheap bound, where 1,000 plain nodes (the former budget) found a better plan in 90 ms.
        var tieBreak = model
                .configureSearch(boundFor(problem, Goal.TIE_BREAK, tieBreakGoal,
                        objectiveCap(problem, first.bestGoal()), Stop.at(deadline)), false)
                .solve(remainingMs(deadline), Math.max(1, TIE_BREAK_WORK / WorkBudget.chocoNode(tieBreaks, false)));
        return tieBreak.best() != null ? tieBreak.best() : best;
    }

    /**
     * The tie-break by enumeration; for the best plan, ranking as many product sets as plans are asked for (see
     * {@link #rankedAlternative}). Null when the enumeration cannot decide.
     */
    private int[] enumeratedTieBreak(List<Set<Integer>> excluded, long objectiveAtMost, int products, long deadline) {
        var depth = depthFor(products);
        if (excluded.isEmpty()) {
            var ranking = SmallSupports.tieBreaks(problem, objectiveAtMost, excluded, products, plans, depth, deadline);
            memory = memory.withTieBreaks(ranking);
            return ranking.decided() ? ranking.plans().get(0) : null;
        }
        return SmallSupports.tieBreak(problem, objectiveAtMost, excluded, products, depth, deadline).plan();
    }

    /**
     * How far small supports go for a question whose plans have at most {@code products} products: past
     * {@link SmallSupports#MAX_SUPPORT} only where Choco's search would solve the relaxation at every node, so that a
     * wide enumeration that runs out of nodes costs about as much as a few of Choco's nodes.
     */
    private Depth depthFor(int products) {
        return products > SmallSupports.MAX_SUPPORT && relaxationAtNodes(problem) ? Depth.WIDE : Depth.NARROW;
    }

    /**
     * The least objective, in the order of the class comment: a greedy plan when a bound proves it optimal, small
     * supports where they decide, the exact relaxation, Choco's search started from the best greedy plan.
     */
    private ChocoModel.Outcome bestObjective(Extra extra, long deadline) {
        if (!extra.excludedProductSets().isEmpty()) {
            return bestAlternative(extra, deadline);
        }
        var incumbent = Greedy.solve(problem);
        work.spend(WorkBudget.shortCheck(program));
        boolean seededYet = incumbent == null;
        if (seededYet) {
            // Most requests without a greedy plan are infeasible, which the relaxation proves at once. Where small
            // supports could decide without any plan, it waits for the seeded restarts: a plan they find, supports
            // prove.
            if (!enumerable(NO_PLAN_YET) && root(deadline).infeasible()) {
                return new ChocoModel.Outcome(null, -1, true);
            }
            // Without a plan the ascent has nothing to prove, and would run to the end: seek one first.
            incumbent = seeded(deadline);
            if (incumbent == null && root(deadline).infeasible()) {
                return new ChocoModel.Outcome(null, -1, true);
            }
        }
        long incumbentGoal = goal(problem, incumbent);
        boolean enumerable = enumerable(incumbent == null ? NO_PLAN_YET : incumbentGoal - 1);
        long lowest = (long) RelaxationPropagator.roundUp(ascent(incumbentGoal, enumerable, deadline).rootBound());
        if (incumbent != null && incumbentGoal <= lowest) {
            return new ChocoModel.Outcome(incumbent, incumbentGoal, true);
        }
        if (!enumerable) {
            // Where small supports decide anyway (and in milliseconds on a real catalog), the simplex waits for them.
            if (root(deadline).infeasible()) {
                return new ChocoModel.Outcome(null, -1, true);
            }
            lowest = Math.max(lowest, exactLowest());
            if (incumbent != null && incumbentGoal <= lowest) {
                return new ChocoModel.Outcome(incumbent, incumbentGoal, true);
            }
        }
        var seeded = seededYet ? null : seeded(deadline);
        if (seeded != null && (incumbent == null || goal(problem, seeded) < incumbentGoal)) {
            incumbent = seeded;
            incumbentGoal = goal(problem, seeded);
            if (incumbentGoal <= lowest) {
                return new ChocoModel.Outcome(incumbent, incumbentGoal, true);
            }
        }
        var subsets = binarySubsets(incumbent, incumbentGoal, deadline);
        if (subsets != null) {
            return subsets;
        }
        var enumerated = fewProducts(incumbent, incumbentGoal, deadline);
        if (enumerated != null) {
            return enumerated;
        }
        if (root(deadline).infeasible()) {
            return new ChocoModel.Outcome(null, -1, true);
        }
        if (incumbent != null && incumbentGoal <= exactLowest()) {
            // An enumeration meant to decide ran out of nodes before the simplex was asked: it may still prove the
            // plan.
            return new ChocoModel.Outcome(incumbent, incumbentGoal, true);
        }
        return searched(extra, incumbent, incumbentGoal, deadline);
    }

    /**
     * Whether small supports can decide if a plan with an objective of at most {@code objectiveAtMost} exists: every
     * such plan has few enough products for {@link #depthFor}.
     */
    private boolean enumerable(long objectiveAtMost) {
        int most = mostProducts(problem, objectiveAtMost);
        return most <= depthFor(most).widest();
    }

    /**
     * The least objective by {@link BinarySubsets} when every candidate has at most one serving and a better plan has
     * few products (after leaving out dominated candidates); null when that is not so, or when it could not decide
     * and found nothing better than the incumbent. An undecided search that found a better plan returns it unproven.
     */
    private ChocoModel.Outcome binarySubsets(int[] incumbent, long incumbentGoal, long deadline) {
        long better = incumbent == null ? NO_PLAN_YET : incumbentGoal - 1;
        int most = Math.min(mostProducts(problem, better), problem.maxServings()); // a product takes a serving
        if (!BinarySubsets.applies(program, most)) {
            return null;
        }
        var pruned = program.withUpper(Dominance.upper(program, most));
        var answer = BinarySubsets.least(pruned, most, better, root(deadline), work.left(), deadline);
        work.spend(answer.work()); // its term visits are units of work as they are
        if (answer.plan() != null) {
            return new ChocoModel.Outcome(answer.plan(), goal(problem, answer.plan()), answer.decided());
        }
        return answer.decided() ? new ChocoModel.Outcome(incumbent, incumbentGoal, true) : null;
    }

    /**
     * Any plan that meets the problem (proven: none exists, when there is no plan and the result is proven), for a
     * caller that has tried a greedy plan and the relaxation already: greedy restarts; when every plan has at most
     * {@link SmallSupports#MAX_SUPPORT} products, their enumeration, which decides; where every candidate has at most
     * one serving and a plan few products, {@link BinarySubsets}; else Choco's search with the relaxation at its
     * nodes. Either search stops when it has spent what one check may of {@code work}.
     */
    static Result anyPlan(Problem problem, long deadlineNanos, WorkBudget work) {
        var greedy = Greedy.solveSeeded(problem, GREEDY_SEEDS, deadlineNanos);
        if (greedy != null) {
            return new Result(greedy, true);
        }
        var program = IntegerProgram.of(problem);
        if (problem.maxProducts() <= SmallSupports.MAX_SUPPORT) {
            long nodes = Math.min(Depth.NARROW.nodes(), work.forOneCheck() / WorkBudget.SMALL_SUPPORTS_NODE);
            var answer = SmallSupports.leastObjective(problem, NO_PLAN_YET, problem.maxProducts(), List.of(),
                    new Depth(SmallSupports.MAX_SUPPORT, nodes), deadlineNanos);
            work.spend(answer.nodes() * WorkBudget.SMALL_SUPPORTS_NODE);
            if (answer.decided()) {
                return new Result(answer.plan(), true);
            }
        }
        int most = Math.min(problem.maxProducts(), problem.maxServings());
        if (BinarySubsets.applies(program, most)) {
            // Its bound at a node is as strong as the relaxation at a Choco node, for a fraction of the cost: what it
            // cannot decide within the budget, Choco's search does not either (it never did on the meals).
            var answer = BinarySubsets.any(program.withUpper(Dominance.upper(program, most)), most,
                    rootVerdict(program), work.forOneCheck(), deadlineNanos);
            work.spend(answer.work()); // its term visits are units of work as they are
            return new Result(answer.plan(), answer.plan() != null || answer.decided());
        }
        boolean atNodes = relaxationAtNodes(problem);
        long perNode = WorkBudget.chocoNode(program, atNodes);
        if (work.forOneCheck() < WorkBudget.model(program) + perNode) {
            return new Result(null, false);
        }
        work.spend(WorkBudget.model(program));
        var model = ChocoModel.build(problem, Goal.OBJECTIVE, Extra.NONE, -1).configureDecisiveSearch(atNodes);
        var first = model.firstPlan(remainingMs(deadlineNanos), work.forOneCheck() / perNode);
        work.spend(model.nodeCount() * perNode);
        return new Result(first.best(), first.complete());
    }

    /**
     * The exact relaxation's verdict at the root, solved once per request; undecided above
     * {@link #ROOT_RELAXATION_PRODUCTS} candidates, or when the deadline leaves no time for a simplex of this size
     * (about as long as building a Choco model of it).
     */
    private LinearRelaxation.Verdict root(long deadline) {
        if (memory.root() == null) {
            boolean affordable = deadline - System.nanoTime() >= setupNanos(problem)
                    && work.affords(WorkBudget.longCheck(program));
            if (affordable) {
                work.spend(WorkBudget.longCheck(program));
            }
            memory = memory.withRoot(affordable ? rootVerdict(program) : LinearRelaxation.Verdict.UNDECIDED);
        }
        return memory.root();
    }

    /** The exact relaxation's verdict over the program's own box; undecided above {@link #ROOT_RELAXATION_PRODUCTS}. */
    static LinearRelaxation.Verdict rootVerdict(IntegerProgram program) {
        return program.size() <= ROOT_RELAXATION_PRODUCTS ? LinearRelaxation.decide(program)
                : LinearRelaxation.Verdict.UNDECIDED;
    }

    /** The root verdict as far as it is known (undecided when it was never asked for). */
    private LinearRelaxation.Verdict root() {
        return memory.root() == null ? LinearRelaxation.Verdict.UNDECIDED : memory.root();
    }

    /** The least objective the exact relaxation proved (0 when it proved nothing). */
    private long exactLowest() {
        return root().bounded() ? root().bound() : 0;
    }

    /**
     * The least objective the exact relaxation proved, in the request's own units (rounded up where they are whole),
     * or 0 when it proved nothing.
     */
    double provenLowest() {
        double scale = nutriplan.planner.problem.Scaling.objectiveScale(problem);
        return LagrangianBound.inRequestUnits(problem.objective(), exactLowest() / scale);
    }

    /** Whether a Choco search of this problem solves the relaxation again at its nodes: on catalogs small enough. */
    private static boolean relaxationAtNodes(Problem problem) {
        return problem.size() <= NODE_RELAXATION_PRODUCTS;
    }

    /**
     * The best plan whose product set differs from each excluded one. The first incumbent is the best greedy plan
     * without one product of an excluded set (so never an excluded set itself); it caps an enumeration of the
     * plans of at most {@link SmallSupports#MAX_SUPPORT} products, whose best is proven when the bound says so, or
     * when the enumeration was exhaustive and any better plan (or any plan at all, when none was found) would have
     * had at most that many products.
     */
    private ChocoModel.Outcome bestAlternative(Extra extra, long deadline) {
        var excluded = extra.excludedProductSets();
        var incumbent = greedyAlternative(problem, excluded);
        long cap = incumbent == null ? NO_PLAN_YET : goal(problem, incumbent);
        var answer = SmallSupports.leastObjective(problem, cap, SmallSupports.MAX_SUPPORT, excluded,
                affordable(Depth.NARROW), deadline);
        work.spend(answer.nodes() * WorkBudget.SMALL_SUPPORTS_NODE);
        var best = answer.plan() != null ? answer.plan() : incumbent;
        long bestGoal = goal(problem, best);
        boolean exhaustive = answer.decided()
                && mostProducts(problem, best == null ? cap : bestGoal - 1) <= SmallSupports.MAX_SUPPORT;
        long lowest = Math.max((long) RelaxationPropagator.roundUp(ascent(bestGoal, false, deadline).rootBound()),
                exactLowest());
        if (exhaustive || (best != null && bestGoal <= lowest)) {
            return new ChocoModel.Outcome(best, bestGoal, true);
        }
        return searched(extra, best, bestGoal, deadline);
    }

    /** The cheapest greedy plan among those that leave out one product of an excluded set; null if none. */
    private static int[] greedyAlternative(Problem problem, List<Set<Integer>> excluded) {
        int[] best = null;
        for (var set : excluded) {
            for (int product : set) {
                var plan = problem.lower()[product] > 0 ? null : Greedy.solve(problem.without(product));
                if (plan != null && !excluded.contains(productSet(plan))
                        && (best == null || problem.value(plan) < problem.value(best))) {
                    best = plan;
                }
            }
        }
        return best;
    }

    /** Choco's search for the least objective, from an incumbent (or none) and with the relaxation's bound. */
    private ChocoModel.Outcome searched(Extra extra, int[] incumbent, long incumbentGoal, long deadline) {
        long perNode = WorkBudget.chocoNode(program, relaxationAtNodes(problem));
        if (deadline - System.nanoTime() < setupNanos(problem) || !work.affords(WorkBudget.model(program) + perNode)) {
            // No time (or work left) to build a model this large: the incumbent, if any, unproven.
            return new ChocoModel.Outcome(incumbent, incumbentGoal, false);
        }
        work.spend(WorkBudget.model(program));
        long building = System.nanoTime();
        var model = ChocoModel.build(problem, Goal.OBJECTIVE, extra, incumbentGoal, deadline);
        // Propagating a model once takes about as long as building it: not begun without that much time left.
        if (model == null || deadline - System.nanoTime() < System.nanoTime() - building) {
            return new ChocoModel.Outcome(incumbent, incumbentGoal, false);
        }
        var outcome = model.configureSearch(searchBound(incumbentGoal, deadline), relaxationAtNodes(problem))
                .solve(remainingMs(deadline), work.left() / perNode);
        work.spend(model.nodeCount() * perNode);
        // Only a rounding corner case leaves the incumbent unfound: keep it, unproven.
        return outcome.best() == null && incumbent != null
                ? new ChocoModel.Outcome(incumbent, incumbentGoal, false) : outcome;
    }

    /**
     * The least objective by {@link SmallSupports} when every plan better than the incumbent uses few enough products
     * for {@link #depthFor}; null when that is not so or the search could not decide.
     */
    private ChocoModel.Outcome fewProducts(int[] incumbent, long incumbentGoal, long deadlineNanos) {
        long better = incumbent == null ? NO_PLAN_YET : incumbentGoal - 1;
        int support = mostProducts(problem, better);
        var depth = depthFor(support);
        if (support > depth.widest()) {
            return null;
        }
        var answer = SmallSupports.leastObjective(problem, better, support, List.of(), affordable(depth), deadlineNanos);
        work.spend(answer.nodes() * WorkBudget.SMALL_SUPPORTS_NODE);
        if (!answer.decided()) {
            return null;
        }
        return answer.plan() != null ? new ChocoModel.Outcome(answer.plan(), goal(problem, answer.plan()), true)
                : new ChocoModel.Outcome(incumbent, incumbentGoal, true); // nothing better: proven (or infeasible)
    }

    /**
     * The most products a plan whose scaled objective is at most {@code objectiveAtMost} can use: maxProducts,
     * and when every product used costs at least u (a serving, or the product itself), objectiveAtMost / u.
     */
    private static int mostProducts(Problem problem, long objectiveAtMost) {
        var perServing = ChocoModel.perServingCoefficients(problem, Goal.OBJECTIVE);
        long leastPerProduct = Long.MAX_VALUE;
        for (long cost : perServing) {
            leastPerProduct = Math.min(leastPerProduct, cost + ChocoModel.fixedCoefficient(problem, Goal.OBJECTIVE));
        }
        long most = leastPerProduct <= 0 ? Long.MAX_VALUE : objectiveAtMost / leastPerProduct;
        return (int) Math.min(most, problem.maxProducts());
    }

    /** About how long building a Choco model of this problem and propagating it once take. */
    private static long setupNanos(Problem problem) {
        return SETUP_NANOS_PER_TERM * problem.size() * (problem.targets().size() + 2L);
    }

    /** Greedy restarts from a forced first product, charged as a long check. */
    private int[] seeded(long deadline) {
        work.spend(WorkBudget.longCheck(program));
        return Greedy.solveSeeded(problem, GREEDY_SEEDS, deadline);
    }

    /** The depth with no more nodes than the work left pays for. */
    private Depth affordable(Depth depth) {
        return new Depth(depth.widest(), Math.min(depth.nodes(), work.left() / WorkBudget.SMALL_SUPPORTS_NODE));
    }

    private static long goal(Problem problem, int[] plan) {
        return plan == null ? -1 : ChocoModel.scaledObjective(problem, plan);
    }

    /**
     * The ascent's bound on the objective, from the first call on. It stops once the bound proves the first caller's
     * plan optimal, which is all a later caller can use too: the relaxation's optimum is at most the best plan's
     * objective, so no bound proves an alternative that costs more. With an enumeration to fall back on, a proof
     * that is slow to come is not waited for.
     */
    private LagrangianBound ascent(long incumbentGoal, boolean enumerable, long deadline) {
        if (memory.ascent() == null) {
            var stop = Stop.at(deadline);
            if (incumbentGoal >= 0) {
                stop = stop.once(RelaxationPropagator.leastProving(incumbentGoal));
            }
            work.spend(WorkBudget.longCheck(program));
            memory = memory.withAscent(boundFor(problem, Goal.OBJECTIVE, incumbentGoal, List.of(),
                    enumerable ? stop.within(PROOF_STEPS) : stop), enumerable);
        }
        return memory.ascent();
    }

    /**
     * The multipliers that guide Choco's search and bound its nodes cheaply: the exact relaxation's duals when it has
     * them, else the ascent's (run in full if it was cut short).
     */
    private LagrangianBound searchBound(long incumbentGoal, long deadline) {
        if (root().bounded()) {
            return root().lagrangianBound(program, problem.targets().size());
        }
        if (memory.ascentCut()) {
            work.spend(WorkBudget.longCheck(program));
            memory = memory.withAscent(boundFor(problem, Goal.OBJECTIVE, incumbentGoal, List.of(), Stop.at(deadline)),
                    false);
        }
        return memory.ascent();
    }

    /** The relaxation bound of a goal; {@code upperBound} (a known plan's goal value, or −1) guides its ascent. */
    private static LagrangianBound boundFor(Problem problem, Goal goal, long upperBound, List<Cap> caps,
                                            Stop stop) {
        return LagrangianBound.compute(problem,
                toDoubles(ChocoModel.perServingCoefficients(problem, goal)),
                filled(problem.size(), ChocoModel.fixedCoefficient(problem, goal)),
                upperBound < 0 ? Double.POSITIVE_INFINITY : upperBound, caps, stop);
    }

    /** The row "request objective ≤ its best value", in the model's integer units, for the tie-break's bound. */
    private static List<Cap> objectiveCap(Problem problem, long objectiveAtMost) {
        return List.of(new Cap(toDoubles(ChocoModel.perServingCoefficients(problem, Goal.OBJECTIVE)),
                filled(problem.size(), ChocoModel.fixedCoefficient(problem, Goal.OBJECTIVE)), objectiveAtMost));
    }

    static Set<Integer> productSet(int[] servings) {
        var set = new HashSet<Integer>();
        for (int i = 0; i < servings.length; i++) {
            if (servings[i] > 0) {
                set.add(i);
            }
        }
        return set;
    }

    private static Extra atMost(Extra extra, long objectiveAtMost) {
        return new Extra(objectiveAtMost, -1, extra.excludedProductSets());
    }

    /** Milliseconds until the deadline (at least 1: Choco needs a positive limit). */
    private static long remainingMs(long deadlineNanos) {
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    private static double[] toDoubles(long[] values) {
        var doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    private static double[] filled(int n, double value) {
        var values = new double[n];
        java.util.Arrays.fill(values, value);
        return values;
    }
}

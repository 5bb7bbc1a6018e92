package nutriplan.planner.choco;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nutriplan.planner.choco.ChocoModel.Extra;
import nutriplan.planner.choco.ChocoModel.Goal;
import nutriplan.planner.problem.Greedy;
import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.LagrangianBound.Cap;
import nutriplan.planner.problem.LagrangianBound.Stop;
import nutriplan.planner.problem.Problem;

/**
 * The best plan under API.md's order: the objective first, then fewer distinct products, then smaller
 * overshoot. Each level is its own solve with the levels before it fixed, so a lower level can never
 * trade against a higher one (a weighted sum could). One instance serves a request's best plan and then its
 * alternatives, which share the problem and so the relaxation's bound on the objective.
 */
final class Lexicographic {

    /** Share of a search's budget for proving the objective; the tie-break gets the rest. */
    private static final double OBJECTIVE_SHARE = 0.7;
    /** Greedy restarts from a forced first product when the plain greedy plan is not proven optimal. */
    private static final int GREEDY_SEEDS = 32;
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
     * @param servings  the best plan found, or null
     * @param proven    true when the objective is proven optimal (or, without a plan, proven infeasible)
     */
    record Result(int[] servings, boolean proven) {
    }

    private final Problem problem;
    /**
     * The relaxation's bound on the objective, computed once: every search of this problem (the best plan, then
     * each alternative) has the same relaxation, since excluded product sets are not part of it.
     */
    private LagrangianBound objectiveBound;
    /** Whether {@link #objectiveBound}'s ascent was cut to {@link #PROOF_STEPS}: too weak to guide Choco. */
    private boolean objectiveBoundCut;
    /** The plans a search of this problem can return: the best and its alternatives. */
    private final int plans;
    /** The best plan's tie-break: the best plans of distinct product sets at its objective, best first. */
    private SmallSupports.Ranking tieBreaks = SmallSupports.Ranking.UNDECIDED;
    /** Whether {@link #tieBreaks} is decided and held to the proven optimum: then it ranks the alternatives too. */
    private boolean optimumRanked;

    /** @param alternatives how many alternatives will be asked for after the best plan */
    Lexicographic(Problem problem, int alternatives) {
        this.problem = problem;
        this.plans = alternatives + 1;
    }

    /**
     * The best plan whose product set is none of {@code extra}'s excluded sets, within the budget. The first call
     * (nothing excluded) finds the best plan; later ones find its alternatives.
     */
    Result solve(Extra extra, long budgetMs) {
        var ranked = rankedAlternative(extra.excludedProductSets());
        if (ranked != null) {
            return new Result(ranked, true);
        }
        long start = System.nanoTime();
        long deadline = start + budgetMs * 1_000_000;
        var first = bestObjective(extra, start + (long) (budgetMs * OBJECTIVE_SHARE * 1e6));
        if (first.best() == null) {
            return new Result(null, first.complete());
        }
        var best = breakTies(extra, first, deadline - start, deadline);
        if (extra.excludedProductSets().isEmpty()) {
            optimumRanked = first.complete() && tieBreaks.decided();
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
        if (excluded.isEmpty() || !optimumRanked) {
            return null;
        }
        for (var plan : tieBreaks.plans()) {
            if (!excluded.contains(productSet(plan))) {
                return plan;
            }
        }
        return null;
    }

    /**
     * With the proven (or best found) objective value fixed, the plan with the fewest products, then the least
     * overshoot: by enumeration when few products will do, else in one more Choco solve if there is time for one
     * (building a model of thousands of products alone takes tens of milliseconds). Falls back to {@code first}.
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
        long tieBreakGoal = tieBreakGoal(problem, best);
        long building = System.nanoTime();
        var model = ChocoModel.build(problem, Goal.TIE_BREAK, atMost(extra, first.bestGoal()), tieBreakGoal, deadline);
        if (model == null || deadline - System.nanoTime() < System.nanoTime() - building) {
            return best;
        }
        var tieBreak = model
                .configureSearch(boundFor(problem, Goal.TIE_BREAK, tieBreakGoal, objectiveCap(problem, first.bestGoal()),
                        Stop.at(deadline)))
                .solve(remainingMs(deadline));
        return tieBreak.best() != null ? tieBreak.best() : best;
    }

    /**
     * The tie-break by enumeration; for the best plan, ranking as many product sets as plans are asked for (see
     * {@link #rankedAlternative}). Null when the enumeration cannot decide.
     */
    private int[] enumeratedTieBreak(List<Set<Integer>> excluded, long objectiveAtMost, int products, long deadline) {
        if (excluded.isEmpty()) {
            tieBreaks = SmallSupports.tieBreaks(problem, objectiveAtMost, excluded, products, plans, deadline);
            return tieBreaks.decided() ? tieBreaks.plans().get(0) : null;
        }
        return SmallSupports.tieBreak(problem, objectiveAtMost, excluded, products, deadline).plan();
    }

    /**
     * The least objective: a greedy plan when the relaxation bound already proves it optimal (most requests on a
     * real catalog), else by small supports, else Choco's search started from the best greedy plan.
     */
    private ChocoModel.Outcome bestObjective(Extra extra, long deadline) {
        if (!extra.excludedProductSets().isEmpty()) {
            return bestAlternative(extra, deadline);
        }
        var incumbent = Greedy.solve(problem);
        boolean seededYet = incumbent == null;
        if (seededYet) {
            // Without a plan the bound has nothing to prove, and its ascent would run to the end: seek one first.
            incumbent = Greedy.solveSeeded(problem, GREEDY_SEEDS, deadline);
        }
        long incumbentGoal = goal(problem, incumbent);
        boolean enumerable = mostProducts(problem, incumbent == null ? Long.MAX_VALUE / 4 : incumbentGoal - 1)
                <= SmallSupports.MAX_SUPPORT;
        var bound = objectiveBound(incumbentGoal, enumerable, deadline);
        long lowest = (long) LagrangianPropagator.roundUp(bound.rootBound());
        if (incumbent != null && incumbentGoal <= lowest) {
            return new ChocoModel.Outcome(incumbent, incumbentGoal, true);
        }
        var seeded = seededYet ? null : Greedy.solveSeeded(problem, GREEDY_SEEDS, deadline);
        if (seeded != null && (incumbent == null || goal(problem, seeded) < incumbentGoal)) {
            incumbent = seeded;
            incumbentGoal = goal(problem, seeded);
            if (incumbentGoal <= lowest) {
                return new ChocoModel.Outcome(incumbent, incumbentGoal, true);
            }
        }
        var enumerated = fewProducts(problem, incumbent, incumbentGoal, deadline);
        if (enumerated != null) {
            return enumerated;
        }
        return searched(extra, incumbent, incumbentGoal, deadline);
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
        long cap = incumbent == null ? Long.MAX_VALUE / 4 : goal(problem, incumbent);
        var answer = SmallSupports.leastObjective(problem, cap, SmallSupports.MAX_SUPPORT, excluded, deadline);
        var best = answer.plan() != null ? answer.plan() : incumbent;
        long bestGoal = goal(problem, best);
        boolean exhaustive = answer.decided()
                && mostProducts(problem, best == null ? cap : bestGoal - 1) <= SmallSupports.MAX_SUPPORT;
        var bound = objectiveBound(bestGoal, false, deadline);
        if (exhaustive || (best != null && bestGoal <= LagrangianPropagator.roundUp(bound.rootBound()))) {
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
        if (deadline - System.nanoTime() < setupNanos(problem)) {
            // No time to build a model this large: the incumbent, if any, unproven.
            return new ChocoModel.Outcome(incumbent, incumbentGoal, false);
        }
        long building = System.nanoTime();
        var model = ChocoModel.build(problem, Goal.OBJECTIVE, extra, incumbentGoal, deadline);
        // Propagating a model once takes about as long as building it: not begun without that much time left.
        if (model == null || deadline - System.nanoTime() < System.nanoTime() - building) {
            return new ChocoModel.Outcome(incumbent, incumbentGoal, false);
        }
        if (objectiveBoundCut) {
            objectiveBound = boundFor(problem, Goal.OBJECTIVE, incumbentGoal, List.of(), Stop.at(deadline));
            objectiveBoundCut = false;
        }
        var outcome = model.configureSearch(objectiveBound).solve(remainingMs(deadline));
        // Only a rounding corner case leaves the incumbent unfound: keep it, unproven.
        return outcome.best() == null && incumbent != null
                ? new ChocoModel.Outcome(incumbent, incumbentGoal, false) : outcome;
    }

    /**
     * The least objective by {@link SmallSupports} when every plan better than the incumbent uses at most
     * {@link SmallSupports#MAX_SUPPORT} products; null when that is not so or the search could not decide.
     */
    private static ChocoModel.Outcome fewProducts(Problem problem, int[] incumbent, long incumbentGoal,
                                                  long deadlineNanos) {
        long better = incumbent == null ? Long.MAX_VALUE / 4 : incumbentGoal - 1;
        int support = mostProducts(problem, better);
        if (support > SmallSupports.MAX_SUPPORT) {
            return null;
        }
        var answer = SmallSupports.leastObjective(problem, better, support, List.of(), deadlineNanos);
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

    private static long goal(Problem problem, int[] plan) {
        return plan == null ? -1 : ChocoModel.scaledObjective(problem, plan);
    }

    /**
     * The relaxation's bound on the objective, from the first call on. Its ascent stops once the bound proves the
     * first caller's plan optimal, which is all a later caller can use too: the relaxation's optimum is at most
     * the best plan's objective, so no bound proves an alternative that costs more. With an enumeration to fall
     * back on, a proof that is slow to come is not waited for.
     */
    private LagrangianBound objectiveBound(long incumbentGoal, boolean enumerable, long deadline) {
        if (objectiveBound == null) {
            var stop = Stop.at(deadline);
            if (incumbentGoal >= 0) {
                stop = stop.once(LagrangianPropagator.leastProving(incumbentGoal));
            }
            objectiveBound = boundFor(problem, Goal.OBJECTIVE, incumbentGoal, List.of(),
                    enumerable ? stop.within(PROOF_STEPS) : stop);
            objectiveBoundCut = enumerable;
        }
        return objectiveBound;
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

    private static long tieBreakGoal(Problem problem, int[] servings) {
        var coefficients = ChocoModel.perServingCoefficients(problem, Goal.TIE_BREAK);
        long value = 0;
        for (int i = 0; i < servings.length; i++) {
            value += coefficients[i] * servings[i] + (servings[i] > 0 ? ChocoModel.tieBreakProduct(problem) : 0);
        }
        return value;
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

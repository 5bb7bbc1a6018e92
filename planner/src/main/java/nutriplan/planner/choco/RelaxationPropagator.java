package nutriplan.planner.choco;

import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.events.IntEventType;
import org.chocosolver.util.ESat;

import nutriplan.planner.problem.IntegerProgram;
import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.LinearRelaxation;

/**
 * Posts the linear relaxation inside Choco's search, which has no relaxation of its own (its {@code getBestLB()}
 * stays at −1 on this problem).
 *
 * <p>At every node, first the cheap part: objective ≥ ⌈constant + Σ min gᵢ over the current boxes⌉ at the root's
 * multipliers; and, with the objective's current upper bound (the incumbent minus one, once one is known), each
 * product's servings are cut to the values whose reduced-cost contribution still fits under it ("reduced-cost
 * fixing"). Both follow from weak duality for any fixed multipliers, so they never cut off a plan better than the
 * incumbent. Then, on problems small enough for it ({@code program} not null), the relaxation is solved again over
 * the node's boxes ({@link LinearRelaxation}): a proven infeasible node fails, a proven bound raises the
 * objective's lower bound, and the node's own duals fix reduced costs again. This is what closes tight and
 * infeasible subtrees, where the root's multipliers say nothing.
 *
 * <p>Variables 0..n−1 are the servings, variable n the objective.
 */
final class RelaxationPropagator extends Propagator<IntVar> {

    /**
     * Absorbs floating-point noise in the root multipliers' pass, which is a filter in doubles: it only ever errs on
     * the side of keeping values. (A sum of n products in doubles is off by at most n·2⁻⁵³ of the sum of their sizes,
     * far below this for any catalog.)
     */
    private static final double EPSILON = 1e-6;

    private final LagrangianBound bound;
    private final IntegerProgram program;
    private final int n;
    private final int targets;
    /**
     * The search node whose boxes the relaxation was last solved over. Choco propagates a node several times as other
     * constraints narrow its boxes; one simplex per node (the first, after the cheaper propagators ran) keeps most of
     * the pruning for a fraction of the solves.
     */
    private long solvedAtNode = -1;

    /**
     * @param bound    multipliers for the goal
     * @param program  the goal's rows, to solve the relaxation again at every node; null for the root multipliers only
     */
    RelaxationPropagator(IntVar[] servings, IntVar objective, LagrangianBound bound, IntegerProgram program,
                         int targets) {
        super(append(servings, objective), PropagatorPriority.CUBIC, false);
        this.bound = bound;
        this.program = program;
        this.n = servings.length;
        this.targets = targets;
    }

    private static IntVar[] append(IntVar[] servings, IntVar objective) {
        var all = new IntVar[servings.length + 1];
        System.arraycopy(servings, 0, all, 0, servings.length);
        all[servings.length] = objective;
        return all;
    }

    @Override
    public int getPropagationConditions(int vIdx) {
        return IntEventType.boundAndInst();
    }

    @Override
    public void propagate(int evtmask) throws ContradictionException {
        filterWith(bound);
        long node = model.getSolver().getNodeCount();
        if (program == null || node == solvedAtNode) {
            return;
        }
        solvedAtNode = node;
        var lower = new int[n];
        var upper = new int[n];
        for (int i = 0; i < n; i++) {
            lower[i] = vars[i].getLB();
            upper[i] = vars[i].getUB();
        }
        var verdict = LinearRelaxation.decide(program, lower, upper);
        if (verdict.infeasible()) {
            fails();
        }
        if (verdict.bounded()) {
            raiseGoalTo(verdict.bound());
            filterWith(verdict.lagrangianBound(program, targets));
        }
    }

    /** The objective is at least {@code least}. */
    private void raiseGoalTo(double least) throws ContradictionException {
        vars[n].updateLowerBound((int) Math.max(Math.min(least, Integer.MAX_VALUE), -Integer.MAX_VALUE), this);
    }

    private void filterWith(LagrangianBound multipliers) throws ContradictionException {
        var best = new double[n];
        double total = multipliers.constant();
        for (int i = 0; i < n; i++) {
            best[i] = multipliers.bestContribution(i, vars[i].getLB(), vars[i].getUB());
            total += best[i];
        }
        raiseGoalTo(roundUp(total));
        double slack = vars[n].getUB() - total + EPSILON * (1 + Math.abs(total));
        for (int i = 0; i < n; i++) {
            filter(multipliers, i, best[i] + slack);
        }
    }

    /** The least integer objective a bound of {@code value} allows, with floating-point noise absorbed. */
    static double roundUp(double value) {
        return Math.ceil(value - EPSILON * (1 + Math.abs(value)));
    }

    /** A bound value that {@link #roundUp} takes to at least {@code goal}, a little above the least such value. */
    static double leastProving(long goal) {
        return goal - 1 + 4 * EPSILON * (1 + Math.abs(goal));
    }

    /** Keeps only the servings v of product i with gᵢ(v) ≤ limit (bounds only: domains are intervals). */
    private void filter(LagrangianBound multipliers, int i, double limit) throws ContradictionException {
        var servings = vars[i];
        double reducedCost = multipliers.reducedCost(i);
        double fixedCost = multipliers.fixedCost(i);
        int lo = servings.getLB();
        int hi = servings.getUB();
        boolean zeroFits = lo == 0 && limit >= 0;
        if (reducedCost > 0) {
            // gᵢ grows with v: the largest v ≥ 1 that fits, else only 0.
            double largest = Math.floor((limit - fixedCost) / reducedCost);
            if (largest < Math.max(lo, 1)) {
                servings.updateUpperBound(zeroFits ? 0 : lo - 1, this); // lo − 1 < lo fails when 0 does not fit
            } else if (largest < hi) {
                servings.updateUpperBound((int) largest, this);
            }
        } else if (reducedCost < 0 && !zeroFits) {
            // gᵢ falls with v: the smallest v ≥ 1 that fits.
            double smallest = Math.ceil((limit - fixedCost) / reducedCost);
            if (smallest > lo) {
                servings.updateLowerBound((int) Math.min(smallest, Integer.MAX_VALUE), this);
            }
        }
    }

    @Override
    public ESat isEntailed() {
        return ESat.TRUE; // a redundant bound: it never decides satisfaction on its own.
    }
}

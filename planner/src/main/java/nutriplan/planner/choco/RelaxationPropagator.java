package nutriplan.planner.choco;

import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.events.IntEventType;
import org.chocosolver.util.ESat;

import nutriplan.planner.problem.LagrangianBound;

/**
 * Posts the linear-relaxation bound inside Choco's search, which has no relaxation of its own (its
 * {@code getBestLB()} stays at −1 on this problem).
 *
 * <p>At every node: objective ≥ ⌈constant + Σ min gᵢ over the current boxes⌉; and, with the objective's
 * current upper bound (the incumbent minus one, once one is known), each product's servings are cut to
 * the values whose reduced-cost contribution still fits under it ("reduced-cost fixing"). Both follow from
 * weak duality for any fixed multipliers, so they never cut off a plan better than the incumbent.
 * Variables 0..n−1 are the servings, variable n the objective.
 */
final class LagrangianPropagator extends Propagator<IntVar> {

    /** Absorbs floating-point noise: filtering only ever errs on the side of keeping values. */
    private static final double EPSILON = 1e-6;

    private final LagrangianBound bound;
    private final int n;

    LagrangianPropagator(IntVar[] servings, IntVar objective, LagrangianBound bound) {
        super(append(servings, objective), PropagatorPriority.LINEAR, false);
        this.bound = bound;
        this.n = servings.length;
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
        var best = new double[n];
        double total = bound.constant();
        for (int i = 0; i < n; i++) {
            best[i] = bound.bestContribution(i, vars[i].getLB(), vars[i].getUB());
            total += best[i];
        }
        var objective = vars[n];
        objective.updateLowerBound((int) roundUp(total), this);
        double slack = objective.getUB() - total + EPSILON * (1 + Math.abs(total));
        for (int i = 0; i < n; i++) {
            filter(i, best[i] + slack);
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
    private void filter(int i, double limit) throws ContradictionException {
        var servings = vars[i];
        double reducedCost = bound.reducedCost(i);
        double fixedCost = bound.fixedCost(i);
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

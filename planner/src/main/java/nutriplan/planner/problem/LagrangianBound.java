package nutriplan.planner.problem;

import java.util.Arrays;
import java.util.List;

import nutriplan.planner.request.Objective;

/**
 * A lower bound on the objective from the linear relaxation, by Lagrangian duality.
 *
 * <p>The coupling rows (each target's min and max, total servings) move into the objective with
 * multipliers y ≥ 0; what remains splits per product over its servings box [lo, hi]:
 * <pre>
 *   objective(x) ≥ constant + Σᵢ gᵢ(xᵢ),   gᵢ(v) = rᵢ·v + dᵢ·[v &gt; 0]
 * </pre>
 * where rᵢ is product i's reduced cost and dᵢ its fixed cost (1 per product used, for the "products"
 * objective). This holds for every feasible plan and every y ≥ 0 (weak duality), so a bound computed with any
 * multipliers, however found, is never wrong; better multipliers only make it tighter. The multipliers are
 * found once per request by subgradient ascent over the root boxes; the best y gives the LP bound up to
 * convergence. The same y then bounds every node of the search cheaply (one pass over the boxes), and the
 * reduced costs say how far each product's servings can move before the bound passes the incumbent.
 *
 * <p>Rows are normalised by their right-hand side so that fluid in mL and caffeine in mg weigh alike in the
 * ascent (the concentration row, "Σ (cᵢ − C·fᵢ)·xᵢ ≤ 0", by its largest coefficient: its right-hand side is 0, and
 * its coefficients have both signs, which weak duality does not mind). Besides the request's rows, a caller may dualise extra {@link Cap}s its model also enforces, such as
 * "the objective at most its proven optimum" while breaking ties: without that row the tie-break's relaxation
 * could take any number of servings, and its bound would be far too weak to prune.
 */
public final class LagrangianBound {

    private static final int STEPS = 400;

    /**
     * When the ascent stops, besides converging: at a deadline on {@link System#nanoTime()}'s clock, once the bound
     * reaches {@code enough} (a caller that only needs it to prove a known plan optimal has no use for more), or
     * after {@code steps} steps.
     */
    public record Stop(long deadlineNanos, double enough, int steps) {

        /** At the deadline, or after the full ascent. */
        public static Stop at(long deadlineNanos) {
            return new Stop(deadlineNanos, Double.POSITIVE_INFINITY, STEPS);
        }

        public Stop once(double enough) {
            return new Stop(deadlineNanos, enough, steps);
        }

        public Stop within(int steps) {
            return new Stop(deadlineNanos, enough, Math.min(this.steps, steps));
        }
    }

    /**
     * An extra row Σᵢ perServingᵢ·xᵢ + fixedᵢ·[xᵢ &gt; 0] ≤ atMost that every plan the caller searches meets.
     * The product-count row (maxProducts) is one with perServing 0 and fixed 1.
     */
    public record Cap(double[] perServing, double[] fixed, double atMost) {
    }

    private final double constant;
    private final double[] reducedCosts;
    private final double[] fixedCosts;
    private final double rootBound;
    private final double[] minPrices;
    private final double concentrationPrice;

    private LagrangianBound(double constant, double[] reducedCosts, double[] fixedCosts, double rootBound,
                            double[] minPrices, double concentrationPrice) {
        this.constant = constant;
        this.reducedCosts = reducedCosts;
        this.fixedCosts = fixedCosts;
        this.rootBound = rootBound;
        this.minPrices = minPrices;
        this.concentrationPrice = concentrationPrice;
    }

    /**
     * The bound of multipliers found elsewhere (the exact linear relaxation's duals), as reduced costs already worked
     * out: it bounds each node of a search in one pass over the boxes. It has no prices of minimums (0).
     */
    public static LagrangianBound of(double constant, double[] reducedCosts, double[] fixedCosts, double rootBound,
                                     int targets) {
        return new LagrangianBound(constant, reducedCosts, fixedCosts, rootBound, new double[targets], 0);
    }

    /**
     * Finds good multipliers for the problem with the given per-serving and fixed costs.
     *
     * @param upperBound the value of a known plan (guides the step length), or +∞
     */
    public static LagrangianBound compute(Problem problem, double[] costs, double[] fixedCosts, double upperBound) {
        return compute(problem, costs, fixedCosts, upperBound, List.of(), Long.MAX_VALUE);
    }

    /**
     * The same, with extra rows that every searched plan meets (see {@link Cap}), and a deadline on
     * {@link System#nanoTime()}'s clock: the ascent stops there with the best multipliers so far (any multipliers
     * give a valid bound; on 5,000 products the full ascent takes some 50 ms).
     */
    public static LagrangianBound compute(Problem problem, double[] costs, double[] fixedCosts, double upperBound,
                                          List<Cap> caps, long deadlineNanos) {
        return compute(problem, costs, fixedCosts, upperBound, caps, Stop.at(deadlineNanos));
    }

    /**
     * The same, stopped as {@code stop} says: the full ascent on the 59-product catalog takes about a third of a
     * millisecond, most of a plan's time when a few steps prove the greedy plan optimal.
     */
    public static LagrangianBound compute(Problem problem, double[] costs, double[] fixedCosts, double upperBound,
                                          List<Cap> caps, Stop stop) {
        return new Ascent(problem, costs, fixedCosts, upperBound, caps).run(stop);
    }

    /**
     * The linear relaxation's bound on the request's own objective, in its real units; rounded up where values
     * are whole (servings, products). Weaker if the deadline cuts its ascent short, never wrong.
     */
    public static double requestBound(Problem problem, long deadlineNanos) {
        return inRequestUnits(problem.objective(), compute(problem, problem.costs(), problem.fixedCosts(),
                Double.POSITIVE_INFINITY, List.of(), deadlineNanos).rootBound());
    }

    /** A bound on the objective in real units, as a response states it: at least 0, rounded up where values are whole. */
    public static double inRequestUnits(Objective objective, double rootBound) {
        boolean whole = objective == Objective.SERVINGS || objective == Objective.PRODUCTS;
        double bound = Math.max(0, rootBound);
        return whole ? Math.ceil(bound - 1e-6) + 0.0 : bound; // + 0.0: never a −0
    }

    /** The bound at the root boxes. */
    public double rootBound() {
        return rootBound;
    }

    /**
     * The multiplier of target t's minimum per canonical unit of its nutrient (0 without a minimum): what one more
     * unit of the nutrient is worth to the objective at the relaxation's optimum. A heuristic's price, not a bound.
     */
    public double minPrice(int target) {
        return minPrices[target];
    }

    /**
     * The multiplier of the concentration row per gram of carbohydrate above what the fluid allows (0 without the row):
     * what diluting the plan by that much is worth to the objective. A heuristic's price, as {@link #minPrice} is.
     */
    public double concentrationPrice() {
        return concentrationPrice;
    }

    public double reducedCost(int product) {
        return reducedCosts[product];
    }

    /** dᵢ: the cost of using product i at all, after the multipliers of the rows that count products. */
    public double fixedCost(int product) {
        return fixedCosts[product];
    }

    public double constant() {
        return constant;
    }

    /** The least of gᵢ over [lo, hi]. */
    public double bestContribution(int product, int lo, int hi) {
        return bestContribution(reducedCosts[product], fixedCosts[product], lo, hi);
    }

    /** gᵢ(v). */
    public double contribution(int product, int servings) {
        return servings == 0 ? 0 : reducedCosts[product] * servings + fixedCosts[product];
    }

    static double bestContribution(double reducedCost, double fixedCost, int lo, int hi) {
        // gᵢ is linear on [max(lo,1), hi] and 0 at v = 0, so its least value is at one of these points.
        double best = lo == 0 ? 0 : reducedCost * lo + fixedCost;
        if (hi >= 1) {
            best = Math.min(best, reducedCost * Math.max(lo, 1) + fixedCost);
            best = Math.min(best, reducedCost * hi + fixedCost);
        }
        return best;
    }

    /** Subgradient ascent with Polyak steps; keeps the best multipliers seen. */
    private static final class Ascent {
        private final Problem problem;
        private final double[] costs;
        private final double[] fixedCosts;
        private final double upperBound;
        private final int n;
        private final int rows;
        private final double[][] coefficients; // normalised row × product
        private final double[][] fixedCoefficients; // normalised row × product, per product used; null if none
        private final double[] rhs;             // normalised right-hand sides (1, or 0 for an absent row)
        private final double[] sign;            // +1: a "≥" row (min), −1: a "≤" row (max, servings)
        /** The concentration row's index (−1 without one) and what it was divided by. */
        private final int concentrationRow;
        private final double concentrationDivisor;

        Ascent(Problem problem, double[] costs, double[] fixedCosts, double upperBound, List<Cap> caps) {
            this.problem = problem;
            this.costs = costs;
            this.fixedCosts = fixedCosts;
            this.upperBound = upperBound;
            this.n = problem.size();
            var targets = problem.targets();
            int count = 0;
            for (var target : targets) {
                count += (target.hasMin() ? 1 : 0) + (target.hasMax() ? 1 : 0);
            }
            var concentration = problem.concentration();
            boolean servingsRow = problem.maxServings() < Integer.MAX_VALUE;
            boolean productsRow = problem.maxProducts() < Integer.MAX_VALUE;
            this.rows = count + (concentration != null ? 1 : 0) + (servingsRow ? 1 : 0) + (productsRow ? 1 : 0)
                    + caps.size();
            this.coefficients = new double[rows][];
            this.fixedCoefficients = new double[rows][];
            this.rhs = new double[rows];
            this.sign = new double[rows];
            int row = 0;
            for (int t = 0; t < targets.size(); t++) {
                var target = targets.get(t);
                if (target.hasMin()) {
                    addRow(row++, problem.amounts()[t], target.min(), 1);
                }
                if (target.hasMax()) {
                    addRow(row++, problem.amounts()[t], Math.max(target.max(), 1e-9), -1);
                }
            }
            if (concentration != null) {
                double largest = 1e-9;
                for (double coefficient : concentration) {
                    largest = Math.max(largest, Math.abs(coefficient));
                }
                concentrationRow = row;
                concentrationDivisor = largest;
                coefficients[row] = normalised(concentration, largest);
                rhs[row] = 0;
                sign[row++] = -1;
            } else {
                concentrationRow = -1;
                concentrationDivisor = 1;
            }
            var ones = new double[n];
            Arrays.fill(ones, 1);
            if (servingsRow) {
                addRow(row++, ones, problem.maxServings(), -1);
            }
            if (productsRow) {
                addRow(row++, new double[n], ones, problem.maxProducts());
            }
            for (var cap : caps) {
                addRow(row++, cap.perServing(), cap.fixed(), cap.atMost());
            }
        }

        private void addRow(int row, double[] amounts, double rightHandSide, double rowSign) {
            coefficients[row] = normalised(amounts, rightHandSide);
            rhs[row] = 1;
            sign[row] = rowSign;
        }

        /** A "≤" row with a per-product-used part. A cap of 0 or less stays as it is (nothing to normalise by). */
        private void addRow(int row, double[] perServing, double[] fixed, double atMost) {
            double scale = atMost > 0 ? atMost : 1;
            coefficients[row] = normalised(perServing, scale);
            fixedCoefficients[row] = normalised(fixed, scale);
            rhs[row] = atMost / scale;
            sign[row] = -1;
        }

        private double[] normalised(double[] values, double divisor) {
            var normalised = new double[n];
            for (int i = 0; i < n; i++) {
                normalised[i] = values[i] / divisor;
            }
            return normalised;
        }

        LagrangianBound run(Stop stop) {
            var multipliers = new double[rows];
            var best = evaluate(multipliers);
            var bestMultipliers = multipliers.clone();
            double bestValue = best.value;
            double step = 2;
            int sinceImprovement = 0;
            for (int iteration = 0; iteration < stop.steps() && rows > 0 && bestValue < stop.enough()
                    && System.nanoTime() < stop.deadlineNanos(); iteration++) {
                var current = evaluate(multipliers);
                if (current.value > bestValue + 1e-9) {
                    bestValue = current.value;
                    bestMultipliers = multipliers.clone();
                    sinceImprovement = 0;
                } else if (++sinceImprovement >= 15) {
                    step /= 2;
                    sinceImprovement = 0;
                    if (step < 1e-4) {
                        break;
                    }
                }
                double norm = 0;
                for (double g : current.subgradient) {
                    norm += g * g;
                }
                if (norm < 1e-18) {
                    break; // the box minimiser meets every row exactly: the bound is the LP value.
                }
                double target = Double.isFinite(upperBound) ? upperBound : Math.abs(bestValue) * 1.1 + 1;
                double length = step * Math.max(target - current.value, 1e-3 * (1 + Math.abs(target))) / norm;
                for (int r = 0; r < rows; r++) {
                    multipliers[r] = Math.max(0, multipliers[r] + length * current.subgradient[r]);
                }
            }
            return bound(bestMultipliers);
        }

        private record Evaluation(double value, double[] subgradient) {
        }

        private Evaluation evaluate(double[] multipliers) {
            var reduced = reduce(costs, coefficients, multipliers);
            var reducedFixed = reduce(fixedCosts, fixedCoefficients, multipliers);
            double value = constant(multipliers);
            var activity = new double[rows];
            for (int i = 0; i < n; i++) {
                int v = bestServings(reduced[i], reducedFixed[i], problem.lower()[i], problem.upper()[i]);
                value += v == 0 ? 0 : reduced[i] * v + reducedFixed[i];
                if (v != 0) {
                    for (int r = 0; r < rows; r++) {
                        activity[r] += coefficients[r][i] * v + (fixedCoefficients[r] == null ? 0 : fixedCoefficients[r][i]);
                    }
                }
            }
            var subgradient = new double[rows];
            for (int r = 0; r < rows; r++) {
                subgradient[r] = sign[r] * (rhs[r] - activity[r]);
            }
            return new Evaluation(value, subgradient);
        }

        /** base − Σᵣ signᵣ·yᵣ·rowᵣ: the reduced per-serving (or per-product-used) costs. */
        private double[] reduce(double[] base, double[][] rowCoefficients, double[] multipliers) {
            var reduced = base.clone();
            for (int r = 0; r < rows; r++) {
                if (multipliers[r] != 0 && rowCoefficients[r] != null) {
                    double factor = sign[r] * multipliers[r];
                    var row = rowCoefficients[r];
                    for (int i = 0; i < n; i++) {
                        reduced[i] -= factor * row[i];
                    }
                }
            }
            return reduced;
        }

        private double constant(double[] multipliers) {
            double constant = 0;
            for (int r = 0; r < rows; r++) {
                constant += sign[r] * multipliers[r] * rhs[r];
            }
            return constant;
        }

        private static int bestServings(double reducedCost, double fixedCost, int lo, int hi) {
            int best = lo;
            double bestValue = lo == 0 ? 0 : reducedCost * lo + fixedCost;
            int low = Math.max(lo, 1);
            if (hi >= low) {
                for (int v : new int[] {low, hi}) {
                    double value = reducedCost * v + fixedCost;
                    if (value < bestValue - 1e-12) {
                        best = v;
                        bestValue = value;
                    }
                }
            }
            return best;
        }

        private LagrangianBound bound(double[] multipliers) {
            var reduced = reduce(costs, coefficients, multipliers);
            var reducedFixed = reduce(fixedCosts, fixedCoefficients, multipliers);
            double constant = constant(multipliers);
            double root = constant;
            for (int i = 0; i < n; i++) {
                root += bestContribution(reduced[i], reducedFixed[i], problem.lower()[i], problem.upper()[i]);
            }
            // The first rows are each target's min (if any) then max (if any), normalised by the right-hand side.
            var targets = problem.targets();
            var minPrices = new double[targets.size()];
            int row = 0;
            for (int t = 0; t < targets.size(); t++) {
                if (targets.get(t).hasMin()) {
                    minPrices[t] = multipliers[row++] / targets.get(t).min();
                }
                row += targets.get(t).hasMax() ? 1 : 0;
            }
            double concentrationPrice = concentrationRow < 0 ? 0 : multipliers[concentrationRow] / concentrationDivisor;
            return new LagrangianBound(constant, reduced, reducedFixed, root, minPrices, concentrationPrice);
        }
    }
}

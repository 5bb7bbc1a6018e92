package nutriplan.planner.problem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The linear relaxation of an {@link IntegerProgram} over a box of servings, solved exactly by ojAlgo's simplex, and
 * turned into a verdict that is a proof.
 *
 * <p>The simplex works in doubles; its answer is only a guess at good multipliers y ≥ 0 for the rows. The verdict
 * comes from Lagrangian duality over the integer rows, evaluated exactly in {@link BigDecimal} (every double is an
 * exact binary fraction, every coefficient an integer): for every plan x in the box that meets every row,
 * <pre>
 *   goal(x) ≥ L(y) = Σᵣ sᵣ·yᵣ·rightᵣ + Σᵢ min over v ∈ {lo, max(lo, 1), hi} of (rᵢ·v + f·[v &gt; 0])
 * </pre>
 * with sᵣ = +1 for a "≥" row and −1 for a "≤" row, rᵢ = costᵢ − Σᵣ sᵣ·yᵣ·aᵣᵢ and f = perProduct − Σᵣ sᵣ·yᵣ·fᵣ.
 * (Each candidate's term is linear in v on [max(lo, 1), hi] and a serving-count jump at 0, so its least value is at
 * one of those points.) Whatever the floating point did, the inequality holds for the y it gave. So:
 * <ul>
 * <li>{@link Kind#INFEASIBLE}: with the goal set to 0, L(y) &gt; 0 — no plan meets the rows (a Farkas certificate; y
 * comes from the phase-one relaxation that minimises the rows' normalised shortfall);</li>
 * <li>{@link Kind#BOUNDED}: every plan's goal is at least ⌈L(y)⌉, with y the relaxation's duals.</li>
 * </ul>
 * When a check fails (the simplex stopped early, or rounding spoilt its duals) the verdict is {@link Kind#UNDECIDED}
 * and the search decides instead: a wrong verdict is never given.
 *
 * <p>Before the simplex, rows with a single candidate become bounds on its servings (exactly, in integers): ojAlgo's
 * presolve would do the same and then report no multiplier for them.
 */
public final class LinearRelaxation {

    /** What a relaxation proved. */
    public enum Kind { INFEASIBLE, BOUNDED, UNDECIDED }

    /**
     * @param kind        what was proven
     * @param bound       for BOUNDED, the least goal any plan in the box can have
     * @param multipliers per row of the program, yᵣ ≥ 0: the certificate (for INFEASIBLE) or the duals (BOUNDED)
     * @param lower       the box after single-candidate rows became bounds (what the certificate holds over)
     * @param upper       idem
     */
    public record Verdict(Kind kind, long bound, double[] multipliers, int[] lower, int[] upper) {

        public static final Verdict UNDECIDED = new Verdict(Kind.UNDECIDED, 0, null, null, null);

        /** No multipliers at all (each 0): the goal's own costs, a trivial but valid bound. */
        public static Verdict none(IntegerProgram program) {
            return new Verdict(Kind.UNDECIDED, LEAST_BOUND.longValue(), new double[program.rows().size()],
                    program.lower(), program.upper());
        }

        public boolean infeasible() {
            return kind == Kind.INFEASIBLE;
        }

        public boolean bounded() {
            return kind == Kind.BOUNDED;
        }

        /**
         * The duals as a {@link LagrangianBound} in the program's goal units, for cheap bounds at the nodes below
         * (in doubles: a search filter, which absorbs rounding noise, not a verdict).
         */
        public LagrangianBound lagrangianBound(IntegerProgram program, int targets) {
            int n = program.size();
            var reduced = new double[n];
            for (int i = 0; i < n; i++) {
                reduced[i] = program.cost()[i];
            }
            double perProduct = program.perProduct();
            double constant = 0;
            var rows = program.rows();
            for (int r = 0; r < rows.size(); r++) {
                var row = rows.get(r);
                double signed = row.atLeast() ? multipliers[r] : -multipliers[r];
                if (signed == 0) {
                    continue;
                }
                constant += signed * row.right();
                perProduct -= signed * row.perProduct();
                for (int i = 0; i < n; i++) {
                    reduced[i] -= signed * row.perServing()[i];
                }
            }
            var fixed = new double[n];
            java.util.Arrays.fill(fixed, perProduct);
            return LagrangianBound.of(constant, reduced, fixed, bound, targets);
        }

        /** The multipliers by the request field of their row: a certificate to try on a related request. */
        public Map<String, Double> byField(IntegerProgram program) {
            var byField = new HashMap<String, Double>();
            for (int r = 0; multipliers != null && r < multipliers.length; r++) {
                var field = program.rows().get(r).field();
                if (multipliers[r] > 0 && field != null) {
                    byField.put(field, multipliers[r]);
                }
            }
            return byField;
        }

        /** The request fields of the rows the certificate rests on (a positive multiplier), in row order. */
        public List<String> fields(IntegerProgram program) {
            var fields = new ArrayList<String>();
            for (int r = 0; multipliers != null && r < multipliers.length; r++) {
                var field = program.rows().get(r).field();
                if (multipliers[r] > 0 && field != null) {
                    fields.add(field);
                }
            }
            return fields;
        }
    }

    /** Bounds are clamped to these, far from overflow in the searches' sums (a clamp only weakens a bound). */
    private static final BigDecimal MOST_BOUND = BigDecimal.valueOf(Long.MAX_VALUE / 4);
    private static final BigDecimal LEAST_BOUND = MOST_BOUND.negate();

    /** Shortfalls below this (in normalised rows, where each right-hand side is 1) are the simplex's noise. */
    private static final double PHASE_ONE_NOISE = 1e-9;

    private LinearRelaxation() {
    }

    /** The verdict over the program's own box. */
    public static Verdict decide(IntegerProgram program) {
        return decide(program, program.lower(), program.upper());
    }

    /** The verdict over the box [lower, upper] (a node of a search). */
    public static Verdict decide(IntegerProgram program, int[] lower, int[] upper) {
        var box = ImpliedBox.of(program, lower, upper);
        if (box == null) {
            // A single-candidate row, or a row without candidates, cannot hold: integers alone prove it.
            return new Verdict(Kind.INFEASIBLE, 0, new double[program.rows().size()], lower, upper);
        }
        try {
            var costed = Lp.solve(program, box, false);
            if (costed.state() == Optimisation.State.INFEASIBLE) {
                return infeasibility(program, box);
            }
            if (!costed.state().isOptimal() || costed.multipliers() == null) {
                return Verdict.UNDECIDED;
            }
            var value = lagrangian(program, box.lower(), box.upper(), costed.multipliers(), true);
            long bound = value.setScale(0, RoundingMode.CEILING).max(LEAST_BOUND).min(MOST_BOUND).longValueExact();
            return new Verdict(Kind.BOUNDED, bound, costed.multipliers(), box.lower(), box.upper());
        } catch (RuntimeException simplexFailure) {
            // A numerical failure inside the simplex decides nothing: the search still will.
            return Verdict.UNDECIDED;
        }
    }

    private static Verdict infeasibility(IntegerProgram program, ImpliedBox box) {
        var phaseOne = Lp.solve(program, box, true);
        if (!phaseOne.state().isOptimal() || phaseOne.multipliers() == null || phaseOne.value() <= PHASE_ONE_NOISE) {
            return Verdict.UNDECIDED;
        }
        var value = lagrangian(program, box.lower(), box.upper(), phaseOne.multipliers(), false);
        return value.signum() > 0 ? new Verdict(Kind.INFEASIBLE, 0, phaseOne.multipliers(), box.lower(), box.upper())
                : Verdict.UNDECIDED;
    }

    /**
     * Whether multipliers that proved a related request infeasible (by the fields of their rows) prove this one
     * infeasible too: exactly, over this program's own rows and box, with no simplex. Removing a target or a limit
     * that a certificate does not rest on usually leaves it valid, so a search for a smallest conflict can drop such
     * a clause without solving anything.
     */
    public static boolean proves(IntegerProgram program, Map<String, Double> certificate) {
        var box = ImpliedBox.of(program, program.lower(), program.upper());
        if (box == null) {
            return true;
        }
        var rows = program.rows();
        var multipliers = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            multipliers[r] = box.asBound()[r] ? 0 : certificate.getOrDefault(rows.get(r).field(), 0.0);
        }
        return lagrangian(program, box.lower(), box.upper(), multipliers, false).signum() > 0;
    }

    /**
     * L(y) in exact arithmetic (see the class comment); with {@code withGoal} false the goal is 0 and L(y) &gt; 0
     * proves that no plan in the box meets the rows.
     */
    public static BigDecimal lagrangian(IntegerProgram program, int[] lower, int[] upper, double[] multipliers,
                                        boolean withGoal) {
        int n = program.size();
        var reduced = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            reduced[i] = withGoal ? BigDecimal.valueOf(program.cost()[i]) : BigDecimal.ZERO;
        }
        var perProduct = withGoal ? BigDecimal.valueOf(program.perProduct()) : BigDecimal.ZERO;
        var constant = BigDecimal.ZERO;
        var rows = program.rows();
        for (int r = 0; r < rows.size(); r++) {
            if (!(multipliers[r] > 0)) {
                continue;
            }
            var row = rows.get(r);
            var signed = new BigDecimal(multipliers[r]);
            if (!row.atLeast()) {
                signed = signed.negate();
            }
            constant = constant.add(signed.multiply(BigDecimal.valueOf(row.right())));
            perProduct = perProduct.subtract(signed.multiply(BigDecimal.valueOf(row.perProduct())));
            for (int i = 0; i < n; i++) {
                if (row.perServing()[i] != 0) {
                    reduced[i] = reduced[i].subtract(signed.multiply(BigDecimal.valueOf(row.perServing()[i])));
                }
            }
        }
        var value = constant;
        for (int i = 0; i < n; i++) {
            value = value.add(leastTerm(reduced[i], perProduct, lower[i], upper[i]));
        }
        return value;
    }

    /** The least of r·v + f·[v &gt; 0] over whole v in [lo, hi]. */
    private static BigDecimal leastTerm(BigDecimal reduced, BigDecimal perProduct, int lo, int hi) {
        BigDecimal least = null;
        for (int v : new int[] {lo, Math.max(lo, 1), hi}) {
            if (v < lo || v > hi) {
                continue;
            }
            var term = v == 0 ? BigDecimal.ZERO : reduced.multiply(BigDecimal.valueOf(v)).add(perProduct);
            least = least == null || term.compareTo(least) < 0 ? term : least;
        }
        return least;
    }

    /**
     * The box with each single-candidate row turned into a bound on that candidate's servings, exactly; null when a
     * row cannot hold at all (no candidate can serve it, or its one candidate's bounds cross).
     */
    record ImpliedBox(int[] lower, int[] upper, boolean[] asBound) {

        static ImpliedBox of(IntegerProgram program, int[] lower, int[] upper) {
            var lo = lower.clone();
            var hi = upper.clone();
            var rows = program.rows();
            var asBound = new boolean[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                var row = rows.get(r);
                if (row.perProduct() != 0) {
                    continue;
                }
                int only = -1;
                int support = 0;
                for (int i = 0; i < lo.length; i++) {
                    if (row.perServing()[i] != 0 && hi[i] > 0) {
                        only = i;
                        support++;
                    }
                }
                if (support == 0) {
                    // The row's total is 0 (or a constant from fixed candidates it does not count): it holds or not.
                    if (row.atLeast() ? row.right() > 0 : row.right() < 0) {
                        return null;
                    }
                    asBound[r] = true;
                } else if (support == 1) {
                    long a = row.perServing()[only];
                    // a·x ≥ b (or ≤ b) bounds x from below when a and the sense agree, from above when they do not:
                    // the concentration row's coefficient may be negative (a drink more dilute than the limit).
                    if (row.atLeast() == a > 0) {
                        lo[only] = (int) Math.max(lo[only], Math.min(Integer.MAX_VALUE, Math.ceilDiv(row.right(), a)));
                    } else {
                        hi[only] = (int) Math.min(hi[only], Math.max(-1, Math.floorDiv(row.right(), a)));
                    }
                    if (lo[only] > hi[only]) {
                        return null;
                    }
                    asBound[r] = true;
                }
            }
            return new ImpliedBox(lo, hi, asBound);
        }
    }

    /** One simplex solve: its state, value and the multipliers it gives each row of the program (0 where none). */
    private record Lp(Optimisation.State state, double value, double[] multipliers) {

        /**
         * Minimises the goal over the relaxation (or, in phase one, the rows' normalised shortfalls). Each row is
         * divided by its right-hand side so that caffeine in mg and fluid in mL weigh alike in the simplex; a used
         * flag uᵢ ∈ [0, 1] with uᵢ ≤ xᵢ ≤ hiᵢ·uᵢ stands for "product i is in the plan" when something counts products
         * (but where hiᵢ is 1, xᵢ itself does).
         */
        static Lp solve(IntegerProgram program, ImpliedBox box, boolean phaseOne) {
            int n = program.size();
            var model = new ExpressionsBasedModel();
            var servings = new Variable[n];
            var used = program.countsProducts() ? new Variable[n] : null;
            for (int i = 0; i < n; i++) {
                if (box.upper()[i] <= 0) {
                    continue;
                }
                // At most one serving: the used flag would equal the servings (u ≤ x ≤ 1·u), so x stands for both,
                // which halves the model of a binary catalog and drops two rows per candidate (8× faster on IFCT
                // meals of 542 foods).
                boolean single = box.upper()[i] == 1;
                servings[i] = model.addVariable("x" + i).lower(box.lower()[i]).upper(box.upper()[i])
                        .weight(phaseOne ? 0 : program.cost()[i] + (single ? program.perProduct() : 0));
                if (used != null && !single) {
                    used[i] = model.addVariable("u" + i).lower(box.lower()[i] > 0 ? 1 : 0).upper(1)
                            .weight(phaseOne ? 0 : program.perProduct());
                    model.addExpression("least" + i).set(servings[i], 1).set(used[i], -1).lower(0);
                    model.addExpression("most" + i).set(servings[i], 1).set(used[i], -box.upper()[i]).upper(0);
                }
            }
            var rows = program.rows();
            var divisors = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                if (box.asBound()[r]) {
                    continue;
                }
                var row = rows.get(r);
                divisors[r] = divisor(row);
                var expression = model.addExpression("r" + r);
                for (int i = 0; i < n; i++) {
                    if (servings[i] == null) {
                        continue;
                    }
                    boolean flagged = used != null && used[i] != null;
                    long perServing = row.perServing()[i] + (flagged ? 0 : row.perProduct());
                    if (perServing != 0) {
                        expression.set(servings[i], perServing / divisors[r]);
                    }
                    if (flagged && row.perProduct() != 0) {
                        expression.set(used[i], row.perProduct() / divisors[r]);
                    }
                }
                if (phaseOne) {
                    var shortfall = model.addVariable("s" + r).lower(0).weight(1);
                    expression.set(shortfall, row.atLeast() ? 1 : -1);
                }
                double right = row.right() / divisors[r];
                if (row.atLeast()) {
                    expression.lower(right);
                } else {
                    expression.upper(right);
                }
            }
            var result = model.minimise();
            return new Lp(result.getState(), result.getValue(), multipliers(result, rows.size(), divisors));
        }

        /**
         * What a row is divided by: its right-hand side, or where that is 0 (the concentration row, "≤ 0"), its
         * largest coefficient, so that 0.001 g of carbohydrate per serving does not weigh a thousand times a
         * normalised row.
         */
        private static double divisor(IntegerProgram.Row row) {
            if (row.right() != 0) {
                return Math.max(1, Math.abs((double) row.right()));
            }
            double largest = Math.abs((double) row.perProduct());
            for (long coefficient : row.perServing()) {
                largest = Math.max(largest, Math.abs((double) coefficient));
            }
            return Math.max(1, largest);
        }

        /** The duals ojAlgo matched to the rows, per unit of the integer row (ojAlgo reports their size, ≥ 0). */
        private static double[] multipliers(Optimisation.Result result, int rows, double[] divisors) {
            if (!result.getState().isOptimal()) {
                return null;
            }
            var multipliers = new double[rows];
            for (var matched : result.getMatchedMultipliers()) {
                var name = matched.getKey().first().getName();
                if (name.startsWith("r")) {
                    int r = Integer.parseInt(name.substring(1));
                    multipliers[r] = Math.abs(matched.getValue().doubleValue()) / divisors[r];
                }
            }
            Arrays.setAll(multipliers, r -> Double.isFinite(multipliers[r]) ? multipliers[r] : 0);
            return multipliers;
        }
    }
}

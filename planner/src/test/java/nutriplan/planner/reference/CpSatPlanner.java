package nutriplan.planner.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.ortools.Loader;
import com.google.ortools.init.OrToolsVersion;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.SatParameters;
import com.google.protobuf.TextFormat;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Product;
import nutriplan.planner.Planner;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanItem;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.request.Limits;
import nutriplan.planner.problem.PlanningLimits;
import nutriplan.planner.problem.UnknownValues;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/**
 * The reference planner: the same problem as API.md, modelled plainly for OR-Tools CP-SAT. Tests and
 * the benchmark hold the Choco planner against it; it is never shipped.
 *
 * <p>What it solves: one integer variable per allowed product (for {@code cost}, only products with a
 * price), capped by the product's {@code maxServings}, {@code limits.maxServingsPerProduct} and
 * {@code limits.maxServings}; one linear row per target bound; {@code require} as {@code x >= 1};
 * {@code maxProducts} through a used boolean per product ({@code x >= 1 => used}); the objective
 * minimised. By default only the objective value is optimised: the lexicographic tie-breaks of API.md (fewer
 * products, then less overshoot) are not modelled, so two optimal plans may differ in their products.
 * {@link #withTieBreaks} solves them too, each level with the ones before it held at their optimum, and answers
 * {@code OPTIMAL} only when every level is proven (the overshoot in parts per million of each minimum).
 *
 * <p>Scaling to integers is sound: amounts and bounds are multiplied by {@value #NUTRIENT_SCALE}, in
 * decimal (the double's shortest decimal text, so 0.036 g is 36, not 35.99…). A min row uses
 * {@code floor(a·s)} per serving against {@code ceil(min·s)}, a max row {@code ceil(a·s)} against
 * {@code floor(max·s)}: each scaled row implies the real one, so every plan CP-SAT accepts meets the real
 * bounds. When all amounts have at most three decimals (labels have at most one) the scaled rows equal
 * the real ones and CP-SAT's optimum is the true optimum; otherwise it is the optimum of a slightly
 * tighter problem ({@link #isExact(PlanRequest)} tells which). Every plan is checked with
 * {@link Plan#violations(PlanRequest)} before it is returned.
 *
 * <p>A concentration limit is one more row, Σ kᵢ·xᵢ ≤ 0 with kᵢ = ⌈1000·cᵢ − limit·fᵢ⌉ (carbohydrate in 0.001 g less
 * what the serving's fluid allows, in decimal): rounded up, so it implies the real row whatever the signs, and equal
 * to it when both terms are whole thousandths. Its coefficients have both signs, so the cover cap below is not
 * applied to a product more dilute than the limit: more of it can be what dilutes the plan.
 *
 * <p>The objective is scaled too: mass ×{@value #MASS_SCALE} and price ×{@value #COST_SCALE}, rounded.
 * The reported value is the plan's own value in doubles; the bound is CP-SAT's bound divided back.
 *
 * <p>Domains are also capped by what each max row allows and by what it takes the product alone to meet
 * every min it contributes to (see {@code cap}); both caps keep every optimum, and CP-SAT needs finite
 * domains when the request sets no limit.
 *
 * <p>Parallelism: CP-SAT runs a portfolio of differently configured workers; the default here is one
 * worker ({@code num_workers: 1}), so that timings compare with single-threaded Choco. Everything else is
 * CP-SAT's default. On 1000–5000 generated products with a used boolean per product ({@code products}
 * objective, {@code maxProducts}) CP-SAT spends seconds in presolve (probing), often the whole time limit;
 * 2 or 8 workers on a 2-core machine did not change that, nor did {@code cp_model_probing_level: 0} reliably.
 * Other workers or parameters go through the constructor.
 */
public final class CpSatPlanner implements Planner {

    /** Nutrient amounts and bounds are multiplied by this before rounding (3 decimals kept). */
    public static final int NUTRIENT_SCALE = 1000;
    /** Serving mass (g, mL as g) is multiplied by this and rounded, for the {@code mass} objective. */
    public static final int MASS_SCALE = 100;
    /** Prices are multiplied by this and rounded, for the {@code cost} objective. */
    public static final int COST_SCALE = 10_000;

    /** A fixed seed: the same request gets the same search (up to the time limit). */
    private static final int RANDOM_SEED = 1;
    private static final BigDecimal SCALE = BigDecimal.valueOf(NUTRIENT_SCALE);

    static {
        Loader.loadNativeLibraries();
    }

    /** Relative overshoot is scaled by this (parts per million of each minimum) for the last tie-break. */
    private static final double OVERSHOOT_SCALE = 1e6;

    private final int workers;
    private final String extraParameters;
    private final boolean tieBreaks;

    /** One worker, CP-SAT's defaults otherwise: a fair single-threaded comparison with Choco. */
    public CpSatPlanner() {
        this(1, "");
    }

    /** @param workers CP-SAT's {@code num_workers}; 0 lets CP-SAT pick (as many as it sees cores) */
    public CpSatPlanner(int workers) {
        this(workers, "");
    }

    /**
     * @param workers         CP-SAT's {@code num_workers}; 0 lets CP-SAT pick (as many as it sees cores)
     * @param extraParameters more {@code SatParameters} in protobuf text format, applied last, e.g.
     *                        {@code "log_search_progress: true cp_model_probing_level: 0"}; empty for none
     */
    public CpSatPlanner(int workers, String extraParameters) {
        this(workers, extraParameters, false);
    }

    private CpSatPlanner(int workers, String extraParameters, boolean tieBreaks) {
        if (workers < 0) {
            throw new IllegalArgumentException("workers (" + workers + ") must be 0 (CP-SAT picks) or positive.");
        }
        this.workers = workers;
        this.extraParameters = Objects.requireNonNull(extraParameters, "extraParameters");
        this.tieBreaks = tieBreaks;
        mergeExtraParameters(SatParameters.newBuilder()); // fail fast on a typo, not at the first solve
    }

    /**
     * The same planner solving API.md's whole order: the objective, then fewer products, then less relative
     * overshoot of the minimums, in three solves sharing the time limit; {@code OPTIMAL} only when all three are
     * proven, {@code FEASIBLE} (with the proven objective as bound) otherwise.
     */
    public static CpSatPlanner withTieBreaks(int workers) {
        return new CpSatPlanner(workers, "", true);
    }

    public int workers() {
        return workers;
    }

    /** "cp-sat, 1 worker" and any extra parameters: for reports. */
    public String describe() {
        return "cp-sat " + OrToolsVersion.getVersionString() + ", " + (workers == 0 ? "workers: CP-SAT's choice" : workers
                + (workers == 1 ? " worker" : " workers")) + (extraParameters.isBlank() ? "" : ", " + extraParameters);
    }

    /** True when every amount and bound of the request scales to an integer exactly (at most 3 decimals). */
    public static boolean isExact(PlanRequest request) {
        for (var target : request.targets()) {
            if (!exact(target.min()) || (target.hasMax() && !exact(target.max()))) {
                return false;
            }
            for (var product : request.allowedProducts()) {
                if (!exact(product.amount(target.nutrient()))) {
                    return false;
                }
            }
        }
        if (request.concentration() != null) {
            for (var product : request.allowedProducts()) {
                if (!exact(product.amount(Nutrient.CARBOHYDRATE))
                        || allowance(request, product).stripTrailingZeros().scale() > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public PlanResult plan(PlanRequest request) {
        long start = System.nanoTime();
        var objective = request.objective();
        List<Product> products = request.allowedProducts().stream()
                .filter(product -> objective != Objective.COST || product.price() != null)
                .filter(product -> !UnknownValues.isLeftOut(request, product)) // as the engines' candidates
                .toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < products.size(); i++) {
            index.put(products.get(i).id(), i);
        }
        for (var id : request.required()) {
            if (!index.containsKey(id)) {
                // A required product that is not allowed (or has no price under "cost"): no plan exists.
                return result(request, PlanStatus.INFEASIBLE, null, Double.NaN, start);
            }
        }

        int n = products.size();
        var targets = request.targets();
        long[][] minCoefficients = new long[targets.size()][n];
        long[][] maxCoefficients = new long[targets.size()][n];
        long[] minRhs = new long[targets.size()];
        long[] maxRhs = new long[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            minRhs[t] = target.hasMin() ? scaleUp(target.min()) : 0;
            maxRhs[t] = target.hasMax() ? scaleDown(target.max()) : Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                double amount = products.get(i).amount(target.nutrient());
                minCoefficients[t][i] = scaleDown(amount);
                maxCoefficients[t][i] = scaleUp(amount);
            }
        }

        long[] concentration = null;
        if (request.concentration() != null) {
            concentration = new long[n];
            for (int i = 0; i < n; i++) {
                concentration[i] = decimal(products.get(i).amount(Nutrient.CARBOHYDRATE))
                        .subtract(allowance(request, products.get(i))).setScale(0, RoundingMode.CEILING).longValueExact();
            }
        }
        long[] caps = new long[n];
        for (int i = 0; i < n; i++) {
            caps[i] = cap(request, products.get(i), i, minCoefficients, maxCoefficients, minRhs, maxRhs,
                    concentration != null && concentration[i] < 0);
        }

        var model = new CpModel();
        IntVar[] servings = new IntVar[n];
        for (int i = 0; i < n; i++) {
            long lower = request.required().contains(products.get(i).id()) ? 1 : 0;
            if (caps[i] < lower) {
                return result(request, PlanStatus.INFEASIBLE, null, Double.NaN, start);
            }
            servings[i] = model.newIntVar(lower, caps[i], "x_" + i);
        }
        for (int t = 0; t < targets.size(); t++) {
            if (targets.get(t).hasMin()) {
                model.addGreaterOrEqual(LinearExpr.weightedSum(servings, minCoefficients[t]), minRhs[t]);
            }
            if (targets.get(t).hasMax()) {
                model.addLessOrEqual(LinearExpr.weightedSum(servings, maxCoefficients[t]), maxRhs[t]);
            }
        }
        if (concentration != null) {
            model.addLessOrEqual(LinearExpr.weightedSum(servings, concentration), 0);
        }
        var limits = request.limits();
        if (limits.maxServings() != Limits.NONE) {
            model.addLessOrEqual(LinearExpr.sum(servings), limits.maxServings());
        }
        BoolVar[] used = null;
        if (tieBreaks || objective == Objective.PRODUCTS || limits.maxProducts() != Limits.NONE) {
            used = new BoolVar[n];
            for (int i = 0; i < n; i++) {
                used[i] = model.newBoolVar("used_" + i);
                // x >= 1 => used, as x <= cap·used. The converse (x >= used) is left out: a used product
                // without servings only costs objective or maxProducts budget, so no optimum has one, and
                // without it CP-SAT's presolve ran faster on 1000-5000 products.
                model.addLessOrEqual(servings[i], LinearExpr.term(used[i], Math.max(caps[i], 1)));
            }
            if (limits.maxProducts() != Limits.NONE) {
                model.addLessOrEqual(LinearExpr.sum(used), limits.maxProducts());
            }
        }
        double objectiveScale = switch (objective) {
            case SERVINGS, PRODUCTS -> 1;
            case MASS -> MASS_SCALE;
            case COST -> COST_SCALE;
        };
        LinearExpr goal = switch (objective) {
            case SERVINGS -> LinearExpr.sum(servings);
            case PRODUCTS -> LinearExpr.sum(used);
            case MASS -> LinearExpr.weightedSum(servings,
                    products.stream().mapToLong(p -> Math.round(p.serving().value() * MASS_SCALE)).toArray());
            case COST -> LinearExpr.weightedSum(servings,
                    products.stream().mapToLong(p -> Math.round(p.price().amount() * COST_SCALE)).toArray());
        };
        model.minimize(goal);

        var solver = new CpSolver();
        var parameters = solver.getParameters();
        parameters.setNumWorkers(workers);
        parameters.setRandomSeed(RANDOM_SEED);
        mergeExtraParameters(parameters);
        CpSolverStatus status = solveWithin(solver, model, request, start);
        switch (status) {
            case OPTIMAL, FEASIBLE -> { }
            case INFEASIBLE -> {
                return result(request, PlanStatus.INFEASIBLE, null, Double.NaN, start);
            }
            case UNKNOWN -> {
                return result(request, PlanStatus.UNKNOWN, null, Double.NaN, start);
            }
            default -> throw new IllegalStateException("CP-SAT answered " + status + " for the model of "
                    + n + " products: " + solver.getSolutionInfo());
        }
        var values = new long[n];
        read(solver, servings, values);
        double bound = solver.bestObjectiveBound() / objectiveScale;
        boolean proven = status == CpSolverStatus.OPTIMAL;
        if (tieBreaks && proven) {
            var levels = List.of(LinearExpr.sum(used),
                    LinearExpr.weightedSum(servings, overshootPpm(request, products)));
            proven = breakTies(model, solver, servings, goal, levels, values, request, start);
        }
        var items = new ArrayList<PlanItem>();
        for (int i = 0; i < n; i++) {
            if (values[i] > 0) {
                items.add(new PlanItem(products.get(i), Math.toIntExact(values[i])));
            }
        }
        var plan = new Plan(items);
        var violations = plan.violations(request);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("CP-SAT returned a plan that breaks the request: " + violations
                    + "\nMaybe the scaling in CpSatPlanner is not sound for this request.");
        }
        return result(request, proven ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE, plan, bound, start);
    }

    /**
     * Each tie-break level in turn, minimised with the level before it held at its optimum and the last plan as a
     * hint; {@code values} gets the last plan found. True when every level is proven optimal.
     */
    private static boolean breakTies(CpModel model, CpSolver solver, IntVar[] servings, LinearExpr goal,
                                     List<LinearExpr> levels, long[] values, PlanRequest request, long start) {
        LinearExpr held = goal;
        for (var level : levels) {
            model.addLessOrEqual(held, Math.round(solver.objectiveValue()));
            model.clearHints();
            for (int i = 0; i < servings.length; i++) {
                model.addHint(servings[i], values[i]);
            }
            model.minimize(level);
            var status = solveWithin(solver, model, request, start);
            if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
                read(solver, servings, values);
            }
            if (status != CpSolverStatus.OPTIMAL) {
                return false;
            }
            held = level;
        }
        return true;
    }

    /** One solve with what is left of the request's time limit. */
    private static CpSolverStatus solveWithin(CpSolver solver, CpModel model, PlanRequest request, long start) {
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.001, (request.timeLimitMs() - elapsedMs) / 1000.0));
        return solver.solve(model);
    }

    private static void read(CpSolver solver, IntVar[] servings, long[] values) {
        for (int i = 0; i < servings.length; i++) {
            values[i] = solver.value(servings[i]);
        }
    }

    /** Per serving of each product, Σ over targets with a min of amount / min, in parts per million. */
    private static long[] overshootPpm(PlanRequest request, List<Product> products) {
        var weights = new long[products.size()];
        for (int i = 0; i < weights.length; i++) {
            double weight = 0;
            for (var target : request.targets()) {
                if (target.hasMin()) {
                    weight += products.get(i).amount(target.nutrient()) / target.min();
                }
            }
            weights[i] = Math.round(weight * OVERSHOOT_SCALE);
        }
        return weights;
    }

    /**
     * The most servings of product {@code i} worth considering. The first three caps are the request's.
     * The last two are sound for every objective: a max row allows at most {@code floor(max / a)} servings;
     * and more servings than it takes for this product alone to meet every min it contributes to can be
     * dropped one at a time without breaking a min it contributes to (the others it does not touch), while
     * max rows and every objective only improve. A product that contributes to no min is then never needed
     * (cap 0), unless required (cap 1). Not the last for a product more dilute than a concentration limit
     * ({@code dilutes}): dropping a serving of it can break that row.
     */
    private static long cap(PlanRequest request, Product product, int i, long[][] minCoefficients,
                            long[][] maxCoefficients, long[] minRhs, long[] maxRhs, boolean dilutes) {
        var limits = request.limits();
        long cap = Math.min(limits.maxServingsPerProduct(), limits.maxServings());
        if (product.maxServings() != null) {
            cap = Math.min(cap, product.maxServings());
        }
        long cover = request.required().contains(product.id()) ? 1 : 0;
        for (int t = 0; t < minRhs.length; t++) {
            if (maxRhs[t] != Long.MAX_VALUE && maxCoefficients[t][i] > 0) {
                cap = Math.min(cap, maxRhs[t] / maxCoefficients[t][i]);
            }
            if (minRhs[t] > 0 && minCoefficients[t][i] > 0) {
                cover = Math.max(cover, ceilDiv(minRhs[t], minCoefficients[t][i]));
            }
        }
        // A dilute product keeps the engines' own cap on an uncapped product (PlanningLimits): the same question.
        return dilutes ? Math.min(cap, PlanningLimits.UNCAPPED_SERVINGS) : Math.min(cap, cover);
    }

    /** What a serving's fluid allows at the concentration limit, in 0.001 g: limit (g/L) × fluid (mL), in decimal. */
    private static BigDecimal allowance(PlanRequest request, Product product) {
        return new BigDecimal(Double.toString(request.concentration().maxGramsPerLitre()))
                .multiply(new BigDecimal(Double.toString(product.amount(Nutrient.FLUID))));
    }

    private void mergeExtraParameters(SatParameters.Builder parameters) {
        try {
            TextFormat.merge(extraParameters, parameters);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException("extraParameters (" + extraParameters + ") are not SatParameters in"
                    + " protobuf text format: " + e.getMessage()
                    + "\nMaybe write them as \"name: value name: value\", e.g. \"cp_model_probing_level: 0\".", e);
        }
    }

    private PlanResult result(PlanRequest request, PlanStatus status, Plan plan, double bound, long start) {
        double value = plan == null ? Double.NaN : plan.value(request.objective());
        long timeMs = (System.nanoTime() - start) / 1_000_000;
        return new PlanResult(status, "cp-sat", request.objective(), value,
                status == PlanStatus.OPTIMAL ? value : bound, plan, List.of(), List.of(), timeMs, null);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** ceil(v · s), computed in decimal. */
    private static long scaleUp(double v) {
        return decimal(v).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** floor(v · s), computed in decimal. */
    private static long scaleDown(double v) {
        return decimal(v).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static boolean exact(double v) {
        return decimal(v).stripTrailingZeros().scale() <= 0;
    }

    private static BigDecimal decimal(double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("an amount or bound must be finite and non-negative, got " + v);
        }
        return new BigDecimal(Double.toString(v)).multiply(SCALE);
    }
}

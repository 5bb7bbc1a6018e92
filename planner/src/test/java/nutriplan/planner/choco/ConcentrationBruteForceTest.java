package nutriplan.planner.choco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Preparation;
import nutriplan.catalog.product.Price;
import nutriplan.catalog.product.Product;
import nutriplan.planner.auto.AutoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.SolverChoice;
import nutriplan.planner.request.Target;
import nutriplan.planner.request.UnknownUnderMax;
import nutriplan.planner.timefold.TimefoldPlanner;

/**
 * The concentration limit (Σ carbohydrate ≤ limit × Σ fluid) against enumeration of every servings vector, on small
 * random catalogs of gels without fluid, drinks on both sides of the limit, water and powders mixed into water, some
 * of whose carbohydrate is not known. {@link BruteForce} decides the row in exact integers (amounts in tenths, fluid in
 * whole tens of mL, the limit in tenths of a g/L, so the engines' integer row is the real one exactly).
 *
 * <p>Per instance: Choco passes every check of {@link BruteForcePropertyTest} (verdict, optimum, tie-breaks,
 * alternatives, plans meeting the row by the exact check and by {@code Plan.violations}, and for an infeasible request
 * a complete explanation's conflict and each relaxation, the concentration's least limit included); {@code auto} gives
 * the same verdict and value; Timefold, wherever it finds a plan, finds one of a feasible request that keeps the row,
 * and never says INFEASIBLE of a feasible one. The instances must include feasible ones, ones where the row changes
 * the optimum, and ones it alone makes infeasible.
 */
public class ConcentrationBruteForceTest {

    private static final int INSTANCES = Integer.getInteger("nutriplan.concentration.instances", 400);
    private static final int TIMEFOLD_EVERY = 3;
    private static final long SEED_BASE = 27_000_000;
    private static final ChocoPlanner CHOCO = new ChocoPlanner();
    private static final TimefoldPlanner TIMEFOLD = new TimefoldPlanner();
    private static final AutoPlanner AUTO = new AutoPlanner(CHOCO, TIMEFOLD, AutoPlanner.Rule.MEASURED);

    @Test
    void every_engine_keeps_the_concentration_and_choco_and_auto_agree_with_brute_force() {
        var problems = new ArrayList<String>();
        int feasible = 0;
        int tight = 0;
        int infeasibleByTheRow = 0;
        int explained = 0;
        int timefoldRuns = 0;
        int timefoldPlans = 0;
        for (int k = 0; k < INSTANCES; k++) {
            long seed = SEED_BASE + k;
            var request = instance(seed);
            var solution = BruteForce.solve(request);
            var withoutRow = BruteForce.solve(Explainer.withConcentrationOutOfReach(request));
            feasible += solution.isFeasible() ? 1 : 0;
            if (solution.isFeasible() && solution.best().value() > withoutRow.best().value()) {
                tight++;
            }
            if (!solution.isFeasible() && withoutRow.isFeasible()) {
                infeasibleByTheRow++;
            }

            var choco = CHOCO.plan(request);
            var found = new ArrayList<>(BruteForcePropertyTest.check(request, solution, choco));
            found.addAll(BruteForcePropertyTest.crossCheckViolations(solution));
            if (choco.status() == PlanStatus.INFEASIBLE && choco.infeasibility() != null
                    && choco.infeasibility().conflict().stream()
                    .anyMatch(member -> member.field().equals("concentration.max"))) {
                explained++;
            }
            var auto = AUTO.plan(request);
            if (auto.status() != choco.status() || auto.hasPlan() && !same(auto.value(), choco.value())) {
                found.add("[auto] " + describe(auto) + ", choco " + describe(choco));
            }
            if (k % TIMEFOLD_EVERY == 0) {
                timefoldRuns++;
                var options = solution.isFeasible()
                        ? TimefoldPlanner.Options.NONE.withStopAt(solution.bestValue()) : TimefoldPlanner.Options.NONE;
                var timefold = TIMEFOLD.plan(request.withTimeLimitMs(300), options);
                if (timefold.hasPlan()) {
                    timefoldPlans++;
                    if (!solution.isFeasible()) {
                        found.add("[timefold] a plan " + BruteForcePropertyTest.describe(timefold.plan())
                                + " where brute force finds none");
                    } else {
                        BruteForce.violations(request, timefold.plan())
                                .forEach(violation -> found.add("[timefold] its plan breaks " + violation));
                    }
                } else if (solution.isFeasible() && timefold.status() == PlanStatus.INFEASIBLE) {
                    found.add("[timefold] INFEASIBLE where brute force finds " + solution.describe(solution.best().servings()));
                }
            }
            if (!found.isEmpty()) {
                problems.add("seed " + seed + ": " + String.join("; ", found) + "\n"
                        + BruteForcePropertyTest.describe(request) + "  concentration " + request.concentration() + "\n");
            }
        }

        System.out.printf(Locale.ROOT, "concentration vs brute force: %d instances, %d feasible, %d where the row changes"
                        + " the optimum, %d infeasible because of it (%d explanations name it); Timefold found plans on %d"
                        + " of %d%n", INSTANCES, feasible, tight, infeasibleByTheRow, explained, timefoldPlans, timefoldRuns);
        assertThat(problems).as(problems.isEmpty() ? "" : problems.get(0)).isEmpty();
        assertThat(feasible).as("feasible instances").isGreaterThan(INSTANCES / 4);
        assertThat(tight).as("instances whose optimum the row changes").isGreaterThan(INSTANCES / 20);
        assertThat(infeasibleByTheRow).as("instances the row alone makes infeasible").isGreaterThan(INSTANCES / 20);
        assertThat(explained).as("explanations that name the row").isPositive();
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
    }

    private static String describe(PlanResult result) {
        return result.solver() + " " + result.status() + " " + result.value()
                + (result.hasPlan() ? " " + BruteForcePropertyTest.describe(result.plan()) : "");
    }

    /**
     * A small request with a concentration limit: 2–5 products of four shapes, caps of 1–4 servings, a carbohydrate
     * minimum and often a fluid and a sodium bound, placed around a reference plan's totals half the time, and a limit
     * placed around that plan's concentration (or anywhere in 30–130 g/L).
     */
    public static PlanRequest instance(long seed) {
        var random = new Random(seed);
        var objective = Objective.values()[(int) (seed % Objective.values().length)];
        int count = 2 + random.nextInt(4);
        int cap = 1 + random.nextInt(4);
        var products = new ArrayList<Product>();
        for (int i = 0; i < count; i++) {
            products.add(product(random, i, objective));
        }
        var reference = new int[count];
        for (int i = 0; i < count; i++) {
            reference[i] = random.nextInt(cap + 1);
        }
        double carbohydrate = 0;
        double fluid = 0;
        double sodium = 0;
        for (int i = 0; i < count; i++) {
            carbohydrate += reference[i] * products.get(i).amount(Nutrient.CARBOHYDRATE);
            fluid += reference[i] * products.get(i).amount(Nutrient.FLUID);
            sodium += reference[i] * products.get(i).amount(Nutrient.SODIUM);
        }
        boolean anchored = random.nextBoolean();
        var targets = new ArrayList<Target>();
        targets.add(Target.atLeast(Nutrient.CARBOHYDRATE, anchored && carbohydrate > 0
                ? tenths(carbohydrate * (0.6 + 0.4 * random.nextDouble())) : 10 * (2 + random.nextInt(12))));
        if (random.nextInt(100) < 60) {
            targets.add(Target.atLeast(Nutrient.FLUID, anchored && fluid > 0
                    ? 10 * Math.floor(fluid * (0.5 + 0.5 * random.nextDouble()) / 10) : 250 * (1 + random.nextInt(5))));
        }
        if (random.nextInt(100) < 40) {
            double max = anchored ? tenths(sodium * (1 + random.nextDouble())) + 50 : 100 * (2 + random.nextInt(10));
            targets.add(random.nextBoolean() ? Target.atMost(Nutrient.SODIUM, max) : Target.between(Nutrient.SODIUM, tenths(max / 4), max));
        }
        double concentration;
        if (anchored && carbohydrate > 0 && fluid > 0) {
            // At the reference plan's concentration (rounded to 0.1 g/L), or a little either side of it.
            double at = Math.ceil(carbohydrate / fluid * 10_000) / 10;
            concentration = random.nextBoolean() ? at : Math.max(1, tenths(at * (0.7 + 0.5 * random.nextDouble())));
        } else {
            concentration = random.nextBoolean() ? 30 + random.nextInt(101) : tenths(30 + 100 * random.nextDouble());
        }
        var limits = new Limits(cap, random.nextInt(100) < 25 ? 1 + random.nextInt(3) : Limits.NONE,
                random.nextInt(100) < 25 ? 2 + random.nextInt(7) : Limits.NONE);
        var required = random.nextInt(100) < 15 ? Set.of(products.get(random.nextInt(count)).id()) : Set.<String>of();
        var policy = random.nextInt(100) < 20 ? UnknownUnderMax.ALLOW : UnknownUnderMax.EXCLUDE;
        return new PlanRequest(targets, new Catalog("inline", products), Selection.ALL, required, limits, objective,
                SolverChoice.CHOCO, 2000, random.nextInt(4) == 0 ? 1 : 0, policy, new Concentration(concentration));
    }

    /** A gel (no fluid), a drink (either side of the limit), water, or a powder mixed into water. */
    private static Product product(Random random, int index, Objective objective) {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        Preparation preparation = null;
        Kind kind;
        Amount serving;
        int shape = random.nextInt(4);
        switch (shape) {
            case 0 -> {
                kind = Kind.GEL;
                serving = Amount.grams(tenths(20 + 40 * random.nextDouble()));
                nutrients.put(Nutrient.CARBOHYDRATE, tenths(10 + 30 * random.nextDouble()));
                nutrients.put(Nutrient.FLUID, random.nextInt(3) == 0 ? 10.0 * (1 + random.nextInt(5)) : 0.0);
            }
            case 1 -> {
                kind = Kind.DRINK;
                double millilitres = 10 * (25 + random.nextInt(51));
                serving = Amount.millilitres(millilitres);
                nutrients.put(Nutrient.CARBOHYDRATE, tenths(millilitres * (0.02 + 0.1 * random.nextDouble())));
                nutrients.put(Nutrient.FLUID, millilitres);
            }
            case 2 -> {
                kind = Kind.DRINK;
                double millilitres = random.nextBoolean() ? 250 : 500;
                serving = Amount.millilitres(millilitres);
                nutrients.put(Nutrient.FLUID, millilitres);
            }
            default -> {
                kind = Kind.POWDER;
                serving = Amount.grams(tenths(20 + 60 * random.nextDouble()));
                nutrients.put(Nutrient.CARBOHYDRATE, tenths(15 + 65 * random.nextDouble()));
                nutrients.put(Nutrient.FLUID, 0.0);
                preparation = Preparation.mixedInto(100.0 * (2 + random.nextInt(5)), "scoop");
            }
        }
        if (shape != 2 && random.nextInt(100) < 8) {
            nutrients.put(Nutrient.CARBOHYDRATE, null); // not known
        }
        if (random.nextBoolean()) {
            nutrients.put(Nutrient.SODIUM, 10.0 * random.nextInt(50));
        }
        var price = random.nextInt(100) < (objective == Objective.COST ? 85 : 50)
                ? new Price((10 + random.nextInt(400)) / 100.0, "USD") : null;
        return new Product("p" + index, "Product " + index, "Test", kind, serving, nutrients, List.of(), null, price,
                "test", preparation, null);
    }

    /** A value rounded to a tenth. */
    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

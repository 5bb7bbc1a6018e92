package nutriplan.planner.timefold;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nutriplan.planner.problem.IntegerRows;
import nutriplan.planner.problem.LagrangianBound;
import nutriplan.planner.problem.Problem;
import nutriplan.planner.problem.ScaledObjective;
import nutriplan.planner.problem.Scaling;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.timefold.domain.CandidateLists;
import nutriplan.planner.timefold.domain.ConcentrationRow;
import nutriplan.planner.timefold.domain.EarlierPlan;
import nutriplan.planner.timefold.domain.NutrientRow;
import nutriplan.planner.timefold.domain.PlanLimits;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;

/** Turns a {@link Problem} into Timefold's planning solution: the same integer rows and objective as Choco's model. */
final class ServingsPlans {

    /** How many candidates each list of {@link CandidateLists} keeps. */
    static final int LIST_SIZE = 256;
    /** Catalogs up to this size are searched whole; beyond, only the products on some candidate list. */
    static final int SEARCHED_WHOLE = 1500;

    private ServingsPlans() {
    }

    /**
     * The products the local search works with, as a problem of their own.
     *
     * @param problem      the candidates over the working products only
     * @param original     original[k]: the index in the whole problem of working product k
     * @param reducedCosts per working product, at the relaxation's multipliers over the whole problem
     * @param minPrices    per target, the relaxation's price of one canonical unit of its minimum
     * @param concentrationPrice the relaxation's price of one gram of carbohydrate above what the fluid allows
     */
    record Working(Problem problem, int[] original, double[] reducedCosts, double[] minPrices,
                   double concentrationPrice) {
    }

    /**
     * The whole problem when it is small; else the products on some candidate list (ranked over the whole
     * catalog), the start's and the required ones. A product on no list is, every way a plan can use it, behind
     * {@value #LIST_SIZE} others: by what the relaxation thinks of it, by how much of the minimums it covers alone,
     * and by each nutrient per unit of cost. Leaving those out makes each move and each copy of the best plan cost
     * the same on 10,000 products as on 1,500.
     */
    static Working working(Problem problem, LagrangianBound bound, int[] start) {
        int n = problem.size();
        var prices = new double[problem.targets().size()];
        for (int t = 0; t < prices.length; t++) {
            prices[t] = bound.minPrice(t);
        }
        var reduced = new double[n];
        for (int i = 0; i < n; i++) {
            reduced[i] = bound.reducedCost(i) + bound.fixedCost(i) / Math.max(1, problem.upper()[i]);
        }
        if (n <= SEARCHED_WHOLE) {
            var all = new int[n];
            java.util.Arrays.setAll(all, i -> i);
            return new Working(problem, all, reduced, prices, bound.concentrationPrice());
        }
        var keep = new boolean[n];
        var lists = candidateLists(problem, IntegerRows.of(problem), ScaledObjective.perServing(problem),
                ScaledObjective.perProduct(problem), reduced, prices, bound.concentrationPrice());
        for (int i : lists.diluting()) {
            keep[i] = true;
        }
        for (int i : lists.attractive()) {
            keep[i] = true;
        }
        for (int i : lists.broad()) {
            keep[i] = true;
        }
        for (var rich : lists.richIn()) {
            for (int i : rich) {
                keep[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            keep[i] |= (start != null && start[i] > 0) || problem.lower()[i] > 0;
        }
        int count = 0;
        for (boolean k : keep) {
            count += k ? 1 : 0;
        }
        var original = new int[count];
        var products = new ArrayList<nutriplan.catalog.product.Product>(count);
        var lower = new int[count];
        var upper = new int[count];
        var workingReduced = new double[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                original[k] = i;
                products.add(problem.products().get(i));
                lower[k] = problem.lower()[i];
                upper[k] = problem.upper()[i];
                workingReduced[k++] = reduced[i];
            }
        }
        var restricted = nutriplan.planner.problem.ProblemBuilder.of(problem.request(), products, lower, upper);
        return new Working(restricted, original, workingReduced, prices, bound.concentrationPrice());
    }

    /** Servings over the whole problem, restricted to the working products. */
    static int[] restrict(Working working, int[] servings) {
        var restricted = new int[working.original().length];
        for (int k = 0; k < restricted.length; k++) {
            restricted[k] = servings[working.original()[k]];
        }
        return restricted;
    }

    /**
     * @param servings the starting servings of every working product (each within its range)
     */
    static ServingsPlan of(Working working, int[] servings, List<Set<Integer>> earlierPlans) {
        var problem = working.problem();
        var integerRows = IntegerRows.of(problem);
        var rows = new ArrayList<NutrientRow>();
        for (int t = 0; t < problem.targets().size(); t++) {
            var target = problem.targets().get(t);
            rows.add(new NutrientRow(t, target.nutrient(), target.hasMin(), integerRows.minRight()[t], target.hasMax(),
                    integerRows.maxRight()[t], Scaling.amountScale(problem, t)));
        }
        var costs = ScaledObjective.perServing(problem);
        long fixed = ScaledObjective.perProduct(problem);
        var entities = new ArrayList<ProductServings>(problem.size());
        for (int i = 0; i < problem.size(); i++) {
            entities.add(new ProductServings(i, problem.products().get(i), problem.lower()[i], problem.upper()[i],
                    column(integerRows.minCoefficients(), i), column(integerRows.maxCoefficients(), i),
                    integerRows.hasConcentration() ? integerRows.concentration()[i] : 0, costs[i], fixed, servings[i]));
        }
        var concentration = integerRows.hasConcentration()
                ? List.of(new ConcentrationRow(problem.request().concentration().maxGramsPerLitre(),
                        reference(problem, integerRows.concentrationScale()), integerRows.concentrationScale()))
                : List.<ConcentrationRow>of();
        var earlier = new ArrayList<EarlierPlan>();
        for (int k = 0; k < earlierPlans.size(); k++) {
            earlier.add(new EarlierPlan(k, earlierPlans.get(k)));
        }
        var limits = new PlanLimits(problem.maxServings(), problem.maxProducts());
        return new ServingsPlan(rows, concentration, limits, earlier, entities, candidateLists(problem, integerRows,
                costs, fixed, working.reducedCosts(), working.minPrices(), working.concentrationPrice()));
    }

    /**
     * What an excess over the concentration limit is measured against, in the row's units: the carbohydrate minimum,
     * else what the fluid minimum allows, else 1 g — the scale of the carbohydrate a plan is about.
     */
    private static long reference(Problem problem, double scale) {
        double carbohydrateMin = 0;
        double fluidMin = 0;
        for (var target : problem.targets()) {
            if (target.nutrient() == Nutrient.CARBOHYDRATE) {
                carbohydrateMin = Math.max(carbohydrateMin, target.min());
            } else if (target.nutrient() == Nutrient.FLUID) {
                fluidMin = Math.max(fluidMin, target.min());
            }
        }
        double grams = carbohydrateMin > 0 ? carbohydrateMin
                : fluidMin > 0 ? fluidMin * problem.request().concentration().gramsPerMillilitre() : 1;
        return Math.max(1, (long) Math.ceil(grams * scale));
    }

    private static long[] column(int[][] coefficients, int i) {
        var column = new long[coefficients.length];
        for (int t = 0; t < coefficients.length; t++) {
            column[t] = coefficients[t] == null ? 0 : coefficients[t][i];
        }
        return column;
    }

    private static CandidateLists candidateLists(Problem problem, IntegerRows rows, long[] costs, long fixed,
                                                 double[] reducedCosts, double[] minPrices,
                                                 double concentrationPrice) {
        int n = problem.size();
        var negatedReducedCost = new double[n];
        for (int i = 0; i < n; i++) {
            negatedReducedCost[i] = -reducedCosts[i]; // lowest first: the top-k of the negation
        }
        var richIn = new int[rows.targets()][];
        for (int t = 0; t < rows.targets(); t++) {
            if (rows.minCoefficients()[t] == null) {
                richIn[t] = new int[0];
                continue;
            }
            var perCost = new double[n];
            for (int i = 0; i < n; i++) {
                perCost[i] = rows.minCoefficients()[t][i] / (double) Math.max(costs[i] + fixed, 1);
            }
            richIn[t] = TopK.largest(perCost, LIST_SIZE, true);
        }
        // Share of every minimum covered at the cap; among equals, fewer servings to get there first.
        var coverage = new double[n];
        var needed = new double[n];
        for (int t = 0; t < rows.targets(); t++) {
            if (rows.minCoefficients()[t] != null && rows.minRight()[t] > 0) {
                for (int i = 0; i < n; i++) {
                    double amount = rows.minCoefficients()[t][i];
                    coverage[i] += Math.min(1, amount * problem.upper()[i] / rows.minRight()[t]);
                    needed[i] = Math.max(needed[i], amount > 0 ? Math.min(problem.upper()[i],
                            Math.ceil(rows.minRight()[t] / amount)) : problem.upper()[i]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            coverage[i] = coverage[i] > 0 ? coverage[i] * 1e5 - needed[i] : 0;
        }
        var prices = new double[rows.targets()];
        double objectiveScale = Scaling.objectiveScale(problem);
        for (int t = 0; t < prices.length; t++) {
            prices[t] = minPrices[t] * objectiveScale / Scaling.amountScale(problem, t);
        }
        var diluting = new int[0];
        double rowPrice = 0;
        if (rows.hasConcentration()) {
            var perCost = new double[n];
            for (int i = 0; i < n; i++) {
                perCost[i] = -rows.concentration()[i] / (double) Math.max(costs[i] + fixed, 1);
            }
            diluting = TopK.largest(perCost, LIST_SIZE, true);
            rowPrice = concentrationPrice * objectiveScale / rows.concentrationScale();
        }
        return new CandidateLists(TopK.largest(negatedReducedCost, LIST_SIZE, false), TopK.largest(coverage, LIST_SIZE, true),
                richIn, prices, diluting, rowPrice);
    }
}

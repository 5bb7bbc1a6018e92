package nutriplan.planner.choco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import nutriplan.catalog.product.Product;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.choco.ChocoModel.Extra;
import nutriplan.planner.choco.ChocoModel.Goal;
import nutriplan.planner.plan.Infeasibility;
import nutriplan.planner.plan.NutrientReach;
import nutriplan.planner.plan.Relaxation;
import nutriplan.planner.problem.Greedy;
import nutriplan.planner.problem.IntegerProgram;
import nutriplan.planner.problem.IntegerRows;
import nutriplan.planner.problem.LinearRelaxation;
import nutriplan.planner.problem.Problem;
import nutriplan.planner.problem.ProblemBuilder;
import nutriplan.planner.problem.Scaling;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;

/**
 * Why a request has no plan, in terms a dietitian can act on, computed from the model:
 * <ol>
 * <li>per targeted nutrient, what is required and the most (or least) the allowed products reach under
 * the limits on their own, and which limit keeps it out of reach;</li>
 * <li>a smallest set of targets and limits that cannot hold together, found by a deletion filter (drop
 * each clause in turn; keep it dropped if the rest is still infeasible): what remains is irreducible;</li>
 * <li>for each member, the relaxation that alone makes the request feasible, by optimising the member's
 * quantity with the member removed ("raise sodium max to 1150 mg").</li>
 * </ol>
 * Every solve gets a share of the time budget; when it runs out the answer says it is not complete.
 */
final class Explainer {

    /** The least time an explanation gets, even when the proof of infeasibility used the whole limit. */
    private static final long MIN_BUDGET_MS = 200;
    /**
     * The most nodes one exact check's search may visit. A budget of work, not of time, so that the same request gets
     * the same explanation on a cold JVM and a warm one; the time limit stays a safety net for an overloaded machine.
     */
    static final long CHECK_NODES = 20_000;

    private Explainer() {
    }

    /** Required ids that cannot appear: unknown, not allowed, or not eligible. */
    static List<String> missingRequired(PlanRequest request, Problem problem) {
        return request.required().stream()
                .filter(id -> problem.products().stream().noneMatch(product -> product.id().equals(id)))
                .sorted()
                .toList();
    }

    static Infeasibility explain(PlanRequest request, Problem problem, long budgetMs) {
        long deadline = System.nanoTime() + Math.max(budgetMs, MIN_BUDGET_MS) * 1_000_000;
        var reaches = reaches(request, problem);
        var search = new ConflictSearch(request, deadline);
        var conflict = search.smallestConflict();
        var relaxations = conflict.stream().map(search::relaxation).toList();
        return new Infeasibility(summary(request, conflict), reaches, relaxations, search.complete);
    }

    private static String summary(PlanRequest request, List<Clause> conflict) {
        if (conflict.isEmpty()) {
            return "no plan meets every target within the limits";
        }
        return "no plan meets every target within the limits: " + conflict.stream()
                .map(clause -> clause.describe(request)).collect(Collectors.joining(", ")) + (conflict.size() == 1
                ? " cannot be met" : " cannot hold together");
    }

    // ---- per nutrient -------------------------------------------------------------------------------------

    private static List<NutrientReach> reaches(PlanRequest request, Problem problem) {
        var reaches = new ArrayList<NutrientReach>();
        var targets = request.targets();
        for (int t = 0; t < targets.size(); t++) {
            var target = targets.get(t);
            if (target.hasMin()) {
                double reachable = mostReachable(target.nutrient(), problem.products(), problem.upper(), request.limits());
                String binding = reachable < target.min() ? bindingForMin(request, target.nutrient(), target.min()) : null;
                reaches.add(new NutrientReach(target.nutrient(), "min", target.min(), reachable, binding));
            }
            if (target.hasMax()) {
                double least = leastReachable(request, target.nutrient());
                String binding = least > target.max() ? "the required products: " + String.join(", ", request.required().stream().sorted().toList()) : null;
                reaches.add(new NutrientReach(target.nutrient(), "max", target.max(), least, binding));
            }
        }
        return reaches;
    }

    /** The most of a nutrient: the richest products first, each up to its cap, within maxProducts and maxServings. */
    static double mostReachable(Nutrient nutrient, List<Product> products, int[] caps, Limits limits) {
        var order = new ArrayList<Integer>();
        for (int i = 0; i < products.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -products.get(i).amount(nutrient)));
        double total = 0;
        long servingsLeft = limits.maxServings();
        int productsLeft = limits.maxProducts();
        for (int i : order) {
            double amount = products.get(i).amount(nutrient);
            if (amount <= 0 || productsLeft == 0 || servingsLeft == 0) {
                break;
            }
            long servings = Math.min(caps[i], servingsLeft);
            total += amount * servings;
            servingsLeft -= servings;
            productsLeft--;
        }
        return total;
    }

    private static double leastReachable(PlanRequest request, Nutrient nutrient) {
        return request.catalog().products().stream().filter(p -> request.required().contains(p.id()))
                .mapToDouble(p -> p.amount(nutrient)).sum();
    }

    /** Which restriction keeps a minimum out of reach, trying them from the catalog down to the request. */
    private static String bindingForMin(PlanRequest request, Nutrient nutrient, double min) {
        var everything = request.withSelection(Selection.ALL).withLimits(Limits.UNLIMITED).withTargets(List.of());
        if (reach(everything, nutrient) < min) {
            return null; // the products themselves cannot, whatever the request allows.
        }
        var allowed = everything.withSelection(request.selection());
        if (reach(allowed, nutrient) < min) {
            return describeSelection(request.selection());
        }
        var limits = request.limits();
        var candidates = List.of(
                new Limits(limits.maxServingsPerProduct(), Limits.NONE, Limits.NONE),
                new Limits(Limits.NONE, Limits.NONE, limits.maxServings()),
                new Limits(Limits.NONE, limits.maxProducts(), Limits.NONE));
        var names = List.of("maxServingsPerProduct " + limits.maxServingsPerProduct(),
                "maxServings " + limits.maxServings(), "maxProducts " + limits.maxProducts());
        var binding = new ArrayList<String>();
        for (int k = 0; k < candidates.size(); k++) {
            if (reach(allowed.withLimits(candidates.get(k)), nutrient) < min) {
                binding.add(names.get(k));
            }
        }
        if (!binding.isEmpty()) {
            return String.join(", ", binding);
        }
        if (reach(allowed.withLimits(limits), nutrient) < min) {
            return "the limits together (" + String.join(", ", names) + ")";
        }
        return "the max targets on other nutrients, which cap the servings of the richest products";
    }

    private static double reach(PlanRequest request, Nutrient nutrient) {
        var problem = ProblemBuilder.build(request);
        return mostReachable(nutrient, problem.products(), problem.upper(), request.limits());
    }

    private static String describeSelection(Selection selection) {
        var parts = new ArrayList<String>();
        if (!selection.includeProducts().isEmpty() || !selection.includeTags().isEmpty()) {
            parts.add("the include list");
        }
        selection.excludeTags().stream().sorted().forEach(tag -> parts.add("the exclusion of tag " + tag));
        selection.excludeProducts().stream().sorted().forEach(id -> parts.add("the exclusion of " + id));
        return String.join(", ", parts);
    }

    // ---- smallest conflict and relaxations ----------------------------------------------------------------

    private static final class ConflictSearch {
        private final PlanRequest request;
        private final long deadlineNanos;
        private boolean complete = true;

        ConflictSearch(PlanRequest request, long deadlineNanos) {
            this.request = request;
            this.deadlineNanos = deadlineNanos;
        }

        /** Deletion filter: what remains is infeasible, and dropping any one member makes it feasible (if complete). */
        List<Clause> smallestConflict() {
            var clauses = Clause.of(request);
            var active = new LinkedHashSet<>(clauses);
            for (int k = 0; k < clauses.size(); k++) {
                var clause = clauses.get(k);
                active.remove(clause);
                var feasible = feasible(Clause.keepOnly(request, active));
                if (feasible == null) {
                    complete = false;
                }
                if (!Boolean.FALSE.equals(feasible)) {
                    active.add(clause); // needed for the conflict (or unknown: keep it, to stay conflicting)
                }
            }
            // Keep the request's own order: targets as listed, then limits.
            return clauses.stream().filter(active::contains)
                    .sorted(Comparator.comparingInt((Clause clause) -> clause.kind().ordinal() >= Clause.Kind.MAX.ordinal() ? 0 : 1)
                            .thenComparingInt(Clause::index))
                    .toList();
        }

        /** The change to this clause alone, with everything else of the request in force, that allows a plan. */
        Relaxation relaxation(Clause clause) {
            var without = new LinkedHashSet<>(Clause.of(request));
            without.remove(clause);
            var relaxed = Clause.keepOnly(request, without);
            var field = clause.field(request);
            var constraint = clause.describe(request);
            var problem = ProblemBuilder.build(relaxed);
            if (!Explainer.missingRequired(relaxed, problem).isEmpty()) {
                return new Relaxation(field, constraint, null, null);
            }
            return switch (clause.kind()) {
                case MIN -> optimum(problem, amounts(problem, clause.index(), false), 0, true)
                        .map(best -> roundDown(best / Scaling.amountScale(problem, clause.index())))
                        .map(best -> new Relaxation(field, constraint, "lower " + clause.nutrient(request) + " min to "
                                + clause.amount(request, best), best))
                        .orElse(notAlone(field, constraint));
                case MAX -> optimum(problem, amounts(problem, clause.index(), true), 0, false)
                        .map(least -> roundUp(least / Scaling.amountScale(problem, clause.index())))
                        .map(least -> new Relaxation(field, constraint, "raise " + clause.nutrient(request) + " max to "
                                + clause.amount(request, least), least))
                        .orElse(notAlone(field, constraint));
                case MAX_PRODUCTS -> optimum(problem, new long[problem.size()], 1, false)
                        .map(fewest -> relaxLimit(field, constraint, "product", fewest - request.limits().maxProducts(), fewest))
                        .orElse(notAlone(field, constraint));
                case MAX_SERVINGS -> optimum(problem, ones(problem.size()), 0, false)
                        .map(fewest -> relaxLimit(field, constraint, "serving", fewest - request.limits().maxServings(), fewest))
                        .orElse(notAlone(field, constraint));
                case MAX_SERVINGS_PER_PRODUCT -> smallestPerProductCap()
                        .map(cap -> new Relaxation(field, constraint, "raise maxServingsPerProduct to " + cap, (double) cap))
                        .orElse(notAlone(field, constraint));
                case REQUIRE -> feasibleOrNot(relaxed, field, constraint, "drop the requirement of " + clause.name());
                case EXCLUDE_TAG -> feasibleOrNot(relaxed, field, constraint, "allow products tagged " + clause.name());
                case EXCLUDE_PRODUCT -> feasibleOrNot(relaxed, field, constraint, "allow " + clause.name());
                case INCLUDE -> feasibleOrNot(relaxed, field, constraint, "allow products beyond the include list");
            };
        }

        private Relaxation relaxLimit(String field, String constraint, String unit, long more, long value) {
            return new Relaxation(field, constraint, "allow " + more + " more " + unit + (more == 1 ? "" : "s")
                    + (unit.equals("serving") ? " in total" : ""), (double) value);
        }

        private Relaxation feasibleOrNot(PlanRequest relaxed, String field, String constraint, String suggestion) {
            var feasible = feasible(relaxed);
            return Boolean.TRUE.equals(feasible) ? new Relaxation(field, constraint, suggestion, null) : notAlone(field, constraint);
        }

        private Relaxation notAlone(String field, String constraint) {
            return new Relaxation(field, constraint, null, null);
        }

        /** The smallest maxServingsPerProduct that allows a plan, by doubling then halving. */
        private java.util.Optional<Integer> smallestPerProductCap() {
            int low = request.limits().maxServingsPerProduct();
            int high = low;
            Boolean feasible;
            do {
                high = (int) Math.min((long) high * 2, nutriplan.planner.problem.PlanningLimits.UNCAPPED_SERVINGS);
                feasible = feasible(request.withLimits(request.limits().withMaxServingsPerProduct(high)));
            } while (Boolean.FALSE.equals(feasible) && high < nutriplan.planner.problem.PlanningLimits.UNCAPPED_SERVINGS);
            if (!Boolean.TRUE.equals(feasible)) {
                return java.util.Optional.empty();
            }
            while (high - low > 1) {
                int middle = (low + high) >>> 1;
                if (Boolean.TRUE.equals(feasible(request.withLimits(request.limits().withMaxServingsPerProduct(middle))))) {
                    high = middle;
                } else {
                    low = middle;
                }
            }
            return java.util.Optional.of(high);
        }

        private java.util.Optional<Long> optimum(Problem problem, long[] perServing, long fixed, boolean maximise) {
            var outcome = ChocoModel.buildLinear(problem, perServing, fixed, maximise).configureDecisiveSearch()
                    .solve(remainingMs(deadlineNanos), CHECK_NODES);
            if (!outcome.complete()) {
                complete = false;
            }
            return outcome.best() == null ? java.util.Optional.empty() : java.util.Optional.of(outcome.bestGoal());
        }

        private Boolean feasible(PlanRequest relaxed) {
            var answer = Explainer.feasible(relaxed, deadlineNanos);
            if (answer == null) {
                complete = false;
            }
            return answer;
        }
    }

    /**
     * Whether any plan meets the request: TRUE, FALSE, or null when the check's work budget (or, on an overloaded
     * machine, the deadline) ran out first. Each answer is exact, from the cheapest test that can give it: a greedy
     * plan (a witness), the exact relaxation's certificate, or Choco's search with the relaxation at its nodes.
     */
    static Boolean feasible(PlanRequest request, long deadlineNanos) {
        var problem = ProblemBuilder.build(request);
        if (!missingRequired(request, problem).isEmpty()) {
            return Boolean.FALSE;
        }
        if (Greedy.solve(problem) != null) {
            return Boolean.TRUE;
        }
        if (problem.size() <= ExactSearch.ROOT_RELAXATION_PRODUCTS
                && LinearRelaxation.decide(IntegerProgram.of(problem)).infeasible()) {
            return Boolean.FALSE;
        }
        return ChocoModel.build(problem, Goal.OBJECTIVE, Extra.NONE, -1).configureDecisiveSearch()
                .feasible(remainingMs(deadlineNanos), CHECK_NODES);
    }

    /** Milliseconds until the deadline, at least 1. */
    private static long remainingMs(long deadlineNanos) {
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    /** Amounts scaled as the model does: down (a min, what is surely reached) or up (a max, what is surely needed). */
    private static long[] amounts(Problem problem, int target, boolean up) {
        return Arrays.stream(IntegerRows.scaledAmounts(problem, target, up)).asLongStream().toArray();
    }

    private static long[] ones(int n) {
        var ones = new long[n];
        Arrays.fill(ones, 1);
        return ones;
    }

    /** Suggested bounds are rounded to 0.1 of the unit, in the direction that keeps them sufficient. */
    private static double roundDown(double value) {
        return Math.floor(value * 10) / 10;
    }

    private static double roundUp(double value) {
        return Math.ceil(value * 10) / 10;
    }
}

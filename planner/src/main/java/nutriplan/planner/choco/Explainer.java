package nutriplan.planner.choco;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nutriplan.catalog.product.Product;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.plan.Infeasibility;
import nutriplan.planner.plan.NutrientReach;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.Relaxation;
import nutriplan.planner.problem.Greedy;
import nutriplan.planner.problem.IntegerProgram;
import nutriplan.planner.problem.LinearRelaxation;
import nutriplan.planner.problem.Problem;
import nutriplan.planner.problem.ProblemBuilder;
import nutriplan.planner.problem.UnknownValues;
import nutriplan.planner.request.Concentration;
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
 * Every check is exact and charged to a budget of work derived from the request (see {@link #work}); when it runs
 * out the answer says it is not complete.
 */
final class Explainer {

    /** Suggested target bounds are exact to a tenth of the nutrient's unit. */
    private static final int TARGET_STEPS_PER_UNIT = 10;
    /** Floating-point noise in a plan's total, relative: 0.1 + 0.2 is not 0.3. */
    private static final double NOISE = 1e-9;

    /**
     * The least time an explanation gets, even when the proof of infeasibility used the whole limit: a safety net for
     * an overloaded machine, far above what the work budget below takes, so that a cold JVM (loading the solvers'
     * classes) gives the same explanation as a warm one.
     */
    private static final long LEAST_BUDGET_MS = 10_000;
    /**
     * The work an explanation's checks may do, in {@link WorkBudget}'s units (about a nanosecond each), per
     * millisecond of the request's time limit: about half the limit, so that the proof and the explanation together
     * come back within about the limit. A budget of work derived from the request alone, not of time: the same
     * request gets the same explanation on any machine, cold or warm.
     */
    private static final long WORK_PER_LIMIT_MS = 500_000;
    /**
     * The work an explanation may do whatever the limit: 0.2 s worth, and 5 s worth — half the safety net's time, so
     * that the net catches only an overloaded machine.
     */
    private static final long LEAST_WORK = 200_000_000;
    private static final long MOST_WORK = 5_000_000_000L;
    /** The most one check may spend, as a share of the explanation's work: one hard check leaves room for the rest. */
    private static final int CHECKS_PER_BUDGET = 5;

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
        return explain(request, problem, budgetMs, work(request));
    }

    /** The explanation, its checks charged to {@code work}, which then tells what they spent. */
    static Infeasibility explain(PlanRequest request, Problem problem, long budgetMs, WorkBudget work) {
        long deadline = System.nanoTime() + Math.max(budgetMs, LEAST_BUDGET_MS) * 1_000_000;
        var reaches = reaches(request, problem);
        var search = new ConflictSearch(request, deadline, work);
        var conflict = search.smallestConflict();
        var relaxations = conflict.stream().map(search::relaxation).toList();
        return new Infeasibility(summary(request, conflict), reaches, relaxations, search.complete);
    }

    /** The work an explanation of this request may do: about half its time limit's worth, within 0.2 s and 5 s. */
    static WorkBudget work(PlanRequest request) {
        long limitMs = Math.min(request.timeLimitMs(), MOST_WORK / WORK_PER_LIMIT_MS);
        long total = Math.clamp(limitMs * WORK_PER_LIMIT_MS, LEAST_WORK, MOST_WORK);
        return new WorkBudget(total, total / CHECKS_PER_BUDGET);
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
        if (selection.narrows()) {
            parts.add("the include list");
        }
        selection.excludeKinds().stream().map(kind -> kind.jsonName()).sorted()
                .forEach(kind -> parts.add("the exclusion of kind " + kind));
        if (selection.phase() != null) {
            parts.add("the phase (" + selection.phase() + ")");
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
        /** The multipliers of the last infeasibility the relaxation proved, by row field; null before one. */
        private Map<String, Double> certificate;
        private final WorkBudget work;

        ConflictSearch(PlanRequest request, long deadlineNanos, WorkBudget work) {
            this.request = request;
            this.deadlineNanos = deadlineNanos;
            this.work = work;
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

        /**
         * The change to this clause alone, with everything else of the request in force, that allows a plan: for a
         * bound or a count, exactly the smallest (to 0.1 of the unit, or 1), found by bisection whose every step is an
         * exact check (see {@link Bisection}).
         */
        Relaxation relaxation(Clause clause) {
            var without = new LinkedHashSet<>(Clause.of(request));
            without.remove(clause);
            var relaxed = Clause.keepOnly(request, without);
            var field = clause.field(request);
            var constraint = clause.describe(request);
            var limits = request.limits();
            return switch (clause.kind()) {
                case MIN -> relaxTarget(clause, relaxed, false)
                        .map(best -> new Relaxation(field, constraint, "lower " + clause.nutrient(request) + " min to "
                                + clause.amount(request, best), best))
                        .orElse(notAlone(field, constraint));
                case MAX -> relaxTarget(clause, relaxed, true)
                        .map(least -> new Relaxation(field, constraint, "raise " + clause.nutrient(request) + " max to "
                                + clause.amount(request, least), least))
                        .orElse(notAlone(field, constraint));
                case MAX_PRODUCTS -> new Bisection(relaxed, Plan::productCount, 1, true,
                        value -> request.withLimits(limits.withMaxProducts((int) value))).run(limits.maxProducts())
                        .map(fewest -> relaxLimit(field, constraint, "product", (long) (fewest - limits.maxProducts()), fewest))
                        .orElse(notAlone(field, constraint));
                case MAX_SERVINGS -> new Bisection(relaxed, Plan::servings, 1, true,
                        value -> request.withLimits(limits.withMaxServings((int) value))).run(limits.maxServings())
                        .map(fewest -> relaxLimit(field, constraint, "serving", (long) (fewest - limits.maxServings()), fewest))
                        .orElse(notAlone(field, constraint));
                case CONCENTRATION -> relaxConcentration()
                        .map(least -> new Relaxation(field, constraint, "raise the concentration limit to "
                                + Clause.gramsPerLitre(least), least))
                        .orElse(notAlone(field, constraint));
                case MAX_SERVINGS_PER_PRODUCT -> smallestPerProductCap()
                        .map(cap -> new Relaxation(field, constraint, "raise maxServingsPerProduct to " + cap, (double) cap))
                        .orElse(notAlone(field, constraint));
                case REQUIRE -> feasibleOrNot(relaxed, field, constraint, "drop the requirement of " + clause.name());
                case EXCLUDE_KIND -> feasibleOrNot(relaxed, field, constraint, "allow " + clause.name() + " products");
                case EXCLUDE_TAG -> feasibleOrNot(relaxed, field, constraint, "allow products tagged " + clause.name());
                case EXCLUDE_PRODUCT -> feasibleOrNot(relaxed, field, constraint, "allow " + clause.name());
                case INCLUDE -> feasibleOrNot(relaxed, field, constraint, "allow products beyond the include list");
            };
        }

        /**
         * The exact smallest change to one target's max (raise) or min (lower), to 0.1 of its unit. A raised max is
         * still a max: the products left out for not stating that nutrient stay out, so the plan that shows some
         * value suffices comes from the max raised out of reach, not from the request without it.
         */
        private java.util.Optional<Double> relaxTarget(Clause clause, PlanRequest relaxed, boolean raiseMax) {
            int t = clause.index();
            var target = request.targets().get(t);
            var nutrient = target.nutrient();
            var unbounded = raiseMax ? withMaxOutOfReach(request, t) : relaxed;
            return new Bisection(unbounded, plan -> plan.total(nutrient), TARGET_STEPS_PER_UNIT, raiseMax, value -> {
                var targets = new ArrayList<>(request.targets());
                targets.set(t, raiseMax ? target.withMax(value) : target.withMin(value));
                return request.withTargets(targets);
            }).run(raiseMax ? target.max() : target.min());
        }

        /**
         * The exact smallest concentration limit that admits a plan, to 0.1 g/L, in g/L. As a raised max is still a
         * max, a raised limit is still a limit: the products left out for not stating their carbohydrate stay out.
         * The plan that shows some limit suffices comes from the request without it (those products still out); when
         * that plan has no fluid (any limit is too low for it), from the request at the highest concentration a
         * plan with fluid can have ({@link #mostConcentrated}); when none admits a plan there, no limit does.
         */
        private java.util.Optional<Double> relaxConcentration() {
            var unbounded = withConcentrationOutOfReach(request);
            var bisection = new Bisection(unbounded, Plan::concentration, TARGET_STEPS_PER_UNIT, true,
                    value -> request.withConcentration(new Concentration(value)));
            var witness = check(unbounded);
            if (witness == null) {
                return java.util.Optional.empty();
            }
            if (Double.isInfinite(witness.concentration())) {
                double most = mostConcentrated(request);
                double current = request.concentration().maxGramsPerLitre();
                if (!(most > current)) {
                    return java.util.Optional.empty(); // the request's own limit is already above any plan with fluid
                }
                witness = check(request.withConcentration(new Concentration(Math.ceil(most * TARGET_STEPS_PER_UNIT)
                        / TARGET_STEPS_PER_UNIT)));
                if (witness == null) {
                    return java.util.Optional.empty(); // no limit admits a plan (or none was found within the work)
                }
            }
            return bisection.run(request.concentration().maxGramsPerLitre(), witness);
        }

        private Relaxation relaxLimit(String field, String constraint, String unit, long more, double value) {
            return new Relaxation(field, constraint, "allow " + more + " more " + unit + (more == 1 ? "" : "s")
                    + (unit.equals("serving") ? " in total" : ""), value);
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

        /**
         * The exact relaxation of one bound (a target's max or min, a count limit) on a grid of 1/{@code perUnit}: the
         * least value of a max (the most of a min) that admits a plan. The current value admits none; a plan of the
         * request without the bound gives a value that does. Each step checks the grid point between them exactly,
         * and a plan found there moves the sufficient side to that plan's own value, often far past the midpoint.
         * What remains is the grid point next to one that admits no plan: exactly the smallest relaxation.
         *
         * @param measure  the bounded quantity of a plan (a nutrient total, the servings, the products)
         * @param raise    true for a max (the least sufficient value), false for a min (the most)
         * @param bounded  the request with the bound set to a value, everything else in force
         */
        private final class Bisection {
            private final PlanRequest unbounded;
            private final java.util.function.ToDoubleFunction<Plan> measure;
            private final double perUnit;
            private final boolean raise;
            private final java.util.function.DoubleFunction<PlanRequest> bounded;

            Bisection(PlanRequest unbounded, java.util.function.ToDoubleFunction<Plan> measure, int perUnit,
                      boolean raise, java.util.function.DoubleFunction<PlanRequest> bounded) {
                this.unbounded = unbounded;
                this.measure = measure;
                this.perUnit = perUnit;
                this.raise = raise;
                this.bounded = bounded;
            }

            /** The exact relaxation of the bound now at {@code current}; empty when none admits a plan (or unknown). */
            java.util.Optional<Double> run(double current) {
                var witness = check(unbounded);
                if (witness == null) {
                    return java.util.Optional.empty();
                }
                return run(current, witness);
            }

            /** The same, from a plan already known to admit some value of the bound. */
            java.util.Optional<Double> run(double current, Plan witness) {
                // In grid steps, signed so that "sufficient" is always the larger side: a max rises, a min falls.
                double steps = current * perUnit;
                long insufficient = raise ? (long) Math.floor(steps + NOISE * Math.max(1, steps))
                        : -(long) Math.ceil(steps - NOISE * Math.max(1, steps));
                long sufficient = gridPoint(witness);
                while (sufficient - insufficient > 1) {
                    long middle = insufficient + (sufficient - insufficient) / 2;
                    var plan = check(bounded.apply(value(middle)));
                    if (plan != null) {
                        sufficient = Math.min(middle, gridPoint(plan));
                    } else if (lastCheckDecided) {
                        insufficient = middle;
                    } else {
                        break; // out of budget: what is known to suffice, maybe not the least (complete is false)
                    }
                }
                return java.util.Optional.of(value(sufficient));
            }

            /** The grid point of a plan's value, on the sufficient side (up for a max, down for a min), signed. */
            private long gridPoint(Plan plan) {
                double steps = measure.applyAsDouble(plan) * perUnit;
                return raise ? (long) Math.ceil(steps - NOISE * Math.max(1, steps))
                        : -(long) Math.floor(steps + NOISE * Math.max(1, steps));
            }

            /** A signed grid point's value: k / perUnit is exact for whole tenths, where k × 0.1 is not. */
            private double value(long signedSteps) {
                return (raise ? signedSteps : -signedSteps) / perUnit;
            }
        }

        /** Whether the last {@link #check} decided (found a plan or proved there is none). */
        private boolean lastCheckDecided;

        /**
         * A plan that meets the request, or null: {@link #lastCheckDecided} says whether null means "none". Each step
         * is charged to the work budget; once it is spent, no check decides anything.
         */
        private Plan check(PlanRequest relaxed) {
            lastCheckDecided = !work.exhausted();
            if (!lastCheckDecided) {
                complete = false;
                return null;
            }
            var problem = ProblemBuilder.build(relaxed);
            if (!missingRequired(relaxed, problem).isEmpty()) {
                return null;
            }
            var program = IntegerProgram.of(problem);
            work.spend(WorkBudget.shortCheck(program));
            if (certificate != null && LinearRelaxation.proves(program, certificate)) {
                return null;
            }
            var greedy = Greedy.solve(problem);
            if (greedy != null) {
                return problem.plan(greedy);
            }
            work.spend(WorkBudget.longCheck(program));
            var verdict = ExactSearch.rootVerdict(program);
            if (verdict.infeasible()) {
                certificate = verdict.byField(program);
                return null;
            }
            var found = ExactSearch.anyPlan(problem, deadlineNanos, work);
            if (found.servings() != null) {
                return problem.plan(found.servings());
            }
            lastCheckDecided = found.proven();
            if (!found.proven()) {
                complete = false;
            }
            return null;
        }

        /**
         * Whether any plan meets the request: TRUE, FALSE, or null when the work budget (or, on an overloaded
         * machine, the deadline) ran out first. Each answer is exact, from the cheapest test that can give it: the
         * last infeasibility certificate, still valid without the clause just dropped (no solve at all); a greedy
         * plan (a witness); the exact relaxation's certificate; greedy restarts or an enumeration of small plans; or
         * Choco's search with the relaxation at its nodes.
         */
        private Boolean feasible(PlanRequest relaxed) {
            var plan = check(relaxed);
            return plan != null ? Boolean.TRUE : lastCheckDecided ? Boolean.FALSE : null;
        }
    }

    /**
     * The request without its concentration limit, but with the products it leaves out for not stating their
     * carbohydrate still out (by id): what a limit raised beyond every plan allows.
     */
    static PlanRequest withConcentrationOutOfReach(PlanRequest request) {
        var without = request.withConcentration(null);
        var leftOut = new java.util.ArrayList<String>();
        for (var product : request.allowedProducts()) {
            if (UnknownValues.isLeftOut(request, product) && !UnknownValues.isLeftOut(without, product)) {
                leftOut.add(product.id());
            }
        }
        return without.withSelection(request.selection().alsoExcluding(leftOut));
    }

    /**
     * A concentration, in g/L, that no plan of the request with any fluid exceeds: all the carbohydrate its candidates
     * can hold at their caps, in the least fluid a serving with fluid brings. 0 when no candidate has fluid.
     */
    static double mostConcentrated(PlanRequest request) {
        var problem = ProblemBuilder.build(request.withConcentration(null));
        double carbohydrate = 0;
        double leastFluid = Double.POSITIVE_INFINITY;
        for (int i = 0; i < problem.size(); i++) {
            var product = problem.products().get(i);
            carbohydrate += product.amount(Nutrient.CARBOHYDRATE) * problem.upper()[i];
            double fluid = product.amount(Nutrient.FLUID);
            if (fluid > 0) {
                leastFluid = Math.min(leastFluid, fluid);
            }
        }
        return Double.isInfinite(leastFluid) ? 0 : carbohydrate / leastFluid * 1000 * (1 + NOISE);
    }

    /**
     * The request with target t's max raised above anything its products can reach (every catalog product at the
     * most servings any plan holds), so that it binds no plan but is still a max.
     */
    static PlanRequest withMaxOutOfReach(PlanRequest request, int t) {
        var target = request.targets().get(t);
        double reach = request.catalog().products().stream().mapToDouble(product -> product.amount(target.nutrient()))
                .sum() * nutriplan.planner.problem.PlanningLimits.UNCAPPED_SERVINGS;
        var targets = new ArrayList<>(request.targets());
        targets.set(t, target.withMax(Math.max(reach, target.hasMax() ? target.max() : 0) + 1));
        return request.withTargets(targets);
    }
}

package nutriplan.planner.choco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Product;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanItem;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.Target;
import nutriplan.planner.request.UnknownUnderMax;

/**
 * The reference answer for tiny requests: enumerates every servings vector and keeps the best.
 *
 * <p>It shares no arithmetic with the planners. Every amount is turned into an exact integer first
 * (nutrient amounts, bounds and serving sizes in tenths of the canonical unit, prices in cents), so
 * feasibility and the objective are decided without rounding; {@link #exact} refuses a number that is
 * not a whole count of those units. Only the overshoot (a sum of ratios) is a double. Include/exclude
 * and the caps are re-derived here from the request's fields rather than through planner code. A concentration
 * limit is decided exactly too: 10,000·Σ carbohydrate ≤ limit·Σ fluid, all in tenths (limit in 0.1 g/L).
 */
public final class BruteForce {

    /** Nutrient amounts, target bounds and serving sizes: tenths of the canonical unit. */
    static final long AMOUNT_SCALE = 10;
    /** Prices: cents. */
    static final long PRICE_SCALE = 100;
    /** Refuses instances with more servings vectors than this: it is for tiny requests only. */
    static final long MAX_VECTORS = 200_000;

    private BruteForce() {
    }

    /** The integer that {@code value × scale} is; throws when it is not a whole number (the instance is not exact). */
    static long exact(double value, long scale) {
        double scaled = value * scale;
        long rounded = Math.round(scaled);
        if (Math.abs(scaled - rounded) > 1e-6) {
            throw new IllegalArgumentException(value + " is not a whole number of 1/" + scale + " units");
        }
        return rounded;
    }

    /** How many units of the objective's integer form one unit of its value is. */
    static long objectiveScale(Objective objective) {
        return switch (objective) {
            case SERVINGS, PRODUCTS -> 1;
            case MASS -> AMOUNT_SCALE;
            case COST -> PRICE_SCALE;
        };
    }

    /**
     * The products the request allows, re-derived from include/exclude and the unknown-value policy: unless the
     * request allows it or requires the product, a product that does not state a nutrient bounded from above is out.
     */
    static List<Product> allowedProducts(PlanRequest request) {
        Selection selection = request.selection();
        boolean narrows = !selection.includeProducts().isEmpty() || !selection.includeTags().isEmpty();
        var allowed = new ArrayList<Product>();
        for (var product : request.catalog().products()) {
            boolean included = !narrows || selection.includeProducts().contains(product.id())
                    || product.tags().stream().anyMatch(selection.includeTags()::contains);
            boolean excluded = selection.excludeProducts().contains(product.id())
                    || product.tags().stream().anyMatch(selection.excludeTags()::contains);
            if (included && !excluded && !unknownUnderMax(request, product)) {
                allowed.add(product);
            }
        }
        return allowed;
    }

    private static boolean unknownUnderMax(PlanRequest request, Product product) {
        boolean carbohydrateUnknown = product.nutrients().containsKey(Nutrient.CARBOHYDRATE)
                && product.nutrients().get(Nutrient.CARBOHYDRATE) == null;
        return request.unknownUnderMax() == UnknownUnderMax.EXCLUDE && !request.required().contains(product.id())
                && (request.targets().stream().anyMatch(target -> target.max() < Double.POSITIVE_INFINITY
                        && product.nutrients().containsKey(target.nutrient()) && product.nutrients().get(target.nutrient()) == null)
                    || request.concentration() != null && carbohydrateUnknown);
    }

    /** The limit in tenths of a g/L, or -1 without one. */
    static long concentrationLimit(PlanRequest request) {
        return request.concentration() == null ? -1 : exact(request.concentration().maxGramsPerLitre(), AMOUNT_SCALE);
    }

    /** Whether totals in tenths of a gram and of a mL keep a limit in tenths of a g/L: 10,000·c ≤ limit·f. */
    static boolean keepsConcentration(long limit, long carbohydrate, long fluid) {
        return limit < 0 || 10_000 * carbohydrate <= limit * fluid;
    }

    /** A nutrient's amount in a serving as taken, in tenths (preparation water in the fluid). */
    static long exactAmount(Product product, Nutrient nutrient) {
        return exact(product.amount(nutrient), AMOUNT_SCALE);
    }

    /** A plan's exact total of a nutrient, in tenths. */
    public static long exactTotal(Plan plan, Nutrient nutrient) {
        long total = 0;
        for (var item : plan.items()) {
            total += exactAmount(item.product(), nutrient) * item.servings();
        }
        return total;
    }

    /** The most servings of a product any plan for the request may hold (0 when it is not eligible). */
    static int cap(PlanRequest request, Product product) {
        if (request.objective() == Objective.COST && product.price() == null) {
            return 0;
        }
        int cap = request.limits().maxServingsPerProduct();
        if (product.maxServings() != null) {
            cap = Math.min(cap, product.maxServings());
        }
        return cap;
    }

    /** One feasible servings vector with what the comparison needs. */
    public record Candidate(int[] servings, long value, int productCount, double overshoot, int productSet) {

        /** Lexicographic: objective, then fewer products, then less overshoot (API.md). */
        boolean betterThan(Candidate other) {
            if (value != other.value) {
                return value < other.value;
            }
            if (productCount != other.productCount) {
                return productCount < other.productCount;
            }
            return overshoot < other.overshoot;
        }
    }

    /**
     * What enumeration found.
     *
     * @param products       the allowed products, in catalog order; vectors and product sets index into it
     * @param caps           the servings cap of each allowed product
     * @param best           the lexicographic best plan, or null when none is feasible
     * @param feasible       every feasible servings vector, as a candidate
     * @param infeasibleSample a deterministic sample of vectors that break something, for cross-checks
     */
    public record Solution(PlanRequest request, List<Product> products, int[] caps, Candidate best, List<Candidate> feasible,
                    List<int[]> infeasibleSample) {

        public boolean isFeasible() {
            return best != null;
        }

        /** How the lexicographic order decides among optimal plans: "unique", "products" or "overshoot". */
        String tieBreak() {
            boolean byProducts = false;
            boolean byOvershoot = false;
            for (var candidate : feasible) {
                if (candidate.value() == best.value()) {
                    byProducts |= candidate.productCount() != best.productCount();
                    byOvershoot |= candidate.productCount() == best.productCount()
                            && candidate.overshoot() > best.overshoot() + 1e-9;
                }
            }
            return byOvershoot ? "overshoot" : byProducts ? "products" : "unique";
        }

        long scale() {
            return objectiveScale(request.objective());
        }

        /** The best value in the objective's own unit. */
        double bestValue() {
            return (double) best.value() / scale();
        }

        /** The product set (bit i = products().get(i)) of a plan; -1 when it uses a product not allowed. */
        int productSet(Plan plan) {
            int set = 0;
            for (var item : plan.items()) {
                int index = indexOf(item.product().id());
                if (index < 0) {
                    return -1;
                }
                set |= 1 << index;
            }
            return set;
        }

        int indexOf(String productId) {
            for (int i = 0; i < products.size(); i++) {
                if (products.get(i).id().equals(productId)) {
                    return i;
                }
            }
            return -1;
        }

        /** The lexicographic best feasible plan whose product set is none of {@code usedSets}, or null. */
        Candidate bestExcluding(java.util.Collection<Integer> usedSets) {
            Candidate best = null;
            for (var candidate : feasible) {
                if (!usedSets.contains(candidate.productSet()) && (best == null || candidate.betterThan(best))) {
                    best = candidate;
                }
            }
            return best;
        }

        Plan toPlan(int[] servings) {
            var items = new ArrayList<PlanItem>();
            for (int i = 0; i < servings.length; i++) {
                if (servings[i] > 0) {
                    items.add(new PlanItem(products.get(i), servings[i]));
                }
            }
            return new Plan(items);
        }

        String describe(int[] servings) {
            var text = new StringBuilder("{");
            for (int i = 0; i < servings.length; i++) {
                if (servings[i] > 0) {
                    text.append(text.length() > 1 ? ", " : "").append(products.get(i).id()).append('×').append(servings[i]);
                }
            }
            return text.append('}').toString();
        }
    }

    /** Enumerates every servings vector of the request's allowed products within their caps. */
    public static Solution solve(PlanRequest request) {
        var products = allowedProducts(request);
        int n = products.size();
        if (n > 30) {
            throw new IllegalArgumentException("brute force is for tiny instances, got " + n + " products");
        }
        int[] caps = new int[n];
        long vectors = 1;
        for (int i = 0; i < n; i++) {
            caps[i] = cap(request, products.get(i));
            vectors *= caps[i] + 1L;
            if (caps[i] > 1000 || vectors > MAX_VECTORS) {
                throw new IllegalArgumentException("brute force is for tiny instances: too many servings vectors");
            }
        }
        var targets = request.targets();
        long[][] amounts = new long[n][targets.size()];
        long[] mins = new long[targets.size()];
        long[] maxs = new long[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            mins[t] = exact(target.min(), AMOUNT_SCALE);
            maxs[t] = target.hasMax() ? exact(target.max(), AMOUNT_SCALE) : Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                amounts[i][t] = exact(products.get(i).amount(target.nutrient()), AMOUNT_SCALE);
            }
        }
        long[] unitValue = new long[n];
        long[] carbohydrate = new long[n];
        long[] fluid = new long[n];
        for (int i = 0; i < n; i++) {
            unitValue[i] = unitValue(request.objective(), products.get(i));
            if (request.concentration() != null) {
                carbohydrate[i] = exactAmount(products.get(i), Nutrient.CARBOHYDRATE);
                fluid[i] = exactAmount(products.get(i), Nutrient.FLUID);
            }
        }
        long limit = concentrationLimit(request);
        boolean[] required = new boolean[n];
        for (var id : request.required()) {
            int index = -1;
            for (int i = 0; i < n; i++) {
                if (products.get(i).id().equals(id)) {
                    index = i;
                }
            }
            if (index < 0) {
                // A required product that is not allowed: no plan can hold it.
                return new Solution(request, products, caps, null, List.of(), List.of());
            }
            required[index] = true;
        }
        Limits limits = request.limits();

        Candidate best = null;
        var feasible = new ArrayList<Candidate>();
        var infeasibleSample = new ArrayList<int[]>();
        int[] servings = new int[n];
        long[] totals = new long[targets.size()];
        long counter = 0;
        do {
            counter++;
            Arrays.fill(totals, 0);
            int total = 0;
            int count = 0;
            int set = 0;
            long value = 0;
            long carbohydrateTotal = 0;
            long fluidTotal = 0;
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                int s = servings[i];
                if (s == 0) {
                    ok &= !required[i];
                    continue;
                }
                total += s;
                count++;
                set |= 1 << i;
                value += unitValue[i] * s;
                carbohydrateTotal += carbohydrate[i] * s;
                fluidTotal += fluid[i] * s;
                for (int t = 0; t < totals.length; t++) {
                    totals[t] += amounts[i][t] * s;
                }
            }
            ok &= total <= limits.maxServings() && count <= limits.maxProducts()
                    && keepsConcentration(limit, carbohydrateTotal, fluidTotal);
            double overshoot = 0;
            for (int t = 0; t < totals.length && ok; t++) {
                ok = totals[t] >= mins[t] && totals[t] <= maxs[t];
                if (mins[t] > 0) {
                    overshoot += (double) Math.max(0, totals[t] - mins[t]) / mins[t];
                }
            }
            if (ok) {
                if (request.objective() == Objective.PRODUCTS) {
                    value = count;
                } else if (request.objective() == Objective.SERVINGS) {
                    value = total;
                }
                var candidate = new Candidate(servings.clone(), value, count, overshoot, set);
                feasible.add(candidate);
                if (best == null || candidate.betterThan(best)) {
                    best = candidate;
                }
            } else if (counter % 13 == 1) {
                infeasibleSample.add(servings.clone());
            }
        } while (next(servings, caps));
        return new Solution(request, products, caps, best, feasible, infeasibleSample);
    }

    /** Mixed-radix increment; false after the last vector. */
    private static boolean next(int[] servings, int[] caps) {
        for (int i = 0; i < servings.length; i++) {
            if (servings[i] < caps[i]) {
                servings[i]++;
                return true;
            }
            servings[i] = 0;
        }
        return false;
    }

    /** The objective's integer contribution of one serving (SERVINGS and PRODUCTS are counted separately). */
    private static long unitValue(Objective objective, Product product) {
        return switch (objective) {
            case SERVINGS, PRODUCTS -> 1;
            case MASS -> exact(product.serving().value(), AMOUNT_SCALE);
            case COST -> product.price() == null ? 0 : exact(product.price().amount(), PRICE_SCALE);
        };
    }

    /** The plan's objective value in integer form (see {@link #objectiveScale}), computed exactly. */
    public static long exactValue(Objective objective, Plan plan) {
        return switch (objective) {
            case SERVINGS -> plan.items().stream().mapToLong(PlanItem::servings).sum();
            case PRODUCTS -> plan.items().stream().map(item -> item.product().id()).distinct().count();
            case MASS, COST -> plan.items().stream()
                    .mapToLong(item -> unitValue(objective, item.product()) * item.servings()).sum();
        };
    }

    /** The overshoot of a plan (API.md's last tie-break), from the exact totals. */
    static double overshoot(PlanRequest request, Plan plan) {
        double overshoot = 0;
        for (var target : request.targets()) {
            long min = exact(target.min(), AMOUNT_SCALE);
            if (min > 0) {
                overshoot += (double) Math.max(0, exactTotal(plan, target) - min) / min;
            }
        }
        return overshoot;
    }

    static long exactTotal(Plan plan, Target target) {
        long total = 0;
        for (var item : plan.items()) {
            total += exact(item.product().amount(target.nutrient()), AMOUNT_SCALE) * item.servings();
        }
        return total;
    }

    /**
     * Every bound and limit of the request the plan breaks, decided in exact integers and independent of
     * {@link Plan#violations}; empty when it meets them all. Also flags a product listed twice and a product
     * that is not the catalog's own (a plan must not carry altered product data).
     */
    public static List<String> violations(PlanRequest request, Plan plan) {
        var violations = new ArrayList<String>();
        var allowed = allowedProducts(request);
        var seen = new HashMap<String, Integer>();
        int total = 0;
        for (var item : plan.items()) {
            Product product = item.product();
            if (seen.put(product.id(), item.servings()) != null) {
                violations.add(product.id() + " is listed twice");
            }
            total += item.servings();
            Product own = request.catalog().product(product.id());
            if (own == null) {
                violations.add(product.id() + " is not in the catalog");
                continue;
            }
            if (!own.equals(product)) {
                violations.add(product.id() + " differs from the catalog's product");
            }
            if (!allowed.contains(own)) {
                violations.add(product.id() + " is not allowed by include/exclude");
            }
            int cap = cap(request, own);
            if (item.servings() < 1 || item.servings() > cap) {
                violations.add(product.id() + " has " + item.servings() + " servings; allowed 1.." + cap
                        + (cap == 0 ? " (no price, not eligible for cost)" : ""));
            }
        }
        for (var target : request.targets()) {
            long sum = exactTotal(plan, target);
            long min = exact(target.min(), AMOUNT_SCALE);
            if (sum < min) {
                violations.add(target.nutrient() + " total " + (double) sum / AMOUNT_SCALE + " below min " + target.min());
            }
            if (target.hasMax() && sum > exact(target.max(), AMOUNT_SCALE)) {
                violations.add(target.nutrient() + " total " + (double) sum / AMOUNT_SCALE + " above max " + target.max());
            }
        }
        long limit = concentrationLimit(request);
        long carbohydrate = limit < 0 ? 0 : exactTotal(plan, Nutrient.CARBOHYDRATE);
        long fluid = limit < 0 ? 0 : exactTotal(plan, Nutrient.FLUID);
        if (!keepsConcentration(limit, carbohydrate, fluid)) {
            violations.add("carbohydrate " + carbohydrate / 10.0 + " g in " + fluid / 10.0 + " mL is above "
                    + request.concentration().maxGramsPerLitre() + " g/L");
        }
        Limits limits = request.limits();
        if (total > limits.maxServings()) {
            violations.add(total + " servings exceed maxServings " + limits.maxServings());
        }
        if (seen.size() > limits.maxProducts()) {
            violations.add(seen.size() + " products exceed maxProducts " + limits.maxProducts());
        }
        for (var id : request.required()) {
            if (!seen.containsKey(id)) {
                violations.add("required product " + id + " is missing");
            }
        }
        return violations;
    }
}

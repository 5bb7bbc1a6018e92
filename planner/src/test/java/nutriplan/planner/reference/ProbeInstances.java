package nutriplan.planner.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Product;
import nutriplan.planner.reference.RandomInstances.Instance;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.Target;

/**
 * The requests a dietitian makes when probing, seeded like {@link RandomInstances}: the same seed gives the same
 * request on every machine. Where {@link RandomInstances} brackets a hidden plan generously, these are tight or
 * arbitrary, so that many have no plan at all and the rest sit close to their bounds:
 * <ul>
 * <li>{@link #probes}: 2–5 targets on a sports catalog, half of them ±5 % around a random plan's totals and half
 * random ranges within what the catalog can reach; maxServings 2–8, often maxProducts 1–3, sometimes a tag
 * excluded;</li>
 * <li>{@link #meals}: meals from a food composition table, one serving (100 g) of each food at most, 3–6 foods,
 * with an energy cap and minimums of carbohydrate, protein, fluid or potassium around a random meal's.</li>
 * </ul>
 */
public final class ProbeInstances {

    private static final List<Nutrient> PROBED = List.of(Nutrient.CARBOHYDRATE, Nutrient.PROTEIN, Nutrient.FLUID,
            Nutrient.SODIUM, Nutrient.POTASSIUM, Nutrient.ENERGY, Nutrient.CAFFEINE, Nutrient.FAT);
    private static final List<String> EXCLUDED_TAGS = List.of("caffeine", "dairy", "gluten", "nut");
    private static final List<Nutrient> MEAL_MINIMUMS = List.of(Nutrient.CARBOHYDRATE, Nutrient.PROTEIN,
            Nutrient.FLUID, Nutrient.POTASSIUM);
    private static final Objective[] OBJECTIVES = {Objective.SERVINGS, Objective.PRODUCTS, Objective.MASS};

    private ProbeInstances() {
    }

    /** {@code count} dietitian probes on a sports catalog ({@code data/catalogs/default.json}). */
    public static List<Instance> probes(long seed, List<Product> catalog, int count) {
        var instances = new ArrayList<Instance>(count);
        for (int i = 0; i < count; i++) {
            long instanceSeed = seed * 1_000_003L + i;
            var random = new SplittableRandom(instanceSeed);
            boolean tight = random.nextBoolean();
            var nutrients = choose(random, PROBED, 2 + random.nextInt(4));
            var plan = randomPlan(random, catalog, 1 + random.nextInt(4), 3);
            var targets = new ArrayList<Target>();
            for (var nutrient : nutrients) {
                double total = total(plan, nutrient);
                targets.add(tight ? around(nutrient, total, 0.05) : randomRange(random, nutrient, catalog));
            }
            var limits = Limits.UNLIMITED.withMaxServings(2 + random.nextInt(7));
            if (random.nextDouble() < 0.6) {
                limits = limits.withMaxProducts(1 + random.nextInt(3));
            }
            var selection = Selection.ALL;
            if (random.nextDouble() < 0.3) {
                selection = new Selection(Set.of(), Set.of(), Set.of(),
                        Set.of(EXCLUDED_TAGS.get(random.nextInt(EXCLUDED_TAGS.size()))));
            }
            var objective = OBJECTIVES[i % OBJECTIVES.length];
            var request = PlanRequest.of(targets, catalog).withLimits(limits).withSelection(selection)
                    .withObjective(objective);
            instances.add(new Instance("probe seed=" + instanceSeed + (tight ? " tight" : " random") + " targets="
                    + nutrients.size() + " objective=" + objective, request));
        }
        return instances;
    }

    /** {@code count} meals from a food composition table: one serving of each food at most, 3–6 foods. */
    public static List<Instance> meals(long seed, List<Product> foods, int count) {
        var instances = new ArrayList<Instance>(count);
        for (int i = 0; i < count; i++) {
            long instanceSeed = seed * 1_000_033L + i;
            var random = new SplittableRandom(instanceSeed);
            int foodsInMeal = 3 + random.nextInt(4);
            var meal = randomPlan(random, foods, foodsInMeal, 1);
            var targets = new ArrayList<Target>();
            // The energy cap sits at or a little below the random meal's energy: often too little for the minimums.
            targets.add(Target.atMost(Nutrient.ENERGY, round(total(meal, Nutrient.ENERGY) * (0.85 + 0.2 * random.nextDouble()))));
            for (var nutrient : choose(random, MEAL_MINIMUMS, 2 + random.nextInt(3))) {
                targets.add(Target.atLeast(nutrient, round(total(meal, nutrient) * (0.8 + 0.3 * random.nextDouble()))));
            }
            var limits = new Limits(1, foodsInMeal - random.nextInt(2), Limits.NONE);
            var objective = OBJECTIVES[i % OBJECTIVES.length];
            var request = PlanRequest.of(targets, foods).withLimits(limits).withObjective(objective);
            instances.add(new Instance("meal seed=" + instanceSeed + " foods<=" + limits.maxProducts() + " objective="
                    + objective, request));
        }
        return instances;
    }

    private static List<Nutrient> choose(SplittableRandom random, List<Nutrient> from, int count) {
        var pool = new ArrayList<>(from);
        var chosen = new ArrayList<Nutrient>();
        while (chosen.size() < count && !pool.isEmpty()) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    /** One product of a random plan and its servings. */
    private record Serving(Product product, int servings) {
    }

    /** {@code products} distinct products, each with 1 to {@code mostServings} servings. */
    private static List<Serving> randomPlan(SplittableRandom random, List<Product> catalog, int products,
                                            int mostServings) {
        var plan = new ArrayList<Serving>();
        var used = new java.util.HashSet<Integer>();
        while (plan.size() < Math.min(products, catalog.size())) {
            int index = random.nextInt(catalog.size());
            if (used.add(index)) {
                plan.add(new Serving(catalog.get(index), 1 + random.nextInt(mostServings)));
            }
        }
        return plan;
    }

    private static double total(List<Serving> plan, Nutrient nutrient) {
        return plan.stream().mapToDouble(serving -> serving.product().amount(nutrient) * serving.servings()).sum();
    }

    /** A target of ±{@code margin} around a total (a max only when the total is 0). */
    private static Target around(Nutrient nutrient, double total, double margin) {
        if (total <= 0) {
            return Target.atMost(nutrient, 0);
        }
        return Target.between(nutrient, round(total * (1 - margin)), round(total * (1 + margin)));
    }

    /** A random range within the most one product at 3 servings reaches: as likely out of reach as not. */
    private static Target randomRange(SplittableRandom random, Nutrient nutrient, List<Product> catalog) {
        double richest = catalog.stream().mapToDouble(product -> product.amount(nutrient)).max().orElse(0) * 3;
        double min = round(richest * random.nextDouble());
        double max = round(min * (1 + random.nextDouble()) + 1);
        return random.nextBoolean() ? Target.between(nutrient, min, max) : Target.atLeast(nutrient, min);
    }

    /** Targets to one decimal, as a dietitian types them. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

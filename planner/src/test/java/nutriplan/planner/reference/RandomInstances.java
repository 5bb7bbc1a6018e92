package nutriplan.planner.reference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Price;
import nutriplan.catalog.product.Product;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/**
 * Seeded, realistic planning instances for the cross-check test and the benchmark: the same seed gives
 * the same catalog and request on every machine.
 *
 * <p>A catalog mixes drinks, drink powders, gels, chews, bars, shakes and foods with label-like amounts
 * (grams, millilitres and kcal to one decimal, milligrams whole), so every amount scales exactly to the
 * integers both solvers use and their optima are comparable. Some products have a {@code maxServings},
 * most a price, a few leave potassium or magnesium unknown ({@code null}).
 *
 * <p>Targets are derived from a hidden plan of 2–6 products: each bound brackets the hidden plan's total,
 * widened by a random margin, so most requests are feasible (the hidden plan meets them) but not trivially
 * small. With {@code maxProducts} the cap lies around the hidden plan's product count, sometimes below it,
 * so a few of those requests are infeasible.
 */
public final class RandomInstances {

    /** A named request: the name says how to regenerate it. */
    public record Instance(String name, PlanRequest request) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** The nutrients targets are drawn from after carbohydrate, with weights: sodium and fluid most often. */
    private static final Map<Nutrient, Integer> TARGET_WEIGHTS = weights();

    private RandomInstances() {
    }

    /**
     * One request over a generated catalog.
     *
     * @param products        catalog size, 1 or more (10 to 10000 is realistic)
     * @param nutrients       how many targeted nutrients, 1 to 10 (3 to 7 is realistic); carbohydrate is always one
     * @param objective       the request's objective; for {@code cost} the hidden plan uses priced products only
     * @param withMaxProducts whether to set {@code limits.maxProducts} near the hidden plan's product count
     */
    public static PlanRequest instance(long seed, int products, int nutrients, Objective objective,
                                       boolean withMaxProducts) {
        if (products < 1 || nutrients < 1 || nutrients > Nutrient.values().length) {
            throw new IllegalArgumentException("products (" + products + ") must be positive and nutrients ("
                    + nutrients + ") between 1 and " + Nutrient.values().length + ".");
        }
        return instance(seed, products(seed, products), nutrients, objective, withMaxProducts);
    }

    /**
     * One request over a given catalog (a real food composition table, say): targets around a hidden plan of its
     * products, as for a generated catalog.
     */
    public static PlanRequest instance(long seed, List<Product> catalog, int nutrients, Objective objective,
                                       boolean withMaxProducts) {
        if (catalog.isEmpty() || nutrients < 1 || nutrients > Nutrient.values().length) {
            throw new IllegalArgumentException("the catalog (" + catalog.size() + " products) must not be empty and"
                    + " nutrients (" + nutrients + ") must be between 1 and " + Nutrient.values().length + ".");
        }
        var random = new SplittableRandom(mix(seed, 0x5eed));

        var hidden = hiddenPlan(random, catalog, objective);
        var targets = new ArrayList<Target>();
        for (var nutrient : chooseNutrients(random, nutrients)) {
            double total = 0;
            for (var entry : hidden.entrySet()) {
                total += entry.getKey().amount(nutrient) * entry.getValue();
            }
            targets.add(target(random, nutrient, total));
        }

        int hiddenServings = hidden.values().stream().mapToInt(Integer::intValue).sum();
        int hiddenMostOfOne = hidden.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        var limits = Limits.UNLIMITED;
        if (random.nextDouble() < 0.4) {
            limits = limits.withMaxServingsPerProduct(Math.max(hiddenMostOfOne, 3 + random.nextInt(4)));
        }
        if (random.nextDouble() < 0.3) {
            limits = limits.withMaxServings(hiddenServings + random.nextInt(5));
        }
        if (withMaxProducts) {
            limits = limits.withMaxProducts(Math.max(1, hidden.size() - 1 + random.nextInt(3)));
        }
        return PlanRequest.of(targets, catalog).withLimits(limits).withObjective(objective);
    }

    /**
     * A mixed set of {@code count} requests over catalogs of {@code products} products: nutrients cycle
     * through 3–7, objectives alternate {@code servings} / {@code products}, every third has maxProducts.
     */
    public static List<Instance> suite(long seed, int products, int count) {
        return suite(seed, products, count, Objective.SERVINGS, Objective.PRODUCTS);
    }

    /**
     * A mixed set of {@code count} requests over catalogs of {@code products} products: nutrients cycle
     * through 3–7, objectives cycle through {@code objectives}, every third has maxProducts. Instance i
     * has the same seed in every suite of the same seed and size.
     */
    public static List<Instance> suite(long seed, int products, int count, Objective... objectives) {
        return suite(seed, products, count, objectives, "products=" + products,
                (instanceSeed, nutrients, objective, withMaxProducts) ->
                        instance(instanceSeed, products, nutrients, objective, withMaxProducts));
    }

    /**
     * {@code count} requests over one given catalog, mixed as {@link #suite(long, int, int, Objective...)} mixes
     * them; {@code catalogName} names the catalog in each instance's name.
     */
    public static List<Instance> suite(long seed, String catalogName, List<Product> catalog, int count,
                                       Objective... objectives) {
        return suite(seed, catalog.size(), count, objectives, "catalog=" + catalogName,
                (instanceSeed, nutrients, objective, withMaxProducts) ->
                        instance(instanceSeed, catalog, nutrients, objective, withMaxProducts));
    }

    /** One request of a suite. */
    private interface Generator {
        PlanRequest instance(long seed, int nutrients, Objective objective, boolean withMaxProducts);
    }

    private static List<Instance> suite(long seed, int size, int count, Objective[] objectives, String catalogLabel,
                                        Generator generator) {
        if (objectives.length == 0) {
            throw new IllegalArgumentException("objectives must name at least one objective.");
        }
        var instances = new ArrayList<Instance>(count);
        for (int i = 0; i < count; i++) {
            long instanceSeed = mix(seed, size * 1_000_003L + i);
            int nutrients = 3 + i % 5;
            var objective = objectives[i % objectives.length];
            boolean withMaxProducts = i % 3 == 2;
            var name = "seed=" + instanceSeed + " " + catalogLabel + " nutrients=" + nutrients
                    + " objective=" + objective + (withMaxProducts ? " maxProducts" : "");
            instances.add(new Instance(name, generator.instance(instanceSeed, nutrients, objective, withMaxProducts)));
        }
        return instances;
    }

    /** A generated catalog of {@code count} products; the same seed gives the same products. */
    public static List<Product> products(long seed, int count) {
        var random = new SplittableRandom(mix(seed, 0xca7a1095L));
        var products = new ArrayList<Product>(count);
        for (int i = 0; i < count; i++) {
            products.add(product(random, i));
        }
        return products;
    }

    private static Product product(SplittableRandom random, int index) {
        double r = random.nextDouble();
        Kind kind = r < 0.30 ? Kind.DRINK : r < 0.38 ? Kind.POWDER : r < 0.58 ? Kind.GEL : r < 0.68 ? Kind.CHEW
                : r < 0.82 ? Kind.BAR : r < 0.85 ? Kind.SHAKE : Kind.FOOD;
        var n = new EnumMap<Nutrient, Double>(Nutrient.class);
        Amount serving;
        switch (kind) {
            case DRINK -> {
                double ml = 250 + 10 * random.nextInt(76);
                serving = Amount.millilitres(ml);
                n.put(Nutrient.FLUID, ml);
                n.put(Nutrient.CARBOHYDRATE, random.nextDouble() < 0.2 ? 0 : tenth(random, 0, 80));
                n.put(Nutrient.SODIUM, whole(random, 0, 1000));
                n.put(Nutrient.POTASSIUM, whole(random, 0, 400));
                maybe(random, n, 0.10, Nutrient.CAFFEINE, 40, 200);
                maybe(random, n, 0.20, Nutrient.MAGNESIUM, 5, 100);
                maybe(random, n, 0.10, Nutrient.CALCIUM, 10, 200);
            }
            case POWDER -> {
                double carbs = tenth(random, 15, 80);
                serving = Amount.grams(round1(carbs + tenth(random, 2, 10)));
                n.put(Nutrient.CARBOHYDRATE, carbs);
                n.put(Nutrient.SODIUM, whole(random, 100, 1000));
                n.put(Nutrient.POTASSIUM, whole(random, 0, 300));
                maybe(random, n, 0.10, Nutrient.CAFFEINE, 50, 200);
                maybe(random, n, 0.30, Nutrient.MAGNESIUM, 10, 100);
            }
            case GEL -> {
                boolean isotonic = random.nextDouble() < 0.25;
                double size = isotonic ? whole(random, 60, 100) : whole(random, 30, 60);
                serving = Amount.grams(size);
                if (isotonic) {
                    n.put(Nutrient.FLUID, round1(size * 0.7));
                }
                n.put(Nutrient.CARBOHYDRATE, tenth(random, 20, Math.min(50, size * 0.8)));
                n.put(Nutrient.SODIUM, whole(random, 0, 200));
                maybe(random, n, 0.5, Nutrient.POTASSIUM, 10, 100);
                maybe(random, n, 0.25, Nutrient.CAFFEINE, 20, 150);
            }
            case CHEW -> {
                double size = whole(random, 30, 60);
                serving = Amount.grams(size);
                n.put(Nutrient.CARBOHYDRATE, tenth(random, 20, Math.min(45, size * 0.9)));
                n.put(Nutrient.SODIUM, whole(random, 0, 200));
                maybe(random, n, 0.3, Nutrient.POTASSIUM, 10, 60);
                maybe(random, n, 0.15, Nutrient.CAFFEINE, 25, 100);
            }
            case BAR -> {
                double size = whole(random, 40, 70);
                serving = Amount.grams(size);
                macros(random, n, size, tenth(random, 20, 45), tenth(random, 3, 20), tenth(random, 2, 15));
                n.put(Nutrient.SODIUM, whole(random, 50, 300));
                n.put(Nutrient.POTASSIUM, whole(random, 50, 300));
                maybe(random, n, 0.3, Nutrient.MAGNESIUM, 10, 80);
                maybe(random, n, 0.2, Nutrient.CALCIUM, 20, 200);
            }
            case SHAKE -> {
                double ml = 250 + 10 * random.nextInt(26);
                serving = Amount.millilitres(ml);
                n.put(Nutrient.FLUID, round1(ml * 0.85));
                n.put(Nutrient.PROTEIN, tenth(random, 10, 30));
                n.put(Nutrient.CARBOHYDRATE, tenth(random, 5, 40));
                n.put(Nutrient.FAT, tenth(random, 0, 10));
                n.put(Nutrient.SODIUM, whole(random, 100, 400));
                n.put(Nutrient.POTASSIUM, whole(random, 200, 600));
                n.put(Nutrient.CALCIUM, whole(random, 200, 500));
            }
            default -> {
                double size = whole(random, 30, 200);
                serving = Amount.grams(size);
                macros(random, n, size, tenth(random, 0, 60), tenth(random, 0, 25), tenth(random, 0, 20));
                if (random.nextDouble() < 0.5) {
                    n.put(Nutrient.FLUID, tenth(random, 0, size * 0.8));
                }
                n.put(Nutrient.SODIUM, whole(random, 0, 800));
                n.put(Nutrient.POTASSIUM, whole(random, 0, 600));
                maybe(random, n, 0.5, Nutrient.MAGNESIUM, 5, 100);
                maybe(random, n, 0.5, Nutrient.CALCIUM, 5, 300);
            }
        }
        n.put(Nutrient.ENERGY, round1(4 * value(n, Nutrient.CARBOHYDRATE) + 4 * value(n, Nutrient.PROTEIN)
                + 9 * value(n, Nutrient.FAT)));
        // A few labels do not give potassium or magnesium: unknown, not zero.
        for (var nutrient : List.of(Nutrient.POTASSIUM, Nutrient.MAGNESIUM)) {
            if (value(n, nutrient) == 0 && random.nextDouble() < 0.3) {
                n.put(nutrient, null);
            }
        }

        var tags = new ArrayList<String>();
        tags.add(value(n, Nutrient.CAFFEINE) > 0 ? "caffeine" : "caffeine-free");
        if (random.nextDouble() < 0.3) {
            tags.add("vegan");
        }
        if (random.nextDouble() < 0.4) {
            tags.add("gluten-free");
        }
        Integer maxServings = random.nextDouble() < 0.15 ? 2 + random.nextInt(5) : null;
        Price price = random.nextDouble() < 0.7 ? new Price((50 + random.nextInt(351)) / 100.0, "USD") : null;
        var id = kind.jsonName() + "-" + index;
        return new Product(id, "Generated " + kind.jsonName() + " " + index, "Brand " + (char) ('A' + index % 26),
                kind, serving, n, tags, maxServings, price, "generated");
    }

    /** Carbohydrate, protein and fat, shrunk together when they would exceed the serving's mass. */
    private static void macros(SplittableRandom random, Map<Nutrient, Double> n, double size, double carbs,
                               double protein, double fat) {
        double sum = carbs + protein + fat;
        double shrink = sum > size * 0.95 ? size * 0.95 / sum : 1;
        n.put(Nutrient.CARBOHYDRATE, Math.floor(carbs * shrink * 10) / 10);
        if (protein > 0 || random.nextBoolean()) {
            n.put(Nutrient.PROTEIN, Math.floor(protein * shrink * 10) / 10);
        }
        if (fat > 0 || random.nextBoolean()) {
            n.put(Nutrient.FAT, Math.floor(fat * shrink * 10) / 10);
        }
    }

    /** 2–6 products with 1–3 servings each (within their maxServings); priced ones only for cost. */
    private static Map<Product, Integer> hiddenPlan(SplittableRandom random, List<Product> catalog, Objective objective) {
        var eligible = objective == Objective.COST
                ? catalog.stream().filter(product -> product.price() != null).toList()
                : catalog;
        if (eligible.isEmpty()) {
            eligible = catalog;
        }
        int size = Math.min(eligible.size(), 2 + random.nextInt(5));
        var hidden = new LinkedHashMap<Product, Integer>();
        while (hidden.size() < size) {
            var product = eligible.get(random.nextInt(eligible.size()));
            int servings = 1 + random.nextInt(3);
            if (product.maxServings() != null) {
                servings = Math.min(servings, product.maxServings());
            }
            hidden.putIfAbsent(product, servings);
        }
        return hidden;
    }

    /** Carbohydrate, then nutrients drawn by weight without repetition. */
    private static List<Nutrient> chooseNutrients(SplittableRandom random, int count) {
        var chosen = new ArrayList<Nutrient>();
        chosen.add(Nutrient.CARBOHYDRATE);
        var pool = new EnumMap<>(TARGET_WEIGHTS);
        while (chosen.size() < count) {
            int total = pool.values().stream().mapToInt(Integer::intValue).sum();
            int pick = random.nextInt(total);
            for (var entry : pool.entrySet()) {
                pick -= entry.getValue();
                if (pick < 0) {
                    chosen.add(entry.getKey());
                    pool.remove(entry.getKey());
                    break;
                }
            }
        }
        return chosen;
    }

    /**
     * A bound around the hidden plan's total: a min 75–95 % of it, a max 105–150 %. Caffeine and fat are
     * usually capped only; carbohydrate always has a min, so the empty plan never wins.
     */
    private static Target target(SplittableRandom random, Nutrient nutrient, double total) {
        boolean capOnly = nutrient == Nutrient.CAFFEINE || nutrient == Nutrient.FAT;
        if (total <= 0) {
            // The hidden plan has none: a cap the empty amount meets, so the request stays feasible.
            return Target.atMost(nutrient, capOnly && random.nextBoolean() ? 0 : whole(random, 10, 300));
        }
        double min = floor1(total * (0.75 + 0.2 * random.nextDouble()));
        double max = ceil1(total * (1.05 + 0.45 * random.nextDouble()));
        if (capOnly) {
            return random.nextDouble() < 0.8 ? Target.atMost(nutrient, max) : Target.between(nutrient, min, max);
        }
        double r = random.nextDouble();
        if (min <= 0 || (r >= 0.85 && nutrient != Nutrient.CARBOHYDRATE)) {
            return Target.atMost(nutrient, max);
        }
        return r < 0.6 ? Target.between(nutrient, min, max) : Target.atLeast(nutrient, min);
    }

    private static Map<Nutrient, Integer> weights() {
        var weights = new EnumMap<Nutrient, Integer>(Nutrient.class);
        weights.put(Nutrient.SODIUM, 6);
        weights.put(Nutrient.FLUID, 6);
        weights.put(Nutrient.POTASSIUM, 3);
        weights.put(Nutrient.CAFFEINE, 2);
        weights.put(Nutrient.PROTEIN, 2);
        weights.put(Nutrient.ENERGY, 2);
        weights.put(Nutrient.FAT, 1);
        weights.put(Nutrient.MAGNESIUM, 1);
        weights.put(Nutrient.CALCIUM, 1);
        return weights;
    }

    private static void maybe(SplittableRandom random, Map<Nutrient, Double> n, double probability,
                              Nutrient nutrient, int low, int high) {
        if (random.nextDouble() < probability) {
            n.put(nutrient, whole(random, low, high));
        }
    }

    private static double value(Map<Nutrient, Double> n, Nutrient nutrient) {
        var value = n.get(nutrient);
        return value == null ? 0 : value;
    }

    /** A whole number in [low, high]. */
    private static double whole(SplittableRandom random, double low, double high) {
        return Math.round(low + random.nextDouble() * (high - low));
    }

    /** A number with one decimal in [low, high]. */
    private static double tenth(SplittableRandom random, double low, double high) {
        return round1(low + random.nextDouble() * (high - low));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double floor1(double v) {
        return Math.floor(v * 10 + 1e-9) / 10.0;
    }

    private static double ceil1(double v) {
        return Math.ceil(v * 10 - 1e-9) / 10.0;
    }

    /** A well-spread seed from two numbers (SplitMix64 finaliser). */
    private static long mix(long seed, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

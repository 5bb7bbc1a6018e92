package nutriplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import nutriplan.api.catalogs.CatalogSnapshots;
import nutriplan.api.plans.PlanService;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogDiff;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Product;
import nutriplan.planner.reference.RandomInstances;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.store.Change;
import nutriplan.store.EmbeddedMongo;
import nutriplan.store.MongoCatalogStore;

/**
 * Catalog history (issue 29) on the embedded store: a generated, seeded catalog of 5,000 products edited into 1,000
 * versions (puts, deletes, a few imports), then, in the same run, the current-version read against an as-of read of an
 * old version, a diff of two distant versions (both read, then compared), and a plan pinned to the old version
 * ({@code bench@V} through the service's {@link CatalogSnapshots}) against a current-version plan; and the store
 * file's size. Run with {@code bench/history [--products 5000] [--versions 1000] [--samples 20] [--seed 29]}.
 */
public final class HistoryBenchmark {

    private static final Change BENCH = Change.by("bench");
    private static final OptionalLong ANY = OptionalLong.empty();
    private static final String NAME = "bench";

    public static void main(String[] args) throws IOException {
        int productCount = 5000;
        int versions = 1000;
        int samples = 20;
        long seed = 29;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--products" -> productCount = Bench.positive(args[i], args[i + 1]);
                case "--versions" -> versions = Bench.positive(args[i], args[i + 1]);
                case "--samples" -> samples = Bench.positive(args[i], args[i + 1]);
                case "--seed" -> seed = Bench.number(args[i], args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: bench/history [--products 5000] [--versions 1000] [--samples 20] [--seed 29]");
            }
        }
        var directory = Files.createTempDirectory("nutriplan-history-bench");
        var server = EmbeddedMongo.start(directory);
        var store = MongoCatalogStore.connect(server.connectionString(), Duration.ofSeconds(30), server::commit);
        try {
            run(store, server, directory, productCount, versions, samples, seed);
        } finally {
            store.close();
            server.close();
            Bench.delete(directory);
        }
    }

    private static void run(MongoCatalogStore store, EmbeddedMongo server, Path directory, int productCount,
                            int versions, int samples, long seed) {
        var random = new SplittableRandom(seed);
        var initial = RandomInstances.products(seed, productCount);
        var fresh = RandomInstances.products(seed + 1, versions + 1000);
        int freshUsed = 0;

        long start = System.nanoTime();
        store.create(NAME, initial, BENCH);
        double createMs = (System.nanoTime() - start) / 1e6;

        var current = new LinkedHashMap<String, Product>();
        initial.forEach(product -> current.put(product.id(), product));
        int puts = 0;
        int deletes = 0;
        int imports = 0;
        int imported = 0;
        double importMs = 0;
        long editStart = System.nanoTime();
        for (int version = 2; version <= versions; version++) {
            var ids = new ArrayList<>(current.keySet());
            if (version % 100 == 50) { // a few imports: 50 changed products and 50 new ones at once
                var batch = new ArrayList<Product>();
                for (int k = 0; k < 50; k++) {
                    batch.add(edited(current.get(ids.get(random.nextInt(ids.size()))), random, version));
                    batch.add(renamed(fresh.get(freshUsed++ % fresh.size()), "new-" + version + "-" + k));
                }
                var distinct = new LinkedHashMap<String, Product>();
                batch.forEach(product -> distinct.put(product.id(), product));
                long importStart = System.nanoTime();
                store.importProducts(NAME, List.copyOf(distinct.values()), BENCH, ANY);
                importMs += (System.nanoTime() - importStart) / 1e6;
                imported += distinct.size();
                distinct.values().forEach(product -> current.put(product.id(), product));
                imports++;
            } else if (random.nextInt(100) < 5) {
                var id = ids.get(random.nextInt(ids.size()));
                store.delete(NAME, id, BENCH, ANY);
                current.remove(id);
                deletes++;
            } else {
                var product = random.nextInt(5) == 0 ? renamed(fresh.get(freshUsed++ % fresh.size()), "new-" + version)
                        : edited(current.get(ids.get(random.nextInt(ids.size()))), random, version);
                store.put(NAME, product, BENCH, ANY);
                current.put(product.id(), product);
                puts++;
            }
        }
        double editS = (System.nanoTime() - editStart) / 1e9;
        long head = store.snapshot(NAME).version();
        long old = Math.max(1, head / 100); // version 10 of 1,000: an old one
        long fileAfterEdits = server.fileSize();

        System.out.printf(Locale.ROOT, "Catalog history on the embedded store (mongo-java-server + H2 MVStore, committed after"
                        + " each change): %,d generated products (seed %d), %,d versions (1 create, %d puts, %d deletes,"
                        + " %d imports of ~100); %d samples each, interleaved; Java %s, %d cores%n%n",
                productCount, seed, head, puts, deletes, imports, samples, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Building it: the create of %,d products %.1f s (%.2f ms a product); the imports"
                        + " %.2f ms a product (%d products); all %d edits %.1f s%n%n", productCount, createMs / 1000,
                createMs / productCount, importMs / Math.max(1, imported), imported, versions - 1, editS);

        var snapshots = CatalogSnapshots.load(store, 60_000);
        try {
            var planner = new PlanService();
            var base = RandomInstances.instance(seed, initial, 4, Objective.SERVINGS, false);
            long coldStart = System.nanoTime();
            var pinnedCatalog = snapshots.find(NAME + "@" + old);
            double pinnedColdMs = (System.nanoTime() - coldStart) / 1e6;
            if (pinnedCatalog == null || pinnedCatalog.version() != old) {
                throw new IllegalStateException("bench@" + old + " did not resolve to version " + old);
            }
            var diff = CatalogDiff.between(store.snapshot(NAME, 2).catalog(), store.snapshot(NAME, head).catalog());

            var rows = new LinkedHashMap<String, double[]>();
            rows.put("current-version read (snapshot)", new double[samples]);
            rows.put("as-of read of version " + old, new double[samples]);
            rows.put("diff 2 → " + head + " (two reads + CatalogDiff)", new double[samples]);
            rows.put("CatalogDiff alone (held snapshots)", new double[samples]);
            var currentPlan = new double[samples];
            var pinnedPlan = new double[samples];
            var row = new ArrayList<>(rows.values());
            var held2 = store.snapshot(NAME, 2).catalog();
            var heldHead = store.snapshot(NAME).catalog();
            for (int i = 0; i < 3; i++) { // warm-up
                store.snapshot(NAME);
                store.snapshot(NAME, old);
                plan(planner, base, () -> snapshots.find(NAME));
                plan(planner, base, () -> snapshots.find(NAME + "@" + old));
            }
            for (int i = 0; i < samples; i++) {
                row.get(0)[i] = time(() -> store.snapshot(NAME));
                row.get(1)[i] = time(() -> store.snapshot(NAME, old));
                row.get(2)[i] = time(() -> CatalogDiff.between(store.snapshot(NAME, 2).catalog(),
                        store.snapshot(NAME, head).catalog()));
                row.get(3)[i] = time(() -> CatalogDiff.between(held2, heldHead));
                currentPlan[i] = time(() -> plan(planner, base, () -> snapshots.find(NAME)));
                pinnedPlan[i] = time(() -> plan(planner, base, () -> snapshots.find(NAME + "@" + old)));
            }
            double readMedian = Bench.percentile(row.get(0), 50);
            double planMedian = Bench.percentile(currentPlan, 50);
            System.out.println("| operation | median ms | p99 ms | median × current read |");
            System.out.println("| --- | ---: | ---: | ---: |");
            rows.forEach((label, ms) -> System.out.println(line(label, ms, readMedian)));
            System.out.println(line("current-version plan (`bench`)", currentPlan, readMedian));
            System.out.println(line("pinned plan (`bench@" + old + "`, cache warm)", pinnedPlan, readMedian));
            System.out.printf(Locale.ROOT, "%nThe diff holds %,d changed products. The pinned plan's first read"
                            + " (cache cold) %.1f ms; a pinned plan's median is %.2f × the current plan's."
                            + " Plans: 4 nutrients, servings, auto solver.%n", diff.changes().size(), pinnedColdMs,
                    Bench.percentile(pinnedPlan, 50) / planMedian);
            System.out.printf(Locale.ROOT, "Store file (%s): %s after the edits, %s now%n", EmbeddedMongo.FILE_NAME,
                    Bench.mib(fileAfterEdits), Bench.mib(server.fileSize()));
        } finally {
            snapshots.close();
        }
    }

    private static Object plan(PlanService planner, PlanRequest base, Supplier<Catalog> catalog) {
        var request = new PlanRequest(base.targets(), catalog.get(), base.selection(), base.required(), base.limits(),
                base.objective(), base.solver(), base.timeLimitMs(), base.alternatives(), base.unknownUnderMax(),
                base.concentration());
        return planner.plan(request);
    }

    private static double time(Supplier<?> work) {
        long start = System.nanoTime();
        if (work.get() == null) {
            throw new IllegalStateException("a measured call returned nothing");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static String line(String label, double[] ms, double readMedian) {
        double median = Bench.percentile(ms, 50);
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |", label, median, Bench.percentile(ms, 99),
                median / readMedian);
    }

    /** The product with a new name and 90–100 % of its carbohydrate: a change in two fields. */
    private static Product edited(Product p, SplittableRandom random, int version) {
        var nutrients = new EnumMap<Nutrient, Double>(Nutrient.class);
        nutrients.putAll(p.nutrients());
        nutrients.computeIfPresent(Nutrient.CARBOHYDRATE, (nutrient, value) -> value * (0.9 + random.nextDouble() * 0.1));
        return new Product(p.id(), p.name().replaceAll(" v[0-9]+$", "") + " v" + version, p.brand(), p.kind(), p.serving(),
                nutrients, p.tags(), p.maxServings(), p.price(), p.source(), p.preparation(), p.carbohydrateType(), p.use());
    }

    private static Product renamed(Product p, String id) {
        return new Product(id, p.name(), p.brand(), p.kind(), p.serving(), p.nutrients(), p.tags(), p.maxServings(),
                p.price(), p.source(), p.preparation(), p.carbohydrateType(), p.use());
    }
}

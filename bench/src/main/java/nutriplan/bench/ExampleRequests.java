package nutriplan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.plans.PlanRequestJson;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.planner.reference.RandomInstances.Instance;

/**
 * The {@code data/requests} examples, read with the service's own reader ({@link PlanRequestJson}) against
 * the catalogs of {@code data/catalogs}; a request the reader refuses is skipped with the reason.
 *
 * @param catalogs the catalogs the examples use, for the table ("default catalog")
 */
public record ExampleRequests(List<Instance> instances, String catalogs, List<String> skipped) {

    public static final ExampleRequests NONE = new ExampleRequests(List.of(), "", List.of());

    public static ExampleRequests load(Path data) {
        var catalogs = new HashMap<String, Catalog>();
        for (var file : jsonFiles(data.resolve("catalogs"))) {
            var checked = CatalogFiles.read(file);
            if (!checked.isValid()) {
                throw new IllegalStateException(file + " has errors: " + checked.findings()
                        + "\nMaybe run ./nutriplan check-catalog " + file);
            }
            catalogs.put(checked.catalog().name(), checked.catalog());
        }
        var instances = new ArrayList<Instance>();
        var skipped = new ArrayList<String>();
        var used = new TreeSet<String>();
        for (var file : jsonFiles(data.resolve("requests"))) {
            try {
                var request = PlanRequestJson.read(Files.readAllBytes(file), Catalogs.of(List.copyOf(catalogs.values())));
                instances.add(new Instance(file.getFileName().toString(), request));
                used.add(request.catalog().name() + " catalog");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidInputException e) {
                skipped.add(file + ": " + e.getMessage() + ": " + e.errors().stream()
                        .map(error -> error.field() + ": " + error.message()).toList());
            } catch (RuntimeException e) {
                skipped.add(file + ": " + e.getMessage());
            }
        }
        return new ExampleRequests(instances, String.join(", ", used), skipped);
    }

    private static List<Path> jsonFiles(Path directory) {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory
                    + "; maybe run from the repository root or pass --data DIR", e);
        }
    }
}

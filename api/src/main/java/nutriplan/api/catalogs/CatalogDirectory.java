package nutriplan.api.catalogs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.Finding;

/**
 * Every catalog file of a directory ({@code data/catalogs/*.json}), loaded and checked at construction,
 * keyed by the {@code name} inside each file. Immutable once built.
 *
 * <p>It fails fast: a directory that is missing, or holds one catalog with errors, is refused whole,
 * because planning against a catalog that silently lost products would give wrong plans. Warnings
 * (implausibilities a maintainer should look at) do not stop loading.
 */
public final class CatalogDirectory implements Catalogs {

    /** Where the catalogs live, relative to the working directory: the project's {@code data/catalogs}. */
    public static final Path IN_WORKING_DIRECTORY = Path.of("data", "catalogs");

    private final Map<String, Catalog> catalogsByName;

    /**
     * Loads every {@code *.json} file of the directory.
     *
     * @throws CatalogDirectoryException when the directory cannot be read, a file has errors, two files
     *                                   share a name, or a file claims the name reserved for inline catalogs
     */
    public CatalogDirectory(Path directory) {
        this.catalogsByName = load(directory);
    }

    /** The catalogs in {@code data/catalogs} under the working directory. */
    public static CatalogDirectory inWorkingDirectory() {
        return new CatalogDirectory(IN_WORKING_DIRECTORY);
    }

    @Override
    public Catalog find(String name) {
        return catalogsByName.get(name);
    }

    @Override
    public List<Catalog> all() {
        return List.copyOf(catalogsByName.values());
    }

    public Set<String> names() {
        return catalogsByName.keySet();
    }

    private static Map<String, Catalog> load(Path directory) {
        var catalogs = new LinkedHashMap<String, Catalog>();
        for (var file : catalogFiles(directory)) {
            var catalog = checkedCatalog(file);
            if (catalog.name().equals(INLINE_CATALOG)) {
                throw new CatalogDirectoryException(file + ": the name \"" + INLINE_CATALOG
                        + "\" is reserved for catalogs sent inside a plan request; rename the catalog");
            }
            var previous = catalogs.putIfAbsent(catalog.name(), catalog);
            if (previous != null) {
                throw new CatalogDirectoryException(file + ": another file in " + directory
                        + " already holds a catalog named \"" + catalog.name() + "\"");
            }
        }
        return Collections.unmodifiableMap(catalogs);
    }

    private static List<Path> catalogFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CatalogDirectoryException("no catalog directory at " + directory.toAbsolutePath().normalize()
                    + "; run nutriplan from the project directory, which holds data/catalogs");
        }
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new CatalogDirectoryException("cannot list " + directory + ": " + e.getMessage());
        }
    }

    private static Catalog checkedCatalog(Path file) {
        var checked = CatalogFiles.read(file);
        if (!checked.isValid()) {
            var errors = checked.findings().stream().filter(Finding::isError)
                    .map(finding -> finding.toLine(file.toString())).collect(Collectors.joining("\n"));
            throw new CatalogDirectoryException(file + " is not a valid catalog (check-catalog shows the same):\n" + errors);
        }
        return checked.catalog();
    }
}

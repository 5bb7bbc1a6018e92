package nutriplan.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.catalog.json.Json;

/**
 * The example plan requests of {@code data/requests}, which the build copies into the jar: the web form offers
 * them as presets, so they work wherever the jar runs. Read once; {@code DataRequestsTest} proves each one valid.
 */
final class Presets {

    /** A preset: the file's name without {@code .json}, its one-line description, and the plan request itself. */
    record Preset(String name, String description, ObjectNode request) {
    }

    /** Where the build puts the files ({@code api/pom.xml}). */
    static final String RESOURCE_FOLDER = "nutriplan/presets/";

    private final List<Preset> presets;

    private Presets(List<Preset> presets) {
        this.presets = List.copyOf(presets);
    }

    static Presets load() {
        var presets = new ArrayList<Preset>();
        for (var file : fileNames()) {
            var request = read(RESOURCE_FOLDER + file);
            presets.add(new Preset(file.substring(0, file.length() - ".json".length()),
                    request.path("description").asText(""), request));
        }
        return new Presets(presets);
    }

    List<Preset> all() {
        return presets;
    }

    /** The {@code *.json} files of the folder, sorted, from a directory (tests, IDE) or from the jar. */
    private static List<String> fileNames() {
        URL folder = Presets.class.getClassLoader().getResource(RESOURCE_FOLDER);
        if (folder == null) {
            throw new IllegalStateException(RESOURCE_FOLDER + " is not on the classpath; the build copies data/requests"
                    + " there (api/pom.xml). Maybe the jar was built without its resources?");
        }
        var names = new ArrayList<String>();
        try {
            if (folder.getProtocol().equals("jar")) {
                var connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(false);
                try (var jar = connection.getJarFile()) {
                    jar.stream().map(entry -> entry.getName())
                            .filter(name -> name.startsWith(RESOURCE_FOLDER) && name.endsWith(".json") && name.indexOf('/', RESOURCE_FOLDER.length()) < 0)
                            .forEach(name -> names.add(name.substring(RESOURCE_FOLDER.length())));
                }
            } else {
                try (var files = Files.list(Path.of(folder.toURI()))) {
                    files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
        Collections.sort(names);
        return names;
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode node = Json.MAPPER.readTree(in);
            if (!(node instanceof ObjectNode request)) {
                throw new IllegalStateException(resource + " is not a JSON object");
            }
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

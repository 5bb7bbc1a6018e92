package nutriplan.api.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;

/**
 * Each operation's query parameters as the OpenAPI document declares them, checked before its handler: a parameter
 * the document does not declare is a 400 naming it, never silently ignored (a caller who sends {@code ?version=1}
 * to a route that has no versions must not believe it got version 1). The document is the one source: a route that
 * takes a new parameter declares it in its {@code @OpenApi} annotation, and the check follows.
 */
public final class QueryParameters {

    /** "GET /api/v1/catalogs/{catalog}/products" → its parameters' names. */
    private final Map<String, Set<String>> declared;

    private QueryParameters(Map<String, Set<String>> declared) {
        this.declared = Map.copyOf(declared);
    }

    /** The query parameters of every operation of this OpenAPI document (JSON text). */
    public static QueryParameters of(String document) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
        var declared = new HashMap<String, Set<String>>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            var names = new TreeSet<String>();
            operation.getValue().path("parameters").forEach(parameter -> {
                if (parameter.path("in").asText().equals("query")) {
                    names.add(parameter.path("name").asText());
                }
            });
            declared.put(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), names);
        }));
        return new QueryParameters(declared);
    }

    /**
     * Before a matched route: refuses the parameters its operation does not declare.
     *
     * @throws InvalidInputException naming each unknown parameter and the ones the route takes
     */
    public void check(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null || ctx.queryParamMap().isEmpty()) {
            return; // the web form's files, and requests without parameters
        }
        var known = declared.getOrDefault(endpoint.method.name() + " " + endpoint.path, Set.of());
        var findings = Findings.create();
        ctx.queryParamMap().keySet().stream().filter(name -> !known.contains(name)).sorted().forEach(name ->
                findings.error(name.length() <= 40 ? name : name.substring(0, 40) + "…", known.isEmpty()
                        ? "unknown query parameter: this route takes none"
                        : "unknown query parameter; known: " + String.join(", ", known)));
        if (findings.hasErrors()) {
            throw new InvalidInputException("unknown query parameters are refused, never ignored", findings.all());
        }
    }
}

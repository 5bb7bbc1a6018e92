package nutriplan.api.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import nutriplan.api.web.WebJars;

/**
 * Swagger UI's files from the WebJar in the jar, served at {@code /swagger}: no outside calls, works offline.
 * Only the files the page needs are served, read once; the page and its start script are ours, so that the
 * page holds no inline script and runs under a strict Content-Security-Policy.
 */
final class SwaggerUi {

    /** A file to serve: its bytes and content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>nutriplan API</title>
              <link rel="stylesheet" href="/swagger/swagger-ui.css">
              <link rel="icon" type="image/png" href="/swagger/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/swagger/swagger-ui-bundle.js"></script>
              <script src="/swagger/init.js"></script>
            </body>
            </html>
            """;

    /** The validator is off (it would call validator.swagger.io); the document is ours, at /openapi.json. */
    static final String INIT_SCRIPT = """
            window.ui = SwaggerUIBundle({
              url: "/openapi.json",
              dom_id: "#swagger-ui",
              validatorUrl: null,
              deepLinking: true
            });
            """;

    private final Map<String, Asset> assets;

    private SwaggerUi(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /** Reads the files from the WebJar on the classpath. */
    static SwaggerUi load() {
        var root = WebJars.root("org.webjars", "swagger-ui");
        var assets = new LinkedHashMap<String, Asset>();
        assets.put("swagger-ui.css", new Asset(resource(root + "swagger-ui.css"), "text/css; charset=utf-8"));
        assets.put("swagger-ui-bundle.js", new Asset(resource(root + "swagger-ui-bundle.js"), "text/javascript; charset=utf-8"));
        assets.put("favicon-32x32.png", new Asset(resource(root + "favicon-32x32.png"), "image/png"));
        assets.put("init.js", new Asset(INIT_SCRIPT.getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8"));
        return new SwaggerUi(assets);
    }

    /** The file with this name, or null when it is not one of the page's. */
    Asset asset(String name) {
        return assets.get(name);
    }

    private static byte[] resource(String name) {
        try (InputStream in = resourceStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static InputStream resourceStream(String name) {
        var in = SwaggerUi.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath; the org.webjars:swagger-ui dependency"
                    + " brings it. Maybe the jar was built without it?");
        }
        return in;
    }
}

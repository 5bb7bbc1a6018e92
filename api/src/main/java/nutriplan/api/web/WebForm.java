package nutriplan.api.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import nutriplan.api.web.WebJars;

/**
 * The dietitians' web form: plain HTML, CSS and JavaScript modules from {@code src/main/resources/web}, served at
 * {@code /} (the page is {@code /index.html}), and Chart.js from its WebJar at {@code /vendor/chartjs/}. Everything
 * comes from this origin, so the page works offline and under the service's Content-Security-Policy. These are
 * static files, not routes: the OpenAPI document describes the API, not the page.
 */
public final class WebForm {

    /** Where Chart.js is served; the page loads {@code /vendor/chartjs/dist/chart.umd.min.js}. */
    public static final String CHART_JS = "/vendor/chartjs";

    private WebForm() {
    }

    public static void serve(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            // The files change with the jar: a browser checks each time (the ETag makes that cheap).
            files.headers.put("Cache-Control", "no-cache");
        });
        config.staticFiles.add(files -> {
            files.hostedPath = CHART_JS;
            files.directory = "/" + WebJars.root("org.webjars.npm", "chart.js");
            files.location = Location.CLASSPATH;
            files.headers.put("Cache-Control", "public, max-age=86400");
        });
    }
}

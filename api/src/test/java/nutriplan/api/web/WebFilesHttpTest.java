package nutriplan.api.web;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nutriplan.api.service.TestService;
import nutriplan.catalog.json.Json;

/** The web form's files, Chart.js and the presets over real HTTP: same origin, under the service's security headers. */
class WebFilesHttpTest {

    @RegisterExtension
    static final TestService service = TestService.start();

    @Test
    void the_page_is_served_at_the_root_with_the_content_security_policy() {
        var page = service.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/js/app.js\"></script>")
                .doesNotContain("<script>", " onclick=", " style=\"", "http://", "https://");
    }

    @Test
    void scripts_are_javascript_and_chart_js_comes_from_the_jar_with_its_licence() {
        var app = service.get("/js/app.js");
        var chart = service.get(WebForm.CHART_JS + "/dist/chart.umd.min.js");
        var licence = service.get(WebForm.CHART_JS + "/LICENSE.md");

        assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).startsWith("/*!\n * Chart.js v4.");
        assertThat(licence.body()).contains("The MIT License");
    }

    @Test
    void nothing_outside_the_web_folder_is_served() {
        assertThat(service.get("/web/index.html").statusCode()).isEqualTo(404);
        assertThat(service.get("/nutriplan/presets/run-60-min.json").statusCode()).isEqualTo(404);
        assertThat(service.get("/simplelogger.properties").statusCode()).isEqualTo(404);
        assertThat(service.get("/js/../simplelogger.properties").statusCode()).isEqualTo(404);
        assertThat(service.get("/js/%2e%2e/simplelogger.properties").statusCode()).isIn(400, 404);
    }

    @Test
    void the_presets_are_the_example_requests_with_their_descriptions() throws IOException {
        var presets = json(service.get(PresetRoutes.PRESETS)).path("presets");
        var file = Path.of("..", "data", "requests", "run-60-min.json");

        assertThat(presets).hasSizeGreaterThanOrEqualTo(10);
        var run = presets.findParents("name").stream().filter(preset -> preset.path("name").asText().equals("run-60-min")).findFirst().orElseThrow();
        assertThat(run.path("request")).isEqualTo(Json.MAPPER.readTree(Files.readAllBytes(file)));
        assertThat(run.path("description").asText()).isEqualTo(run.path("request").path("description").asText()).isNotBlank();
    }
}

package nutriplan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.plans.PlanFixtures;
import nutriplan.catalog.json.Json;

class PlanCommandTest {

    /** 2 drinks give 60 g carbohydrate and 600 mg sodium: the only 2-serving plan. */
    private static final String FEASIBLE = """
            {"description": "a small test", "targets": {"carbohydrate": {"min": "60 g"}, "sodium": {"min": "500 mg"}}}""";

    @TempDir
    Path directory;
    private Path catalogs;
    private String stdin = "";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void storeTheFixtureCatalogAsDefault() throws IOException {
        catalogs = Files.createDirectory(directory.resolve("catalogs"));
        Files.writeString(catalogs.resolve("default.json"), PlanFixtures.CATALOG_FILE);
    }

    private int run(String... arguments) {
        var command = new PlanCommand(catalogs, () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String file(String json) throws IOException {
        return Files.writeString(directory.resolve("request.json"), json).toString();
    }

    private JsonNode output() throws IOException {
        return Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_plan_exits_0_and_prints_the_response() throws IOException {
        int exit = run(file(FEASIBLE));

        assertThat(exit).isZero();
        var response = output();
        assertThat(response.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(response.at("/items/0/product").asText()).isEqualTo("drink");
        assertThat(response.at("/items/0/servings").asInt()).isEqualTo(2);
        assertThat(response.at("/totals/sodium/amount").asDouble()).isEqualTo(600.0);
        assertThat(response.at("/catalog/version").asInt()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void the_output_is_pretty_printed() throws IOException {
        run(file(FEASIBLE));

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\n  \"status\": \"OPTIMAL\",\n");
    }

    @Test
    void a_dash_reads_the_request_from_stdin() throws IOException {
        stdin = FEASIBLE;

        assertThat(run("-")).isZero();
        assertThat(output().get("status").asText()).isEqualTo("OPTIMAL");
    }

    @Test
    void an_inline_catalog_needs_no_catalog_directory() throws IOException {
        catalogs = directory.resolve("missing");
        var request = FEASIBLE.replace("{\"description\"", "{\"products\": " + PlanFixtures.PRODUCTS + ", \"description\"");

        assertThat(run(file(request))).isZero();
        assertThat(output().at("/catalog/name").asText()).isEqualTo("inline");
    }

    @Test
    void a_request_with_a_schedule_prints_the_plan_and_its_schedule() throws IOException {
        int exit = run(file(FEASIBLE.replace("{\"description\"", "{\"durationMin\": 90, \"schedule\": {\"intervalMin\": 15}, \"description\"")));

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        var response = output();
        assertThat(response.get("schedule")).hasSize(6);
        assertThat(response.at("/scheduleInfo/feasible").asBoolean()).isTrue();
    }

    @Test
    void a_session_too_short_exits_3_and_prints_the_422_unschedulable_body() throws IOException {
        int exit = run(file("{\"targets\": {\"carbohydrate\": {\"min\": \"200 g\"}}, \"durationMin\": 60, \"schedule\": {}}"));

        assertThat(exit).isEqualTo(3);
        var response = output();
        assertThat(response.get("error").asText()).isEqualTo("unschedulable");
        assertThat(response.at("/details/0/message").asText()).contains("by 140 g");
    }

    @Test
    void an_infeasible_request_exits_3_and_prints_the_422_body() throws IOException {
        int exit = run(file("{\"targets\": {\"carbohydrate\": {\"min\": \"200 g\"}}, \"limits\": {\"maxServings\": 2},"
                + " \"timeLimitMs\": 10000}"));

        assertThat(exit).isEqualTo(3);
        var response = output();
        assertThat(response.get("error").asText()).isEqualTo("infeasible");
        assertThat(response.get("message").asText()).isNotBlank();
        assertThat(response.get("details").isArray()).isTrue();
    }

    @Test
    void an_invalid_request_exits_2_and_prints_the_400_body_naming_every_faulty_field() throws IOException {
        int exit = run(file("""
                {"targets": {"fluid": {"min": "3 kg"}, "sodium": {"min": "1 g", "max": "500 mg"}},
                 "limits": {"maxProducts": 1.5}, "require": ["unicorn"], "colour": "red"}"""));

        assertThat(exit).isEqualTo(2);
        var response = output();
        assertThat(response.get("error").asText()).isEqualTo("invalid_request");
        assertThat(response.get("details").findValuesAsText("field"))
                .containsExactly("colour", "targets.fluid.min", "targets.sodium", "require[0]", "limits.maxProducts");
    }

    @Test
    void malformed_json_exits_2_with_a_400_body() throws IOException {
        assertThat(run(file("{\"targets\": "))).isEqualTo(2);
        assertThat(output().at("/details/0/field").isNull()).isTrue();
        assertThat(output().get("message").asText()).startsWith("the body is not valid JSON");
    }

    @Test
    void an_unknown_catalog_exits_2_with_the_404_body() throws IOException {
        assertThat(run(file("{\"targets\": {\"sodium\": {\"min\": 1}}, \"catalog\": \"trial\"}"))).isEqualTo(2);
        assertThat(output().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void an_inline_catalog_over_5000_products_exits_2_with_the_413_body() throws IOException {
        var products = "[" + String.join(",", java.util.Collections.nCopies(5001, "{}")) + "]";

        assertThat(run(file("{\"targets\": {\"sodium\": {\"min\": 1}}, \"products\": " + products + "}"))).isEqualTo(2);
        assertThat(output().get("error").asText()).isEqualTo("too_large");
    }

    @Test
    void the_timefold_solver_plans_too() throws IOException {
        assertThat(run(file(FEASIBLE.replace("{\"description\"", "{\"solver\": \"timefold\", \"description\"")))).isZero();
        assertThat(output().get("solver").asText()).isEqualTo("timefold");
        assertThat(output().get("items")).isNotEmpty();
    }

    @Test
    void an_unreadable_file_exits_2_with_a_message_on_stderr() {
        int exit = run(directory.resolve("no-such.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("plan: cannot read ").contains("no-such.json");
    }

    @Test
    void no_file_is_a_usage_error() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: plan FILE|-");
    }

    @Test
    void a_missing_catalog_directory_exits_1_and_says_where_it_looked() throws IOException {
        catalogs = directory.resolve("missing");

        assertThat(run(file(FEASIBLE))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("plan: no catalog directory at ").contains("missing");
    }

    @Test
    void an_invalid_stored_catalog_exits_1_naming_the_file_and_the_fault() throws IOException {
        Files.writeString(catalogs.resolve("default.json"), PlanFixtures.CATALOG_FILE.replace("\"fluid\": \"500 mL\"", "\"fluid\": \"3 kg\""));

        assertThat(run(file(FEASIBLE))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("default.json: drink: nutrients.fluid: error: \"3 kg\" is a mass");
    }
}

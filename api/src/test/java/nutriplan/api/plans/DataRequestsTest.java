package nutriplan.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nutriplan.api.catalogs.CatalogDirectory;
import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.errors.ErrorJson;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;
import nutriplan.planner.plan.PlanStatus;

/** The example requests in data/requests are tested like code: each reads without faults and is solved, proven optimal. */
class DataRequestsTest {

    static final Path DATA = Path.of("..", "data");
    private static final CatalogDirectory CATALOGS = new CatalogDirectory(DATA.resolve("catalogs"));
    private static final PlanService PLANNER = new PlanService();

    static Stream<Path> requestFiles() throws IOException {
        try (var files = Files.list(DATA.resolve("requests"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestFiles")
    void every_request_has_a_one_line_description(Path file) throws IOException {
        var description = Json.MAPPER.readTree(Files.readAllBytes(file)).get("description");

        assertThat(description).as("description of %s", file).isNotNull();
        assertThat(description.isTextual()).as("description of %s is a string", file).isTrue();
        assertThat(description.textValue()).as("description of %s", file).isNotBlank().doesNotContain("\n", "\r");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestFiles")
    void every_request_reads_without_faults_and_is_solved_optimally_on_the_default_catalog(Path file) throws IOException {
        var body = Files.readAllBytes(file);
        var request = readOrExplain(file, body);

        // Proven optimal within the request's own time limit, warm: the first solve of a JVM also loads the solvers'
        // classes (up to half a second on 2 loaded cores), which says nothing about the request.
        PLANNER.plan(request);
        var result = PLANNER.plan(request);

        assertThat(request.catalog().name()).isEqualTo("default");
        assertThat(result.status()).as("status of %s (%s)", file, result.warnings()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(result.plan().violations(request)).isEmpty();
    }

    /** The request, or a failure that prints the 400 body, so the faulty fields show in the test report. */
    private static nutriplan.planner.request.PlanRequest readOrExplain(Path file, byte[] body) {
        try {
            return PlanRequestJson.read(body, CATALOGS);
        } catch (InvalidInputException e) {
            throw new AssertionError(file + " does not read: " + ErrorJson.of(e).body().toPrettyString(), e);
        }
    }
}

package nutriplan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nutriplan.api.access.keys.ApiKey;
import nutriplan.api.service.StoreSettings;
import nutriplan.api.service.TestService;

/** {@code keys}: API keys made, listed, rotated and revoked on the store while the service is stopped, then used. */
class KeysCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int keys(String... arguments) {
        out.reset();
        err.reset();
        return new KeysCommand(Map.of("NUTRIPLAN_DATA_DIR", data.toString()), Clock.systemUTC()).run(List.of(arguments),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void a_key_made_offline_is_the_last_line_and_works_once_the_service_runs_on_that_store() {
        assertThat(keys("create", "--name", "trial editor", "--role", "editor", "--catalogs", "trial,default",
                "--expires", "30d")).isEqualTo(0);
        var key = lines().getLast();
        var id = ApiKey.parse(key).orElseThrow().id();

        assertThat(keys("list")).isEqualTo(0);
        assertThat(lines()).singleElement().asString().contains(id, "active", "editor", "\"trial editor\"",
                "catalogs=default,trial").doesNotContain(key);

        try (var service = TestService.start(TestService.settings().withStore(StoreSettings.embedded(data)))) {
            var change = service.send(service.as(key, "/api/v1/catalogs/default/products/cola-12oz").DELETE().build());
            assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
            var elsewhere = service.send(service.as(key, "/api/v1/catalogs/other/products/x").DELETE().build());
            assertThat(elsewhere.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void rotate_prints_the_new_key_last_and_revoke_stops_it() {
        keys("create", "--name", "api", "--role", "planner");
        var old = ApiKey.parse(lines().getLast()).orElseThrow();

        assertThat(keys("rotate", old.id(), "--grace", "0s")).isEqualTo(0);
        var replacement = ApiKey.parse(lines().getLast()).orElseThrow();
        assertThat(replacement.id()).isNotEqualTo(old.id());

        assertThat(keys("revoke", replacement.id())).isEqualTo(0);
        assertThat(keys("list")).isEqualTo(0);
        assertThat(String.join("\n", lines())).contains(old.id() + "  expired", replacement.id() + "  revoked");
        assertThat(keys("revoke", replacement.id())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not revoked already");
    }

    @Test
    void bad_arguments_exit_2_saying_what_was_expected_and_open_no_store() {
        assertThat(keys("create", "--name", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--name and --role are required");
        assertThat(keys("create", "--name", "x", "--role", "owner")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("planner, editor, admin, monitor");
        assertThat(keys("create", "--name", "x", "--role", "planner", "--expires", "soon")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--expires: expected a period");
        assertThat(keys("revoke")).isEqualTo(2);
        assertThat(keys("burn")).isEqualTo(2);
        assertThat(keys()).isEqualTo(2);
        assertThat(keys("rotate", "nosuchkey123")).isEqualTo(1);
    }

    @Test
    void generate_prints_a_fresh_key_for_the_admin_seed() {
        assertThat(keys("generate")).isEqualTo(0);
        assertThat(ApiKey.parse(lines().getLast())).isPresent();
    }
}

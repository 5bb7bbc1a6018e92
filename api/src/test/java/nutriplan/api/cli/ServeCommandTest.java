package nutriplan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code serve} refuses to start, with a message and an exit code, when it cannot run. */
class ServeCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int serve(Map<String, String> environment, List<String> arguments) {
        return new ServeCommand(environment).run(arguments, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void bad_settings_exit_2_naming_each() {
        int exit = serve(Map.of("PORT", "-1", "SOLVER_QUEUE_SIZE", "many"), List.of());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PORT=\"-1\"", "SOLVER_QUEUE_SIZE=\"many\"");
    }

    @Test
    void a_missing_catalog_directory_exits_1_saying_where_it_looked() {
        int exit = serve(Map.of("CATALOG_DIR", "no/such/dir", "PORT", "0"), List.of());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no catalog directory at", "no/such/dir");
    }

    @Test
    void arguments_are_a_usage_error() {
        assertThat(serve(Map.of(), List.of("--port", "8080"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("environment variables such as PORT=8080");
    }
}

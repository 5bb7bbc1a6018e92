package nutriplan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void help_lists_the_serve_plan_and_check_catalog_commands() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exit = Main.standard().run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("plan FILE|-", "exit 0 on a plan, 3 when infeasible, 2 on an invalid request")
                .contains("check-catalog [--strict] [--dominated] FILE...")
                .contains("serve ", "run the HTTP service (the default command)", "PORT")
                .contains("(no command: serve)");
    }
}

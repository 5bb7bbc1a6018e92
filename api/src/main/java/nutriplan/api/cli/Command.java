package nutriplan.api.cli;

import java.io.PrintStream;
import java.util.List;

/** One command of the command line: {@code check-catalog}, {@code plan}, {@code serve}. */
public interface Command {

    /** Exit code for a usage error: wrong arguments. */
    int USAGE = 2;

    String name();

    /** The arguments it takes, for --help: "[--strict] FILE...". */
    String arguments();

    /** One line for --help. */
    String summary();

    /**
     * Runs the command.
     *
     * @return the process exit code
     */
    int run(List<String> arguments, PrintStream out, PrintStream err);
}

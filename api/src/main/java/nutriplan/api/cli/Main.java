package nutriplan.api.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import nutriplan.api.cli.CheckCatalogCommand;
import nutriplan.api.cli.Command;
import nutriplan.api.cli.PlanCommand;
import nutriplan.api.cli.ServeCommand;

/** The command line: {@code java -jar nutriplan.jar [COMMAND ...]}; without a command, the service. */
public final class Main {

    private final List<Command> commands;

    Main(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    /** The commands that work in this build; --help lists them. */
    static Main standard() {
        return new Main(List.of(new ServeCommand(), new PlanCommand(), new CheckCatalogCommand(),
                new KeysCommand(), new CatalogCommand()));
    }

    public static void main(String[] args) {
        System.exit(standard().run(Arrays.asList(args), System.out, System.err));
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            return run(List.of(commands.get(0).name()), out, err); // no command: the first, the service
        }
        if (args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            printHelp(out);
            return 0;
        }
        for (var command : commands) {
            if (command.name().equals(args.get(0))) {
                return command.run(args.subList(1, args.size()), out, err);
            }
        }
        err.println("nutriplan: unknown command \"" + args.get(0) + "\"");
        printHelp(err);
        return Command.USAGE;
    }

    private void printHelp(PrintStream out) {
        out.println("usage: java -jar nutriplan.jar [COMMAND [ARGUMENTS]]   (no command: serve)");
        out.println();
        out.println("commands:");
        for (var command : commands) {
            out.printf("  %s %s%n      %s%n", command.name(), command.arguments(), command.summary());
        }
        out.println("  --help");
        out.println("      show this help");
    }
}

package nutriplan.api.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import io.javalin.util.JavalinException;

import nutriplan.api.catalogs.CatalogDirectoryException;
import nutriplan.api.cli.Command;
import nutriplan.api.service.InvalidSettingsException;
import nutriplan.api.service.NutriplanApp;
import nutriplan.api.service.ServiceSettings;
import nutriplan.store.StoreUnavailableException;

/**
 * {@code serve} (and no command at all): runs the service until the process is told to stop (Ctrl-C, SIGTERM),
 * then stops gracefully. Settings come from environment variables ({@link ServiceSettings#VARIABLES}).
 * Exit 2 on bad settings, 1 when the catalogs cannot be loaded or the port cannot be bound.
 */
public final class ServeCommand implements Command {

    private final Map<String, String> environment;

    public ServeCommand() {
        this(System.getenv());
    }

    public ServeCommand(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "run the HTTP service (the default command); settings from environment variables: "
                + String.join(", ", ServiceSettings.VARIABLES);
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty()) {
            err.println("serve: takes no arguments; settings come from environment variables such as PORT=8080");
            return USAGE;
        }
        NutriplanApp app;
        try {
            app = NutriplanApp.create(ServiceSettings.fromEnvironment(environment)).start();
        } catch (InvalidSettingsException e) {
            err.println("serve: " + e.getMessage());
            return USAGE;
        } catch (CatalogDirectoryException | JavalinException | StoreUnavailableException | IllegalStateException e) {
            err.println("serve: " + e.getMessage());
            return 1;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "nutriplan-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

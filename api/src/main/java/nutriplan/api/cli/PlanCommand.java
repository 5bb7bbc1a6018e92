package nutriplan.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.catalogs.CatalogDirectory;
import nutriplan.api.catalogs.CatalogDirectoryException;
import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.cli.Command;
import nutriplan.api.errors.ErrorJson;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.errors.TooLargeException;
import nutriplan.api.plans.PlanRequestJson;
import nutriplan.api.plans.PlanResponseJson;
import nutriplan.api.plans.PlanService;
import nutriplan.api.service.ServiceSettings;
import nutriplan.planner.schedule.UnschedulableException;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;
import nutriplan.planner.plan.PlanStatus;

/**
 * {@code plan FILE|-}: reads a plan request from a file or stdin, plans, and prints the response JSON
 * (API.md), with its intake schedule when it asks for one. Exit 0 on a plan (or UNKNOWN: time ran out), 3 when
 * infeasible or unschedulable (the 422 body is printed),
 * 2 on an invalid request (the 400, 404 or 413 body is printed) or an unreadable file, 1 when the
 * stored catalogs cannot be loaded.
 */
public final class PlanCommand implements Command {

    public static final int INFEASIBLE = 3;
    public static final int INVALID_REQUEST = 2;
    public static final int BROKEN_INSTALLATION = 1;

    private final Path catalogDirectory;
    private final Supplier<InputStream> stdin;
    private final PlanService service = new PlanService();

    /** Stored catalogs from {@code data/catalogs} under the working directory; "-" reads {@link System#in}. */
    public PlanCommand() {
        this(CatalogDirectory.IN_WORKING_DIRECTORY, () -> System.in);
    }

    public PlanCommand(Path catalogDirectory, Supplier<InputStream> stdin) {
        this.catalogDirectory = Objects.requireNonNull(catalogDirectory, "catalogDirectory");
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String arguments() {
        return "FILE|-";
    }

    @Override
    public String summary() {
        return "plan from a request file (- for stdin), print the response JSON;"
                + " exit 0 on a plan, 3 when infeasible, 2 on an invalid request";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1 || (arguments.get(0).startsWith("-") && !arguments.get(0).equals("-"))) {
            err.println("plan: expected one request file, or - for stdin\nusage: plan " + arguments());
            return USAGE;
        }
        byte[] body;
        try {
            body = read(arguments.get(0));
        } catch (IOException | InvalidPathException e) {
            err.println("plan: cannot read " + arguments.get(0) + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return USAGE;
        }
        return plan(body, out, err);
    }

    private int plan(byte[] body, PrintStream out, PrintStream err) {
        // Loaded only when the request names a stored catalog, so inline requests work from any directory.
        var catalogs = Catalogs.loadedOnFirstUse(() -> new CatalogDirectory(catalogDirectory));
        try {
            var asked = PlanRequestJson.readScheduled(body, catalogs, PlanRequestJson.DEFAULT_MAX_INLINE_PRODUCTS);
            var planned = service.plan(asked, ServiceSettings.DEFAULT_REQUEST_TIMEOUT_MS);
            print(out, PlanResponseJson.write(planned));
            return planned.result().status() == PlanStatus.INFEASIBLE ? INFEASIBLE : 0;
        } catch (UnschedulableException e) {
            print(out, ErrorJson.of(e).body());
            return INFEASIBLE;
        } catch (InvalidInputException | NotFoundException | TooLargeException e) {
            print(out, ErrorJson.of(e).body());
            return INVALID_REQUEST;
        } catch (CatalogDirectoryException e) {
            err.println("plan: " + e.getMessage());
            return BROKEN_INSTALLATION;
        }
    }

    private byte[] read(String file) throws IOException {
        if (file.equals("-")) {
            return stdin.get().readAllBytes();
        }
        return Files.readAllBytes(Path.of(file));
    }

    private static void print(PrintStream out, ObjectNode body) {
        try {
            out.println(Json.PRETTY.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree cannot fail", e);
        }
    }
}

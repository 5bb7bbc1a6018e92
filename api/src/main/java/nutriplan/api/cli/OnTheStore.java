package nutriplan.api.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

import nutriplan.api.errors.NotFoundException;
import nutriplan.api.service.InvalidSettingsException;
import nutriplan.api.service.ServiceSettings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.store.CatalogStore;
import nutriplan.store.NotInStoreException;
import nutriplan.store.StoreConflictException;
import nutriplan.store.StoreUnavailableException;

/**
 * How the offline commands ({@code keys}, {@code catalog}) work on the store the service would use: opened from the
 * same environment variables, closed after, and every refusal turned into a line on stderr and an exit code — 2 for
 * bad settings or input (each fault on its own line), 1 for what the store refused or could not do.
 */
final class OnTheStore {

    /** What a command does with the open store; returns its exit code. */
    interface Action {
        int run(CatalogStore store);
    }

    private OnTheStore() {
    }

    /** @param who "keys create", "catalog log": how the command's lines begin */
    static int run(Map<String, String> environment, String who, PrintStream err, Action action) {
        try (var store = ServiceSettings.fromEnvironment(environment).store().open()) {
            return action.run(store);
        } catch (InvalidSettingsException e) {
            err.println(who + ": " + e.getMessage());
            return Command.USAGE;
        } catch (InvalidInputException e) {
            e.errors().forEach(finding -> err.println(who + ": " + finding.path() + ": " + finding.message()));
            return Command.USAGE;
        } catch (NotFoundException | NotInStoreException | StoreConflictException | StoreUnavailableException
                 | IllegalStateException | UncheckedIOException e) { // IllegalStateException: a store file a service holds
            err.println(who + ": " + e.getMessage());
            return 1;
        }
    }
}

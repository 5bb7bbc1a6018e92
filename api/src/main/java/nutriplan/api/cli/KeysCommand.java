package nutriplan.api.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nutriplan.api.access.Role;
import nutriplan.api.access.SecurityLog;
import nutriplan.api.access.SecurityLog.Event;
import nutriplan.api.access.keys.ApiKey;
import nutriplan.api.access.keys.KeyService;
import nutriplan.api.access.keys.NewKey;
import nutriplan.api.metrics.Metrics;
import nutriplan.catalog.json.JsonEnum;
import nutriplan.store.CatalogStore;
import nutriplan.store.keys.StoredKey;

/**
 * {@code keys create|list|rotate|revoke|generate}: API keys, straight on the store the service would use (the same
 * environment variables: {@code MONGODB_URI}, or the embedded store in {@code NUTRIPLAN_DATA_DIR} while the service
 * is stopped). A new key is printed alone on the last line, so that {@code $(nutriplan keys create …| tail -1)}
 * captures it; it is shown this once. {@code generate} makes a key without a store, for {@code NUTRIPLAN_ADMIN_KEY}.
 * Exit 0 on success, 1 when the store refuses or fails, 2 on bad arguments. Its security events go to its own log
 * output (standard error), not to a running service's recent events.
 */
public final class KeysCommand implements Command {

    private static final String USAGE_TEXT = """
            usage: keys create --name NAME --role planner|editor|admin|monitor [--catalogs A,B] [--expires 90d|2027-03-01]
                   keys list
                   keys rotate ID [--grace 24h]
                   keys revoke ID
                   keys generate""";
    /** Who the command line is, as a key's maker and in the security log. */
    private static final String AUTHOR = "cli";

    private final Map<String, String> environment;
    private final Clock clock;

    public KeysCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    public KeysCommand(Map<String, String> environment, Clock clock) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String arguments() {
        return "create|list|rotate|revoke|generate [OPTIONS]";
    }

    @Override
    public String summary() {
        return "make, list, rotate and revoke API keys on the store (the service's settings); a new key is the last line";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println("keys: no subcommand\n" + USAGE_TEXT);
            return USAGE;
        }
        var sub = arguments.get(0);
        if (sub.equals("generate") && arguments.size() == 1) {
            out.println(ApiKey.generate().text());
            return 0;
        }
        Options options;
        try {
            options = Options.parse(sub, arguments.subList(1, arguments.size()));
        } catch (IllegalArgumentException e) {
            err.println("keys " + sub + ": " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        return OnTheStore.run(environment, "keys " + sub, err, store -> run(sub, options, store, out));
    }

    private int run(String sub, Options options, CatalogStore store, PrintStream out) {
        var keys = new KeyService(store.keys(), clock, Duration.ZERO);
        var log = new SecurityLog(new Metrics(), clock);
        switch (sub) {
            case "list" -> keys.list().forEach(key -> out.println(line(key)));
            case "create" -> {
                var issued = keys.create(options.newKey(clock), AUTHOR);
                log.record(Event.KEY_CREATED, "-", AUTHOR, null, Map.of("key", issued.stored().id(),
                        "name", issued.stored().name(), "role", issued.stored().role()));
                printIssued(out, issued, "made");
            }
            case "rotate" -> {
                var issued = keys.rotate(options.id(), options.grace(), AUTHOR);
                log.record(Event.KEY_ROTATED, "-", AUTHOR, null, Map.of("key", options.id(), "replacedBy", issued.stored().id()));
                var old = keys.read(options.id());
                out.println("key " + old.id() + " works until " + old.expires() + ", then stops");
                printIssued(out, issued, "made in its place");
            }
            case "revoke" -> {
                var revoked = keys.revoke(options.id());
                log.record(Event.KEY_REVOKED, "-", AUTHOR, null, Map.of("key", revoked.id()));
                out.println("revoked " + line(revoked));
            }
            default -> throw new IllegalStateException("parsed an unknown subcommand " + sub);
        }
        return 0;
    }

    private void printIssued(PrintStream out, KeyService.Issued issued, String what) {
        out.println(what + ": " + line(issued.stored()));
        out.println("the key follows; it is shown this once: keep it as a secret");
        out.println(issued.key().text());
    }

    private String line(StoredKey key) {
        return String.join("  ", key.id(), key.status(clock.instant()), key.role(), "\"" + key.name() + "\"",
                "catalogs=" + (key.catalogs().isEmpty() ? "all" : String.join(",", key.catalogs().stream().sorted().toList())),
                "expires=" + (key.expires() == null ? "never" : key.expires()),
                "lastUsed=" + (key.lastUsed() == null ? "never" : key.lastUsed()));
    }

    /** The subcommand's options, checked before the store is opened. */
    private record Options(Map<String, String> values, String id) {

        private static final Map<String, Set<String>> ALLOWED = Map.of(
                "list", Set.of(), "create", Set.of("--name", "--role", "--catalogs", "--expires"),
                "rotate", Set.of("--grace"), "revoke", Set.of());

        static Options parse(String sub, List<String> arguments) {
            var allowed = ALLOWED.get(sub);
            if (allowed == null) {
                throw new IllegalArgumentException("unknown subcommand");
            }
            var values = new HashMap<String, String>();
            String id = null;
            for (int i = 0; i < arguments.size(); i++) {
                var argument = arguments.get(i);
                if (allowed.contains(argument) && i + 1 < arguments.size()) {
                    values.put(argument, arguments.get(++i));
                } else if (argument.startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + argument + " or its value missing");
                } else if (id == null && (sub.equals("rotate") || sub.equals("revoke"))) {
                    id = argument;
                } else {
                    throw new IllegalArgumentException("unexpected argument " + argument);
                }
            }
            if ((sub.equals("rotate") || sub.equals("revoke")) && id == null) {
                throw new IllegalArgumentException("which key? give its id (keys list shows them)");
            }
            if (sub.equals("create") && !(values.containsKey("--name") && values.containsKey("--role"))) {
                throw new IllegalArgumentException("--name and --role are required");
            }
            if (sub.equals("create") && JsonEnum.fromJsonName(Role.class, values.get("--role")) == null) {
                throw new IllegalArgumentException("--role must be one of " + JsonEnum.knownNames(Role.class));
            }
            return new Options(values, id);
        }

        NewKey newKey(Clock clock) {
            var catalogs = values.containsKey("--catalogs")
                    ? new HashSet<>(Arrays.asList(values.get("--catalogs").split(","))) : Set.<String>of();
            var expires = values.get("--expires");
            return new NewKey(values.get("--name"), JsonEnum.fromJsonName(Role.class, values.get("--role")), catalogs,
                    expires == null ? null : KeyService.end("--expires", expires, clock.instant()));
        }

        Duration grace() {
            var grace = values.get("--grace");
            return grace == null ? KeyService.DEFAULT_GRACE : KeyService.period("--grace", grace);
        }
    }
}

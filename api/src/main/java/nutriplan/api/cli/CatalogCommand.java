package nutriplan.api.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.catalog.CatalogDiff;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.store.CatalogStore;
import nutriplan.store.Change;
import nutriplan.store.NotInStoreException;
import nutriplan.store.VersionInfo;

/**
 * {@code catalog log|diff|revert|tag|tags}: a catalog's history, straight on the store the service would use (the
 * same environment variables as {@link KeysCommand}: {@code MONGODB_URI}, or the embedded store in
 * {@code NUTRIPLAN_DATA_DIR} while the service is stopped). A version is given as its number or a tag's name. A revert
 * is made by the author "cli" with the message given. Exit 0 on success, 1 when the store refuses or fails (an
 * unknown catalog, version or tag; a revert that would change nothing; a tag naming another version), 2 on bad
 * arguments.
 */
public final class CatalogCommand implements Command {

    private static final String USAGE_TEXT = """
            usage: catalog log NAME [--limit N]            versions, newest first (N: 1 to 10000, default 50)
                   catalog diff NAME FROM [TO]             each changed field from FROM to TO (default: the current version)
                   catalog revert NAME TO --message TEXT   a new version with TO's content
                   catalog tag NAME TAG VERSION            name a version (tags never move)
                   catalog tag --delete NAME TAG           remove a tag (the version stays)
                   catalog tags NAME                       the tags and the versions they name
            FROM, TO: a version number or a tag's name""";
    /** Who the command line is, in a version's record. */
    private static final String AUTHOR = "cli";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 10_000;
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    private final Map<String, String> environment;

    public CatalogCommand() {
        this(System.getenv());
    }

    public CatalogCommand(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String arguments() {
        return "log|diff|revert|tag|tags NAME [ARGUMENTS]";
    }

    @Override
    public String summary() {
        return "a catalog's versions, their differences, a revert and tags, on the store (the service's settings)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println("catalog: no subcommand\n" + USAGE_TEXT);
            return USAGE;
        }
        var sub = arguments.get(0);
        Invocation invocation;
        try {
            invocation = Invocation.parse(sub, arguments.subList(1, arguments.size()));
        } catch (IllegalArgumentException e) {
            err.println("catalog " + sub + ": " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        return OnTheStore.run(environment, "catalog " + sub, err, store -> invocation.run(store, out, err));
    }

    /** One version's line: number, time, author, message, what it changed, the products it held, its tags. */
    static String line(VersionInfo version) {
        var summary = version.summary();
        return String.join("  ", String.valueOf(version.version()),
                version.time().truncatedTo(ChronoUnit.SECONDS).toString(), version.author(),
                version.message() == null ? "-" : "\"" + version.message() + "\"",
                "+" + summary.added().size() + " ~" + summary.changed().size() + " -" + summary.removed().size(),
                version.products() + " products",
                version.tags().isEmpty() ? "" : "tags=" + String.join(",", version.tags())).strip();
    }

    /** A diff's lines: "id: added", "id: removed", or "id: field: before → after" for each changed field. */
    static List<String> lines(CatalogDiff diff) {
        var lines = new ArrayList<String>();
        for (var change : diff.changes()) {
            switch (change.kind()) {
                case ADDED -> lines.add(change.id() + ": added");
                case REMOVED -> lines.add(change.id() + ": removed");
                case CHANGED -> change.fields().forEach((field, values) -> lines.add(change.id() + ": " + field + ": "
                        + text(values.before()) + " → " + text(values.after())));
            }
        }
        return lines;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "(none)";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** A subcommand with its arguments, checked before the store is opened. */
    private record Invocation(String sub, String catalog, List<String> values, int limit, String message) {

        static Invocation parse(String sub, List<String> arguments) {
            var positional = new ArrayList<String>();
            int limit = DEFAULT_LIMIT;
            String message = null;
            boolean delete = false;
            for (int i = 0; i < arguments.size(); i++) {
                var argument = arguments.get(i);
                if (argument.equals("--limit") && sub.equals("log") && i + 1 < arguments.size()) {
                    var value = arguments.get(++i);
                    if (!NUMBER.matcher(value).matches() || Long.parseLong(value) < 1 || Long.parseLong(value) > MAX_LIMIT) {
                        throw new IllegalArgumentException("--limit \"" + value + "\" is not a number from 1 to " + MAX_LIMIT);
                    }
                    limit = Integer.parseInt(value);
                } else if (argument.equals("--message") && sub.equals("revert") && i + 1 < arguments.size()) {
                    message = arguments.get(++i);
                } else if (argument.equals("--delete") && sub.equals("tag")) {
                    delete = true;
                } else if (argument.startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + argument + " or its value missing");
                } else {
                    positional.add(argument);
                }
            }
            var expected = switch (sub) {
                case "log", "tags" -> List.of("NAME");
                case "diff" -> positional.size() == 3 ? List.of("NAME", "FROM", "TO") : List.of("NAME", "FROM");
                case "revert" -> List.of("NAME", "TO");
                case "tag" -> delete ? List.of("NAME", "TAG") : List.of("NAME", "TAG", "VERSION");
                default -> throw new IllegalArgumentException("unknown subcommand");
            };
            if (positional.size() != expected.size()) {
                throw new IllegalArgumentException("expected " + String.join(" ", expected) + ", got "
                        + (positional.isEmpty() ? "nothing" : String.join(" ", positional)));
            }
            if (sub.equals("revert") && (message == null || message.isBlank())) {
                throw new IllegalArgumentException("--message is required: say why the catalog goes back");
            }
            if (sub.equals("tag") && !delete && !NUMBER.matcher(positional.get(2)).matches()) {
                throw new IllegalArgumentException("VERSION \"" + positional.get(2) + "\" is not a version number");
            }
            return new Invocation(delete ? "untag" : sub, positional.get(0), positional.subList(1, positional.size()),
                    limit, message);
        }

        int run(CatalogStore store, PrintStream out, PrintStream err) {
            switch (sub) {
                case "log" -> store.versions(catalog, Long.MAX_VALUE, limit).forEach(version -> out.println(line(version)));
                case "diff" -> {
                    long from = version(store, "FROM", values.get(0));
                    long to = values.size() > 1 ? version(store, "TO", values.get(1)) : store.snapshot(catalog).version();
                    var diff = CatalogDiff.between(store.snapshot(catalog, from).catalog(), store.snapshot(catalog, to).catalog());
                    var lines = lines(diff);
                    if (lines.isEmpty()) {
                        err.println("catalog diff: versions " + from + " and " + to + " of " + catalog + " hold the same products");
                    }
                    lines.forEach(out::println);
                }
                case "revert" -> {
                    long to = version(store, "TO", values.get(0));
                    var info = store.revert(catalog, to, new Change(AUTHOR, null, message), OptionalLong.empty());
                    out.println(catalog + ": version " + info.version() + " made, with version " + to + "'s content");
                }
                case "tag" -> {
                    long version = Long.parseLong(values.get(1));
                    var tag = values.get(0);
                    out.println(store.tag(catalog, tag, version) ? catalog + ": " + tag + " names version " + version
                            : catalog + ": " + tag + " names version " + version + " already");
                }
                case "untag" -> {
                    if (!store.untag(catalog, values.get(0))) {
                        err.println("catalog tag --delete: " + catalog + " has no tag \"" + values.get(0) + "\"");
                        return 1;
                    }
                    out.println(catalog + ": tag " + values.get(0) + " removed");
                }
                case "tags" -> {
                    if (!store.versions().containsKey(catalog)) {
                        throw new NotInStoreException("catalog", "there is no catalog \"" + catalog + "\"");
                    }
                    store.tags(catalog).entrySet().stream().sorted(Map.Entry.comparingByValue())
                            .forEach(tag -> out.println(tag.getKey() + "  " + tag.getValue()));
                }
                default -> throw new IllegalStateException("parsed an unknown subcommand " + sub);
            }
            return 0;
        }

        /** A version number, or the version a tag names. */
        private long version(CatalogStore store, String what, String text) {
            if (NUMBER.matcher(text).matches()) {
                return Long.parseLong(text);
            }
            if (!CatalogStore.TAG.matcher(text).matches()) {
                throw InvalidInputException.of(what, "\"" + text + "\" is neither a version number nor a tag's name");
            }
            return store.tagged(catalog, text);
        }
    }
}

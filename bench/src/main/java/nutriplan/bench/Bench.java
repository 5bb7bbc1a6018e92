package nutriplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the benchmark programs share: reading their options, and the numbers of their tables. */
final class Bench {

    private Bench() {
    }

    /**
     * The parsed options; or, on a fault, the fault and the usage on stderr and exit 2; or, when they ask for help,
     * the usage on stdout and null.
     */
    static <O> O optionsOrExit(String[] args, Function<String[], O> parse, Predicate<O> help, String usage) {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return null;
        }
        if (help.test(options)) {
            System.out.print(usage);
            return null;
        }
        return options;
    }

    /** A command line split into flags and options with a value. */
    record Arguments(Map<String, String> values, Set<String> flags) {

        /** @throws IllegalArgumentException on an unknown option or a value missing */
        static Arguments of(String[] args, List<String> flagNames, List<String> valueNames) {
            var values = new HashMap<String, String>();
            var flags = new HashSet<String>();
            for (int i = 0; i < args.length; i++) {
                var arg = args[i];
                if (flagNames.contains(arg)) {
                    flags.add(arg);
                } else if (valueNames.contains(arg)) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(arg + " needs a value.");
                    }
                    values.put(arg, args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown option " + arg + ".");
                }
            }
            return new Arguments(values, flags);
        }
    }

    /** The nearest-rank percentile; NaN when there are no values. */
    static double percentile(double[] values, int percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        var sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The nearest-rank median (the lower of the two middle values of an even count); NaN when there are none. */
    static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    /** A whole-number option that must be at least 1. */
    static int positive(String option, String text) {
        long value = number(option, text);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be positive, got " + text + ".");
        }
        return (int) value;
    }

    static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got \"" + text + "\".");
        }
    }

    /** Milliseconds to 3 significant digits or so; "–" for NaN. */
    /** A size in MiB, one decimal: "104.4 MiB". */
    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }

    /** Deletes a directory and everything in it (a benchmark's own store). */
    static void delete(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (var path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static String ms(double ms) {
        return Double.isNaN(ms) ? "–" : ms < 10 ? String.format(Locale.ROOT, "%.2f", ms)
                : ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }
}

package nutriplan.api.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.Finding;
import nutriplan.catalog.product.Dominance;

/**
 * {@code check-catalog [--strict] [--dominated] FILE...}: validates catalog files, one finding a line as
 * {@code FILE: product-id: field: error|warning: message}. Exit 0 when there are no errors (and,
 * with --strict, no warnings), 1 otherwise. With --dominated it also lists, per file, each product another
 * product of the file makes useless ({@link Dominance}), as {@code FILE: product-id: dominated by other-id};
 * that list is for maintainers and does not change the exit status.
 */
public final class CheckCatalogCommand implements Command {

    @Override
    public String name() {
        return "check-catalog";
    }

    @Override
    public String arguments() {
        return "[--strict] [--dominated] FILE...";
    }

    @Override
    public String summary() {
        return "validate catalog files; exit 1 on errors (with --strict, on warnings too)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        boolean strict = false;
        boolean dominated = false;
        var files = new ArrayList<String>();
        for (var argument : arguments) {
            if (argument.equals("--strict")) {
                strict = true;
            } else if (argument.equals("--dominated")) {
                dominated = true;
            } else if (argument.startsWith("-") && !argument.equals("-")) {
                err.println("check-catalog: unknown option " + argument + "\nusage: check-catalog " + arguments());
                return USAGE;
            } else {
                files.add(argument);
            }
        }
        if (files.isEmpty()) {
            err.println("check-catalog: no file given\nusage: check-catalog " + arguments());
            return USAGE;
        }
        int errors = 0;
        int warnings = 0;
        int products = 0;
        for (var file : files) {
            var checked = CatalogFiles.read(Path.of(file));
            products += checked.catalog().products().size();
            for (Finding finding : checked.findings()) {
                out.println(finding.toLine(file));
                if (finding.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
            if (dominated) {
                for (var each : Dominance.of(checked.catalog().products())) {
                    out.println(file + ": " + each.product().id() + ": dominated by " + each.by().id());
                }
            }
        }
        err.println(summary(files.size(), products, errors, warnings));
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    private static String summary(int files, int products, int errors, int warnings) {
        return "check-catalog: " + files + (files == 1 ? " file, " : " files, ") + products + " valid products, "
                + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}

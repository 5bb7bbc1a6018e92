package nutriplan.catalog.json;

import java.util.Locale;

/** Errors make a product wrong; warnings are implausibilities a maintainer should look at. */
public enum Severity {
    ERROR, WARNING;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

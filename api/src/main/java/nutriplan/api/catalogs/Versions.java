package nutriplan.api.catalogs;

import java.util.OptionalLong;
import java.util.regex.Pattern;

import io.javalin.http.Context;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.json.InvalidInputException;

/**
 * A catalog's version over HTTP: the {@code ETag} of every read and write ({@code "12"}), and the {@code If-Match}
 * a write may carry with the version it was based on.
 */
public final class Versions {

    static final String IF_MATCH = "If-Match";
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private Versions() {
    }

    public static void tag(Context ctx, Catalog catalog) {
        ctx.header("ETag", "\"" + catalog.version() + "\"");
    }

    /** The version the write is based on; empty without {@code If-Match} (or with {@code *}: any version). */
    public static OptionalLong expected(Context ctx) {
        var header = ctx.header(IF_MATCH);
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        var matcher = ETAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw InvalidInputException.of(IF_MATCH, "\"" + (header.length() <= 40 ? header : header.substring(0, 40) + "…")
                    + "\" is not a catalog version; send the ETag of the catalog read, such as \"12\"");
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }
}

package nutriplan.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.product.Kind;

/** The catalog page's list of kinds (KINDS in js/catalog-view.js) is the service's Kind enum: same names, same order. */
class KindsScriptTest {

    private static final Path SCRIPT = Path.of("src", "main", "resources", "web", "js", "catalog-view.js");

    @Test
    void the_page_offers_every_kind_a_product_may_have() throws IOException {
        var list = Pattern.compile("export const KINDS = \\[([^\\]]*)\\];").matcher(Files.readString(SCRIPT)).results()
                .map(match -> match.group(1)).findFirst().orElseThrow(() -> new AssertionError("no KINDS in " + SCRIPT));
        var kinds = Pattern.compile("'([a-z]+)'").matcher(list).results().map(match -> match.group(1)).toList();

        assertThat(kinds).containsExactlyElementsOf(Arrays.stream(Kind.values()).map(Kind::jsonName).toList());
    }
}

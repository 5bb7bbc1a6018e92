package nutriplan.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Nutrient;

/** The page's list of nutrients (js/nutrients.js) is the service's: same names, same canonical units, same order. */
class NutrientsScriptTest {

    private static final Path SCRIPT = Path.of("src", "main", "resources", "web", "js", "nutrients.js");

    @Test
    void the_page_knows_every_nutrient_in_its_canonical_unit() throws IOException {
        var entries = Pattern.compile("\\{name: '([a-z]+)', unit: '([A-Za-z]+)'").matcher(Files.readString(SCRIPT)).results()
                .map(match -> match.group(1) + " " + match.group(2)).toList();

        assertThat(entries).containsExactlyElementsOf(Nutrient.stated().stream()
                .map(nutrient -> nutrient.jsonName() + " " + nutrient.canonicalUnit()).toList());
    }
}

package nutriplan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-catalog --dominated}: one line per dominated product, the exit status as without the flag. */
class CheckCatalogCommandTest {

    private static final String CATALOG = """
            {"name": "trial", "products": [
              {"id": "strong-gel", "name": "Strong gel", "brand": "Test", "kind": "gel", "use": ["during"], "serving": "40 g",
               "nutrients": {"energy": "100 kcal", "carbohydrate": "25 g", "sodium": "50 mg"}, "carbohydrateType": "single", "source": "test"},
              {"id": "weak-gel", "name": "Weak gel", "brand": "Test", "kind": "gel", "use": ["during"], "serving": "40 g",
               "nutrients": {"energy": "80 kcal", "carbohydrate": "20 g", "sodium": "50 mg"}, "carbohydrateType": "single", "source": "test"},
              {"id": "capped-gel", "name": "Capped gel", "brand": "Test", "kind": "gel", "use": ["during"], "serving": "30 g", "maxServings": 2,
               "nutrients": {"energy": "120 kcal", "carbohydrate": "30 g", "sodium": "60 mg"}, "carbohydrateType": "single", "source": "test"}]}""";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return new CheckCatalogCommand().run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void dominated_lists_each_dominated_product_with_one_that_dominates_it() throws IOException {
        var file = Files.writeString(directory.resolve("trial.json"), CATALOG).toString();

        int exit = run("--strict", "--dominated", file);

        assertThat(exit).isZero();
        // The capped gel is richer and lighter than both, but its cap of 2 servings can leave them needed.
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(file + ": weak-gel: dominated by strong-gel");
    }

    @Test
    void without_the_flag_nothing_is_listed() throws IOException {
        var file = Files.writeString(directory.resolve("trial.json"), CATALOG).toString();

        assertThat(run(file)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}

package nutriplan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import nutriplan.api.service.StoreSettings;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;
import nutriplan.store.Change;

/** {@code catalog}: a catalog's history read, compared, reverted and tagged on the store while the service is stopped. */
class CatalogCommandTest {

    private static final OptionalLong ANY = OptionalLong.empty();

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Version 1: a gel and a cola; 2: the gel's sodium 35 → 45 mg ("label check"); 3: the cola removed. */
    @BeforeEach
    void history() {
        try (var store = StoreSettings.embedded(data).open()) {
            store.create("trial", List.of(gel("35 mg"), cola()), new Change("seed", null, null));
            store.put("trial", gel("45 mg"), new Change("user:ana", "req-1", "label check"), ANY);
            store.delete("trial", "cola-12oz", new Change("user:ana", "req-2", "no sodas"), ANY);
        }
    }

    private int catalog(String... arguments) {
        out.reset();
        err.reset();
        return new CatalogCommand(Map.of("NUTRIPLAN_DATA_DIR", data.toString())).run(List.of(arguments),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void log_lists_versions_newest_first_with_author_message_counts_and_tags() {
        assertThat(catalog("tag", "trial", "before-edits", "1")).isEqualTo(0);

        assertThat(catalog("log", "trial")).isEqualTo(0);

        assertThat(lines()).hasSize(3);
        assertThat(lines().get(0)).startsWith("3  ").contains("  user:ana  \"no sodas\"  +0 ~0 -1  1 products");
        assertThat(lines().get(1)).startsWith("2  ").contains("  user:ana  \"label check\"  +0 ~1 -0  2 products");
        assertThat(lines().get(2)).startsWith("1  ").contains("  seed  -  +2 ~0 -0  2 products  tags=before-edits");
        assertThat(catalog("log", "trial", "--limit", "1")).isEqualTo(0);
        assertThat(lines()).singleElement().asString().startsWith("3  ");
    }

    @Test
    void diff_prints_one_line_per_changed_field_in_the_catalogs_units_and_takes_tags() {
        assertThat(catalog("diff", "trial", "1")).isEqualTo(0);
        assertThat(lines()).containsExactly("cola-12oz: removed", "maurten-gel-100: nutrients.sodium: 35 mg → 45 mg");

        catalog("tag", "trial", "sodium-fixed", "2");
        assertThat(catalog("diff", "trial", "sodium-fixed", "1")).isEqualTo(0);
        assertThat(lines()).containsExactly("maurten-gel-100: nutrients.sodium: 45 mg → 35 mg");
        assertThat(catalog("diff", "trial", "3", "sodium-fixed")).isEqualTo(0);
        assertThat(lines()).containsExactly("cola-12oz: added");

        assertThat(catalog("diff", "trial", "2", "2")).isEqualTo(0);
        assertThat(lines()).isEmpty();
        assertThat(errors()).contains("versions 2 and 2 of trial hold the same products");
    }

    @Test
    void revert_makes_a_new_version_by_cli_and_exits_1_when_nothing_would_change() {
        assertThat(catalog("revert", "trial", "1", "--message", "back to the label")).isEqualTo(0);
        assertThat(lines()).containsExactly("trial: version 4 made, with version 1's content");

        assertThat(catalog("diff", "trial", "1", "4")).isEqualTo(0);
        assertThat(lines()).isEmpty();
        catalog("log", "trial", "--limit", "1");
        assertThat(lines()).singleElement().asString().startsWith("4  ").contains("  cli  \"back to the label\"  +1 ~1 -0");

        assertThat(catalog("revert", "trial", "1", "--message", "again")).isEqualTo(1);
        assertThat(errors()).startsWith("catalog revert: ");
        catalog("log", "trial", "--limit", "1");
        assertThat(lines()).singleElement().asString().startsWith("4  ");
    }

    @Test
    void tags_are_listed_never_moved_and_deleted() {
        assertThat(catalog("tag", "trial", "race-2026", "2")).isEqualTo(0);
        assertThat(lines()).containsExactly("trial: race-2026 names version 2");
        assertThat(catalog("tag", "trial", "race-2026", "2")).isEqualTo(0);
        assertThat(lines()).containsExactly("trial: race-2026 names version 2 already");
        assertThat(catalog("tag", "trial", "race-2026", "3")).as("a tag never moves").isEqualTo(1);
        catalog("tag", "trial", "first", "1");

        assertThat(catalog("tags", "trial")).isEqualTo(0);
        assertThat(lines()).containsExactly("first  1", "race-2026  2");

        assertThat(catalog("tag", "--delete", "trial", "race-2026")).isEqualTo(0);
        assertThat(catalog("tag", "--delete", "trial", "race-2026")).isEqualTo(1);
        assertThat(errors()).contains("trial has no tag \"race-2026\"");
        catalog("tags", "trial");
        assertThat(lines()).containsExactly("first  1");
    }

    @Test
    void an_unknown_catalog_version_or_tag_exits_1_naming_it() {
        assertThat(catalog("log", "nope")).isEqualTo(1);
        assertThat(catalog("tags", "nope")).isEqualTo(1);
        assertThat(errors()).contains("nope");
        assertThat(catalog("diff", "trial", "9")).isEqualTo(1);
        assertThat(catalog("diff", "trial", "no-such-tag")).isEqualTo(1);
        assertThat(catalog("tag", "trial", "late", "9")).isEqualTo(1);
    }

    @Test
    void a_store_held_by_a_running_service_exits_1_saying_so() {
        try (var running = StoreSettings.embedded(data).open()) {
            assertThat(catalog("log", "trial")).isEqualTo(1);
            assertThat(errors()).startsWith("catalog log: ").contains("catalog store");
        }
    }

    @Test
    void bad_arguments_exit_2_saying_what_was_expected_and_open_no_store() {
        var elsewhere = Map.of("NUTRIPLAN_DATA_DIR", data.resolve("never-made").toString());
        assertThat(new CatalogCommand(elsewhere).run(List.of("revert", "trial", "1"), new PrintStream(out),
                new PrintStream(err))).isEqualTo(2);
        assertThat(errors()).contains("--message is required");
        assertThat(data.resolve("never-made")).doesNotExist();

        assertThat(catalog()).isEqualTo(2);
        assertThat(catalog("log")).isEqualTo(2);
        assertThat(errors()).contains("expected NAME, got nothing", "usage: catalog log NAME");
        assertThat(catalog("log", "trial", "--limit", "0")).isEqualTo(2);
        assertThat(catalog("tag", "trial", "t", "v2")).isEqualTo(2);
        assertThat(catalog("tag", "trial", "Bad Tag!", "2")).isEqualTo(2);
        assertThat(catalog("diff", "trial", "Bad Tag!")).isEqualTo(2);
        assertThat(catalog("blame", "trial")).isEqualTo(2);
        assertThat(errors()).contains("unknown subcommand");
    }

    @Test
    void main_lists_the_command() {
        var help = new ByteArrayOutputStream();
        Main.standard().run(List.of("--help"), new PrintStream(help, true, StandardCharsets.UTF_8), System.err);
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("catalog log|diff|revert|tag|tags NAME");
    }

    private static Product gel(String sodium) {
        return product("""
                {"id": "maurten-gel-100", "name": "Maurten GEL 100", "kind": "gel", "serving": "40 g",
                 "nutrients": {"carbohydrate": "25 g", "sodium": "%s"}}""".formatted(sodium));
    }

    private static Product cola() {
        return product("""
                {"id": "cola-12oz", "name": "Cola, 12 fl oz can", "kind": "drink", "serving": "355 mL",
                 "nutrients": {"carbohydrate": "39 g", "sodium": "45 mg", "fluid": "355 mL"}}""");
    }

    private static Product product(String json) {
        try {
            var findings = Findings.create();
            var product = ProductJson.read(new ObjectMapper().readTree(json), findings);
            assertThat(findings.hasErrors()).as(findings.all().toString()).isFalse();
            return product;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}

package nutriplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.json.Findings;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;

/** A diff names what a dietitian would (sodium 35 mg → 45 mg), and applying diff(V, W) to V gives W. */
class CatalogDiffTest {

    private static final Catalog DEFAULT = CatalogFiles.read(Path.of("..", "data", "catalogs", "default.json")).catalog();

    @Test
    void a_changed_label_reads_field_by_field_in_the_catalogs_units() throws Exception {
        var gel = DEFAULT.products().stream().filter(product -> product.id().startsWith("maurten-gel")).findFirst().orElseThrow();
        var json = ProductJson.write(gel);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("nutrients")).put("sodium", "45 mg");
        json.put("name", gel.name() + " (new label)");
        var changed = read(json);
        var after = replace(DEFAULT, changed);

        var diff = CatalogDiff.between(DEFAULT, after);

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(CatalogDiff.Kind.CHANGED);
            assertThat(change.fields()).containsOnlyKeys("name", "nutrients.sodium");
            assertThat(change.fields().get("nutrients.sodium").after().asText()).isEqualTo("45 mg");
        });
        assertThat(CatalogDiff.between(DEFAULT, DEFAULT).isEmpty()).isTrue();
    }

    @Test
    void applying_the_diff_of_two_random_versions_to_the_first_gives_the_second() {
        var random = new Random(29);
        for (int round = 0; round < 50; round++) {
            var from = mutate(DEFAULT, random);
            var to = mutate(from, random);

            var diff = CatalogDiff.between(from, to);

            assertThat(new Catalog("default", diff.applyTo(from)).products())
                    .containsExactlyInAnyOrderElementsOf(to.products());
        }
    }

    /** A few random puts (a changed field or a new product) and deletes. */
    private static Catalog mutate(Catalog catalog, Random random) {
        var products = new ArrayList<>(catalog.products());
        for (int edit = 0; edit < 5; edit++) {
            int pick = random.nextInt(products.size());
            switch (random.nextInt(3)) {
                case 0 -> products.remove(pick);
                case 1 -> {
                    var json = ProductJson.write(products.get(pick));
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json.with("nutrients"))
                            .put("sodium", random.nextInt(1000) + " mg");
                    json.put("maxServings", 1 + random.nextInt(9));
                    products.set(pick, read(json));
                }
                default -> {
                    var json = ProductJson.write(products.get(pick));
                    json.put("id", "copy-" + random.nextInt(1_000_000));
                    json.remove("tags");
                    products.add(read(json));
                }
            }
        }
        return new Catalog(catalog.name(), products);
    }

    private static Catalog replace(Catalog catalog, Product product) {
        return new Catalog(catalog.name(), catalog.products().stream()
                .map(each -> each.id().equals(product.id()) ? product : each).toList());
    }

    private static Product read(com.fasterxml.jackson.databind.JsonNode json) {
        var findings = Findings.create();
        var product = ProductJson.read(json, findings);
        assertThat(findings.hasErrors()).as(findings.all().toString()).isFalse();
        return product;
    }
}

package nutriplan.api.plans;

import java.nio.charset.StandardCharsets;
import java.util.List;

import nutriplan.api.catalogs.CatalogDirectory;
import nutriplan.api.catalogs.Catalogs;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;

/** A tiny catalog of three products with round numbers, stored as "default", and requests against it. */
public final class PlanFixtures {

    /** 500 mL drink: 30 g carbohydrate, 300 mg sodium; 40 g gel: 25 g carbohydrate, 50 mg sodium, 40 mg caffeine; 1 g salt tablet: 200 mg sodium. */
    public static final String PRODUCTS = """
            [
              {"id": "drink", "name": "Test drink", "kind": "drink", "serving": "500 mL",
               "nutrients": {"energy": "120 kcal", "carbohydrate": "30 g", "sodium": "300 mg", "fluid": "500 mL"},
               "tags": ["caffeine-free"], "price": {"amount": 2.0, "currency": "USD"}, "source": "label: test"},
              {"id": "gel", "name": "Test gel", "kind": "gel", "serving": "40 g",
               "nutrients": {"energy": "100 kcal", "carbohydrate": "25 g", "sodium": "50 mg", "caffeine": "40 mg"},
               "tags": ["caffeine"], "price": {"amount": 1.5, "currency": "USD"}, "source": "label: test"},
              {"id": "salt-tab", "name": "Test salt tablet", "kind": "supplement", "serving": "1 g",
               "nutrients": {"sodium": "200 mg"}, "preparation": {"dry": true, "unit": "tablet"}, "source": "label: test"}
            ]""";

    public static final String CATALOG_FILE = "{\"name\": \"default\", \"products\": " + PRODUCTS + "}";

    public static final Catalog DEFAULT = CatalogFiles.parse(bytes(CATALOG_FILE), "default").catalog();

    /** Only "default" is stored. */
    public static final Catalogs CATALOGS = Catalogs.of(List.of(DEFAULT));

    private PlanFixtures() {
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

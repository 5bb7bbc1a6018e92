package nutriplan.store;

import org.bson.Document;

import com.fasterxml.jackson.core.JacksonException;

import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.Json;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;

/**
 * A product as a BSON document: exactly its catalog-file JSON (API.md), so what is stored reads like what was
 * sent, and reading it back goes through the same validation as a catalog file.
 */
final class ProductDocuments {

    private ProductDocuments() {
    }

    static Document write(Product product) {
        return Document.parse(ProductJson.write(product).toString());
    }

    /** The product a stored document holds; a document that no longer validates is a corrupt store. */
    static Product read(Document document) {
        try {
            var findings = Findings.create();
            var product = ProductJson.read(Json.MAPPER.readTree(document.toJson()), findings);
            if (product == null) {
                throw new IllegalStateException("a stored product no longer validates: " + findings.all());
            }
            return product;
        } catch (JacksonException e) {
            throw new IllegalStateException("a stored product is not valid JSON", e);
        }
    }
}

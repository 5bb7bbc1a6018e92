package nutriplan.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.Json;
import nutriplan.catalog.json.JsonFields;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;
import nutriplan.catalog.product.ProductRules;

/**
 * Catalog files, {@code {"name": ..., "products": [...]}}: read with every finding, and written
 * so that reading them back gives an equal catalog.
 */
public final class CatalogFiles {

    private static final Set<String> FIELDS = Set.of("name", "products");

    private CatalogFiles() {
    }

    /**
     * A catalog as read, with every finding about it.
     *
     * @param catalog the products that could be read, those that break a rule included (their errors are findings):
     *                use it only when {@link #isValid()}
     */
    public record Checked(Catalog catalog, List<nutriplan.catalog.json.Finding> findings) {

        public boolean isValid() {
            return findings.stream().noneMatch(nutriplan.catalog.json.Finding::isError);
        }
    }

    /** Reads and checks a catalog file; a file that cannot be read at all is one finding. */
    public static Checked read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            var findings = Findings.create();
            findings.error("", "cannot read the file: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return new Checked(new Catalog(fileName(file), List.of()), findings.all());
        }
        return parse(bytes, fileName(file));
    }

    /** Reads and checks a catalog from JSON bytes (UTF-8). */
    public static Checked parse(byte[] json, String fallbackName) {
        var findings = Findings.create();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(decodeUtf8(json));
        } catch (CharacterCodingException e) {
            findings.error("", "is not valid UTF-8");
            return new Checked(new Catalog(fallbackName, List.of()), findings.all());
        } catch (JacksonException e) {
            findings.error("", "is not valid JSON: " + e.getOriginalMessage() + locationOf(e));
            return new Checked(new Catalog(fallbackName, List.of()), findings.all());
        }
        var fields = JsonFields.of(root, "", findings, FIELDS);
        if (fields == null) {
            return new Checked(new Catalog(fallbackName, List.of()), findings.all());
        }
        var name = fields.text("name", true, 100);
        var productsNode = fields.node("products");
        List<Product> products = List.of();
        if (productsNode == null || !productsNode.isArray()) {
            findings.error("products", "is required: an array of products");
        } else {
            products = readProducts(productsNode, "products", findings);
        }
        return new Checked(new Catalog(name == null ? fallbackName : name, products), findings.all());
    }

    /**
     * Reads and checks an array of products: each one's fields and rules, and that ids are unique.
     *
     * @param path the array's path, "products", for findings such as "products[3].nutrients.fluid"
     * @return the products that could be read, those that break a rule included: use them only without errors
     */
    public static List<Product> readProducts(JsonNode array, String path, Findings findings) {
        var products = new ArrayList<Product>();
        var ids = new HashSet<String>();
        for (int i = 0; i < array.size(); i++) {
            var node = array.get(i);
            var id = ProductJson.idOf(node);
            var productFindings = findings.forProduct(path + "[" + i + "]", id);
            var product = ProductJson.read(node, productFindings);
            if (id != null && !ids.add(id)) {
                productFindings.error("id", "duplicate id \"" + id + "\": ids must be unique in a catalog");
                continue;
            }
            if (product != null) {
                ProductRules.check(product, productFindings);
                products.add(product);
            }
        }
        return products;
    }

    /** The catalog as a file's JSON text; {@link #parse} of it gives an equal catalog. */
    public static String write(Catalog catalog) {
        var root = JsonNodeFactory.instance.objectNode();
        root.put("name", catalog.name());
        var products = root.putArray("products");
        catalog.products().forEach(product -> products.add(ProductJson.write(product)));
        try {
            return Json.PRETTY.writeValueAsString(root) + "\n";
        } catch (JacksonException e) {
            throw new UncheckedIOException("writing a JSON tree cannot fail", new IOException(e));
        }
    }

    /** Strict UTF-8: malformed bytes are an error, never silently replaced. */
    public static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** " at line 3, column 5", or "" when Jackson does not know. */
    public static String locationOf(JacksonException e) {
        var location = e.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String fileName(Path file) {
        var name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}

package nutriplan.api.catalogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nutriplan.catalog.json.Finding;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.JsonEnum;
import nutriplan.catalog.json.Severity;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;

/**
 * The filters of {@code GET /api/v1/catalogs/{catalog}/products}: {@code kind} (one of API.md's kinds), {@code tag}
 * (repeatable; a product must carry every tag given) and {@code q} (text found, ignoring case, in the id, name or brand).
 *
 * @param kind null for any kind
 * @param tags empty for any tags
 * @param text lower case; null for any text
 */
public record ProductFilter(Kind kind, List<String> tags, String text) {

    public static final ProductFilter NONE = new ProductFilter(null, List.of(), null);
    public static final int MAX_TEXT_LENGTH = 100;
    private static final int MAX_TAGS = 20;

    public ProductFilter {
        tags = List.copyOf(tags);
    }

    /**
     * Reads the query parameters, reporting every fault at once.
     *
     * @throws InvalidInputException naming each faulty parameter (an unknown one never gets here: QueryParameters)
     */
    public static ProductFilter fromQuery(Map<String, List<String>> query) {
        var faults = new ArrayList<Finding>();
        var kindName = single(query, "kind", faults);
        var kind = kindName == null ? null : JsonEnum.fromJsonName(Kind.class, kindName);
        if (kindName != null && kind == null) {
            faults.add(fault("kind", "\"" + shortened(kindName) + "\" is not a kind; known: " + JsonEnum.knownNames(Kind.class)));
        }
        var tags = query.getOrDefault("tag", List.of());
        if (tags.size() > MAX_TAGS) {
            faults.add(fault("tag", "is given " + tags.size() + " times; at most " + MAX_TAGS));
        }
        for (var tag : tags) {
            if (!ProductJson.TAG.matcher(tag).matches()) {
                faults.add(fault("tag", "\"" + shortened(tag) + "\" is not a tag: lowercase letters, digits and '-',"
                        + " such as \"caffeine-free\""));
            }
        }
        var text = single(query, "q", faults);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            faults.add(fault("q", "is " + text.length() + " characters long; at most " + MAX_TEXT_LENGTH));
        }
        if (!faults.isEmpty()) {
            throw new InvalidInputException("the query has " + faults.size() + (faults.size() == 1 ? " fault" : " faults"), faults);
        }
        return new ProductFilter(kind, tags, text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT));
    }

    public boolean matches(Product product) {
        return (kind == null || product.kind() == kind)
                && product.tags().containsAll(tags)
                && (text == null || contains(product.id()) || contains(product.name()) || contains(product.brand()));
    }

    private boolean contains(String field) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(text);
    }

    private static String single(Map<String, List<String>> query, String name, List<Finding> faults) {
        var values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            faults.add(fault(name, "is given " + values.size() + " times; give it once"));
            return null;
        }
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static Finding fault(String field, String message) {
        return new Finding("", null, field, Severity.ERROR, message);
    }

    /** A caller's text, cut short: a hostile value is not echoed whole. */
    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

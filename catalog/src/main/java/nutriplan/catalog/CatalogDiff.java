package nutriplan.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.catalog.json.Findings;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;

/**
 * What changed between two versions of a catalog, product by product: added, removed, or each changed field before →
 * after, as the catalog file writes it (in the catalog's units: "35 mg", not 0.035 g). Fields are a product's
 * top-level fields, and one level into its objects ({@code nutrients.sodium}, {@code preparation.water}), so a changed
 * label reads as the dietitian would say it. {@link #applyTo} makes the later version from the earlier.
 *
 * @param changes by product id, in id order
 */
public record CatalogDiff(List<ProductChange> changes) {

    public CatalogDiff {
        changes = List.copyOf(changes);
    }

    /** What happened to one product. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One product's change.
     *
     * @param before the product as the earlier version has it (null when added)
     * @param after  as the later version has it (null when removed)
     * @param fields each changed field's path ("nutrients.sodium") → its text before and after (null: absent); empty
     *               for an added or removed product
     */
    public record ProductChange(String id, Kind kind, Product before, Product after, Map<String, FieldChange> fields) {

        public ProductChange {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** A field's value before and after, as JSON (null: the field is absent). */
    public record FieldChange(JsonNode before, JsonNode after) {
    }

    /** The changes from {@code from} to {@code to}. */
    public static CatalogDiff between(Catalog from, Catalog to) {
        var ids = new TreeSet<String>();
        from.products().forEach(product -> ids.add(product.id()));
        to.products().forEach(product -> ids.add(product.id()));
        var changes = new ArrayList<ProductChange>();
        for (var id : ids) {
            var before = from.product(id);
            var after = to.product(id);
            if (before == null) {
                changes.add(new ProductChange(id, Kind.ADDED, null, after, Map.of()));
            } else if (after == null) {
                changes.add(new ProductChange(id, Kind.REMOVED, before, null, Map.of()));
            } else if (!before.equals(after)) { // most products of two versions are the same: no JSON for them
                var fields = fields(ProductJson.write(before), ProductJson.write(after), true);
                if (!fields.isEmpty()) {
                    changes.add(new ProductChange(id, Kind.CHANGED, before, after, fields));
                }
            }
        }
        return new CatalogDiff(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The later version's products, made from the earlier's by this diff: removed ones dropped, added ones added, and
     * each changed field set to its value after (in the earlier's order, added ones at the end).
     */
    public List<Product> applyTo(Catalog from) {
        var byId = new LinkedHashMap<String, Product>();
        from.products().forEach(product -> byId.put(product.id(), product));
        for (var change : changes) {
            switch (change.kind()) {
                case REMOVED -> byId.remove(change.id());
                case ADDED -> byId.put(change.id(), change.after());
                case CHANGED -> byId.put(change.id(), patched(byId.get(change.id()), change.fields()));
            }
        }
        return List.copyOf(byId.values());
    }

    private static Product patched(Product product, Map<String, FieldChange> fields) {
        var json = ProductJson.write(product);
        fields.forEach((path, change) -> {
            var dot = path.indexOf('.');
            var parent = dot < 0 ? json : (ObjectNode) json.with(path.substring(0, dot));
            var name = dot < 0 ? path : path.substring(dot + 1);
            if (change.after() == null) {
                parent.remove(name);
            } else {
                parent.set(name, change.after());
            }
        });
        var findings = Findings.create();
        var patched = ProductJson.read(json, findings);
        if (patched == null || findings.hasErrors()) {
            throw new IllegalStateException("a diff made " + product.id() + " unreadable: " + findings.all());
        }
        return patched;
    }

    /** The changed fields of two products' JSON, one level into objects. */
    private static Map<String, FieldChange> fields(ObjectNode before, ObjectNode after, boolean intoObjects) {
        var changed = new LinkedHashMap<String, FieldChange>();
        var names = new TreeSet<String>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (var name : names) {
            var was = before.get(name);
            var is = after.get(name);
            if (Objects.equals(was, is)) {
                continue;
            }
            if (intoObjects && was instanceof ObjectNode wasObject && is instanceof ObjectNode isObject) {
                fields(wasObject, isObject, false).forEach((inner, change) -> changed.put(name + "." + inner, change));
            } else {
                changed.put(name, new FieldChange(was, is));
            }
        }
        return changed;
    }
}

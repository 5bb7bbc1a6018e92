package nutriplan.api.catalogs;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import nutriplan.api.errors.NotFoundException;
import nutriplan.api.json.JsonBody;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.JsonFields;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;
import nutriplan.catalog.product.ProductRules;
import nutriplan.store.CatalogInfo;
import nutriplan.store.CatalogStore;

/**
 * Reading and changing catalogs: reads from the in-memory snapshots, changes validated here in full (every fault at
 * once, as a catalog file is) and then made in the store, all or nothing, after which the snapshot is refreshed so
 * the next plan uses the new version.
 */
public final class CatalogService {

    private static final Set<String> CREATE_FIELDS = Set.of("name", "from");

    private final CatalogStore store;
    private final CatalogSnapshots snapshots;

    public CatalogService(CatalogStore store, CatalogSnapshots snapshots) {
        this.store = Objects.requireNonNull(store, "store");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    }

    public CatalogSnapshots snapshots() {
        return snapshots;
    }

    /** The catalog's current snapshot. */
    public Catalog catalog(String name) {
        var catalog = snapshots.find(name);
        if (catalog == null) {
            throw new NotFoundException("catalog", "no catalog named " + quoted(name));
        }
        return catalog;
    }

    /** Adds or replaces one product; the body is one product as API.md shows it, with the path's id. */
    public Catalog put(String name, String id, byte[] body, OptionalLong expectedVersion) {
        catalog(name);
        var node = JsonBody.parse(body);
        if (!node.isObject()) {
            throw InvalidInputException.of("", "expected one product, a JSON object as API.md shows it");
        }
        var findings = Findings.create();
        var product = ProductJson.read(node, findings);
        if (product != null) {
            ProductRules.check(product, findings);
        }
        throwIfInvalid(findings, "nothing was changed");
        if (!product.id().equals(id)) {
            throw InvalidInputException.of("id", "the body's id \"" + product.id() + "\" is not the path's " + quoted(id));
        }
        return changed(store.put(name, product, expectedVersion));
    }

    public Catalog delete(String name, String id, OptionalLong expectedVersion) {
        catalog(name);
        return changed(store.delete(name, id, expectedVersion));
    }

    /** Adds or replaces every product of a JSON array; one fault anywhere and nothing changes. */
    public Catalog importProducts(String name, byte[] body, OptionalLong expectedVersion) {
        catalog(name);
        var array = JsonBody.parse(body);
        if (!array.isArray()) {
            throw InvalidInputException.of("", "expected a JSON array of products");
        }
        var findings = Findings.create();
        var products = CatalogFiles.readProducts(array, "", findings);
        throwIfInvalid(findings, "nothing was imported");
        return changed(store.importProducts(name, products, expectedVersion));
    }

    /** {@code {"name": "trial", "from": "default"}}: a new catalog, empty or a copy of another. */
    public Catalog create(byte[] body) {
        var findings = Findings.create();
        var fields = JsonFields.of(JsonBody.parse(body), "", findings, CREATE_FIELDS);
        String name = fields == null ? null : fields.text("name", true, 80);
        String from = fields == null ? null : fields.text("from", false, 80);
        if (name != null && (!ProductJson.ID.matcher(name).matches() || name.equals(Catalogs.INLINE_CATALOG))) {
            findings.error("name", "\"" + name + "\" is not a catalog name: lowercase letters, digits and '-', starting"
                    + " with a letter or digit, at most 80 characters, not \"" + Catalogs.INLINE_CATALOG + "\"");
        }
        throwIfInvalid(findings, "the catalog was not created");
        List<Product> products = from == null ? List.of() : source(from).products();
        return changed(store.create(name, products));
    }

    /** The catalog as a catalog file: {@code check-catalog} accepts it, and importing it changes nothing. */
    public String export(String name) {
        return CatalogFiles.write(catalog(name));
    }

    private Catalog source(String from) {
        var catalog = snapshots.find(from);
        if (catalog == null) {
            throw InvalidInputException.of("from", "no catalog named " + quoted(from) + " to copy");
        }
        return catalog;
    }

    private Catalog changed(CatalogInfo info) {
        return snapshots.refresh(info.name());
    }

    /** Every error at once; the error table words the 400's message from them. */
    private static void throwIfInvalid(Findings findings, String consequence) {
        if (findings.hasErrors()) {
            throw new InvalidInputException(consequence, findings.all());
        }
    }

    /** A value as the caller sent it, in quotes and cut short: a hostile value is not echoed whole. */
    static String quoted(String text) {
        return "\"" + (text.length() <= 80 ? text : text.substring(0, 80) + "…") + "\"";
    }
}

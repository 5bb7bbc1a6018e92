package nutriplan.api.catalogs;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import nutriplan.store.Change;

/**
 * Reading and changing catalogs: reads from the in-memory snapshots, changes validated here in full (every fault at
 * once, as a catalog file is) and then made in the store, all or nothing, after which the snapshot is refreshed so
 * the next plan uses the new version. Every change names its {@link Author} and is logged as one JSON line on
 * {@code nutriplan.catalog.changes}:
 *
 * <pre>{"catalog":"trial","version":4,"change":"put","product":"my-gel","author":"key:np1a2b3c4d5e","requestId":"c0ffee-42"}</pre>
 */
public final class CatalogService {

    private static final Logger CHANGES = LoggerFactory.getLogger("nutriplan.catalog.changes");
    /** The log itself; a line is built only when the log takes it. */
    private static final Consumer<String> TO_LOG = CHANGES::info;
    private static final Set<String> CREATE_FIELDS = Set.of("name", "from");
    /** The most of a caller's id a log line holds. */
    private static final int MAX_LOGGED_LENGTH = 100;

    private final CatalogStore store;
    private final CatalogSnapshots snapshots;
    private final Consumer<String> changes;

    public CatalogService(CatalogStore store, CatalogSnapshots snapshots) {
        this(store, snapshots, TO_LOG);
    }

    /** Writing each change's line to {@code changes}: tests read them. */
    CatalogService(CatalogStore store, CatalogSnapshots snapshots, Consumer<String> changes) {
        this.store = Objects.requireNonNull(store, "store");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    public CatalogSnapshots snapshots() {
        return snapshots;
    }

    /** The catalog's current snapshot. */
    public Catalog catalog(String name) {
        var catalog = snapshots.current(name);
        if (catalog == null) {
            throw new NotFoundException("catalog", "no catalog named " + quoted(name));
        }
        return catalog;
    }

    /** Adds or replaces one product; the body is one product as API.md shows it, with the path's id. */
    public Catalog put(Author author, String name, String id, byte[] body, OptionalLong expectedVersion) {
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
        var info = store.put(name, product, change(author), expectedVersion);
        log(author, info, "put", line -> line.put("product", id));
        return changed(info);
    }

    public Catalog delete(Author author, String name, String id, OptionalLong expectedVersion) {
        catalog(name);
        var info = store.delete(name, id, change(author), expectedVersion);
        log(author, info, "delete", line -> line.put("product", capped(id)));
        return changed(info);
    }

    /** Adds or replaces every product of a JSON array; one fault anywhere and nothing changes. */
    public Catalog importProducts(Author author, String name, byte[] body, OptionalLong expectedVersion) {
        catalog(name);
        var array = JsonBody.parse(body);
        if (!array.isArray()) {
            throw InvalidInputException.of("", "expected a JSON array of products");
        }
        var findings = Findings.create();
        var products = CatalogFiles.readProducts(array, "", findings);
        throwIfInvalid(findings, "nothing was imported");
        var info = store.importProducts(name, products, change(author), expectedVersion);
        log(author, info, "import", line -> line.put("products", products.size()));
        return changed(info);
    }

    /** {@code {"name": "trial", "from": "default"}}: a new catalog, empty or a copy of another. */
    public Catalog create(Author author, byte[] body) {
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
        var info = store.create(name, products, change(author));
        log(author, info, "create", line -> line.put("from", from).put("products", products.size()));
        return changed(info);
    }

    /**
     * The catalog as it was at a version (a number or a tag's name; null: the current one), from the bounded cache of
     * old versions that pinned plans use.
     */
    public Catalog catalog(String name, String version) {
        var current = catalog(name);
        if (version == null) {
            return current;
        }
        var then = snapshots.find(name + "@" + version);
        if (then == null) {
            throw new NotFoundException("version", "catalog " + quoted(name) + " has no kept version or tag " + quoted(version)
                    + "; it is at version " + current.version());
        }
        return then;
    }

    private Catalog source(String from) {
        var catalog = snapshots.find(from);
        if (catalog == null) {
            throw InvalidInputException.of("from", "no catalog named " + quoted(from) + " to copy");
        }
        return catalog;
    }

    /** The change's line: the catalog, the version it made, what it was, its author and request. */
    private void log(Author author, CatalogInfo info, String change, Consumer<ObjectNode> details) {
        if (changes != TO_LOG || CHANGES.isInfoEnabled()) {
            var line = JsonNodeFactory.instance.objectNode()
                    .put("catalog", info.name())
                    .put("version", info.version())
                    .put("change", change);
            details.accept(line);
            line.put("author", capped(author.id())).put("requestId", author.requestId());
            changes.accept(line.toString());
        }
    }

    /** A caller's text in a log line: Jackson escapes it, this keeps it short. */
    private static String capped(String text) {
        return text.length() <= MAX_LOGGED_LENGTH ? text : text.substring(0, MAX_LOGGED_LENGTH) + "…";
    }

    /** What the version's record keeps of the change: its author and request. */
    private static Change change(Author author) {
        return new Change(author.id(), author.requestId(), author.message());
    }

    /** The catalog's snapshot read again after a change made elsewhere (a revert): what plans use from now on. */
    public Catalog refreshed(String name) {
        return snapshots.refresh(name);
    }

    /** Drops a deleted catalog's snapshot at once (the other replicas' at their next poll). */
    public void forget(String name) {
        snapshots.forget(name);
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

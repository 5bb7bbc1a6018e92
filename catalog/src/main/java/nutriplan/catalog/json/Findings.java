package nutriplan.catalog.json;

import java.util.ArrayList;
import java.util.List;

/** Collects findings about one scope (a product, or a whole document) so that all are reported at once. */
public final class Findings {

    private final List<Finding> list;
    private final String scope;
    private final String productId;

    private Findings(List<Finding> list, String scope, String productId) {
        this.list = list;
        this.scope = scope;
        this.productId = productId;
    }

    /** A new, empty collection for a whole document. */
    public static Findings create() {
        return new Findings(new ArrayList<>(), "", null);
    }

    /** The same collection, scoped to the product at {@code scope} ("products[3]"). */
    public Findings forProduct(String productScope, String id) {
        return new Findings(list, productScope, id);
    }

    public void error(String field, String message) {
        list.add(new Finding(scope, productId, field, Severity.ERROR, message));
    }

    public void warning(String field, String message) {
        list.add(new Finding(scope, productId, field, Severity.WARNING, message));
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Finding::isError);
    }

    public int errorCount() {
        return (int) list.stream().filter(Finding::isError).count();
    }

    public List<Finding> all() {
        return List.copyOf(list);
    }
}

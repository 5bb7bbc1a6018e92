package nutriplan.catalog.json;

import java.util.Objects;

/**
 * One fault found in input, naming where it is.
 *
 * @param scope     the path of the product it concerns ("products[3]"), or "" for the document itself
 * @param productId the product's id, or null when it is not known
 * @param field     the field within the product ("nutrients.fluid"), or "" for the product as a whole
 */
public record Finding(String scope, String productId, String field, Severity severity, String message) {

    public Finding {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** The full path, as a 400 names it: "products[3].nutrients.fluid". */
    public String path() {
        if (scope.isEmpty()) {
            return field;
        }
        return field.isEmpty() ? scope : scope + "." + field;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE: product-id: field: error|warning: message}, as check-catalog prints it. */
    public String toLine(String file) {
        return file + ": " + (productId == null ? "-" : productId) + ": " + (field.isEmpty() ? "-" : field)
                + ": " + severity + ": " + message;
    }
}

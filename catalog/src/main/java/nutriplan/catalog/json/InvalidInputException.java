package nutriplan.catalog.json;

import java.util.List;

/** Input that cannot be used, with every error found in it (the 400 of API.md). */
public final class InvalidInputException extends RuntimeException {

    private final List<Finding> errors;

    public InvalidInputException(String message, List<Finding> errors) {
        super(message, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(message, List.of(new Finding("", null, field, Severity.ERROR, message)));
    }

    public List<Finding> errors() {
        return errors;
    }
}

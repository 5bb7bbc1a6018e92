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

    /** The errors among the findings, as "the workout has 2 faults". */
    public static InvalidInputException of(Findings findings, String what) {
        var errors = findings.all().stream().filter(Finding::isError).toList();
        return new InvalidInputException(what + " has " + errors.size() + (errors.size() == 1 ? " fault" : " faults"), errors);
    }

    public List<Finding> errors() {
        return errors;
    }
}

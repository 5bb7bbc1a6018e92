package nutriplan.needs;

/** A rejected or suspicious input, with the field it is about. */
public record Fault(String field, String message) {
}

package nutriplan.needs;

/** An input that fell back to a default: its value, its source and its ±1 SD effect on the targets. */
public record Assumption(String input, String value, String source, String effect) {
}

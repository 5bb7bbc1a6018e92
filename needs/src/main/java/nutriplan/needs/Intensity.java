package nutriplan.needs;

/** How hard the session is; {@code moderate} when not given (API.md). */
public enum Intensity {
    LOW, MODERATE, HIGH
}

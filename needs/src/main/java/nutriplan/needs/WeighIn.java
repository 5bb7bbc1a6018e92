package nutriplan.needs;

/**
 * A sweat test by weighing before and after a session, in kg, L and min.
 *
 * @param urineL 0 when not given (guidelines §4)
 */
public record WeighIn(double beforeKg, double afterKg, double drankL, double urineL, double durationMin) {
}

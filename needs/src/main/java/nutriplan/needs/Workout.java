package nutriplan.needs;

/**
 * A session and the athlete's sweat test in canonical numbers; a null field was not given and falls back to a
 * default of guidelines §3, which the answer reports as assumed.
 *
 * @param sweatRateLPerH    null when not measured (then {@code weighIn} may give it)
 * @param sweatSodiumMgPerL sodium per litre of sweat
 * @param caffeineMgPerKg   null: no caffeine (opt-in only)
 * @param recoveryH         hours until the next demanding session; null when no recovery targets are wanted
 */
public record Workout(double durationMin, double bodyMassKg, Intensity intensity, Double sweatRateLPerH,
                      WeighIn weighIn, Double sweatSodiumMgPerL, Double temperatureC, Double carbToleranceGPerH,
                      Double caffeineMgPerKg, Double recoveryH) {

    public double hours() {
        return durationMin / 60;
    }
}

package nutriplan.planner.plan;

/**
 * One member of a smallest set of targets and limits that cannot hold together, and the change to it
 * alone that would make the request feasible.
 *
 * @param field      the request field it is ("targets.sodium.max", "limits.maxProducts", "require[0]")
 * @param constraint what it says, in words: "sodium at most 1000 mg"
 * @param suggestion the relaxation, in words: "raise sodium max to 1150 mg"; null when none was found in time
 * @param value      the relaxed value in the field's unit (canonical for targets), or null
 */
public record Relaxation(String field, String constraint, String suggestion, Double value) {
}

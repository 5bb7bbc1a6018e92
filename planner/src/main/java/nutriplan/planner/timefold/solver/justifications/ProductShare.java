package nutriplan.planner.timefold.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** One product's part in a soft level: its servings and what they add to the level, in the score's units. */
public record ProductShare(String product, int servings, long amount) implements ConstraintJustification {
}

package nutriplan.planner.timefold.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * An alternative that uses the same set of products as a plan given before it.
 *
 * @param rank 0 for the best plan, k for the k-th alternative
 */
public record SameProducts(int rank) implements ConstraintJustification {

    public String description() {
        return "uses the same products as " + (rank == 0 ? "the best plan" : "alternative " + rank);
    }

    @Override
    public String toString() {
        return description();
    }
}

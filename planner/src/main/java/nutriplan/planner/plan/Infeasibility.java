package nutriplan.planner.plan;

import java.util.List;

/**
 * Why no plan exists: per nutrient, the reach of the allowed products; then a smallest conflicting set of
 * targets and limits, each with the relaxation that alone makes the request feasible.
 *
 * @param complete false when the conflict search ran out of time (the set is still conflicting, maybe not smallest)
 */
public record Infeasibility(String summary, List<NutrientReach> nutrients, List<Relaxation> conflict, boolean complete) {

    public Infeasibility {
        nutrients = List.copyOf(nutrients);
        conflict = List.copyOf(conflict);
    }
}

package nutriplan.needs;

import java.util.List;

/**
 * Why one target is what it is.
 *
 * @param rule       the guidelines block, "R-CHO-DURING"
 * @param arithmetic the inputs and the arithmetic used, in words
 * @param sources    reference keys with their evidence grade, "ACSM16 [B]"
 */
public record Rationale(String target, String rule, String arithmetic, List<String> sources) {

    public Rationale {
        sources = List.copyOf(sources);
    }
}

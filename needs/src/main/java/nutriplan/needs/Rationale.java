package nutriplan.needs;

import java.util.List;

/**
 * Why one target is what it is.
 *
 * @param rule       the guidelines block, "R-CHO-DURING"
 * @param arithmetic the inputs and the arithmetic used, in words
 * @param sources    reference keys with their evidence grade, "ACSM16 [B]"
 * @param steps      where a target passes several rules on its way to the plan (fluid: the loss, the allowance, the
 *                   ceiling, the plannable range), each in order with its value and rule; empty otherwise
 */
public record Rationale(String target, String rule, String arithmetic, List<String> sources, List<Step> steps) {

    public Rationale {
        sources = List.copyOf(sources);
        steps = List.copyOf(steps);
    }

    public Rationale(String target, String rule, String arithmetic, List<String> sources) {
        this(target, rule, arithmetic, sources, List.of());
    }

    /**
     * One step from a rule's input to the planned value: "sweat loss 6 L (1.5 L/h × 4 h)", by R-FLUID-DURING.
     *
     * @param min  the range's low end after this step, in {@code unit}; NaN when the step is a single value
     * @param max  its high end, or the single value
     */
    public record Step(String what, double min, double max, String unit, String rule) {
    }
}

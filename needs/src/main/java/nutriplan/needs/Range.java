package nutriplan.needs;

/** A target in the unit of its nutrient (g, mL, mg): {@code max} is infinite when there is none. */
public record Range(String nutrient, double min, double max, String unit) {
}

package nutriplan.catalog.product;

import java.util.Objects;
import java.util.regex.Pattern;

import nutriplan.catalog.nutrient.Quantities;

/**
 * How one serving is taken, from the label's directions: mixed into water (a powder, a tablet, a stick,
 * a gel-in-bottle mix) or taken dry. The water is drunk with the serving, so it counts as fluid.
 *
 * @param water mL of water one serving is mixed into; 0 when it is taken dry
 * @param unit  what one serving is called on the label ("scoop", "sachet", "tablet"), for the plan's text
 */
public record Preparation(double water, String unit) {

    public static final Pattern UNIT = Pattern.compile("[a-z][a-z -]{0,39}");
    public static final String DEFAULT_UNIT = "serving";

    public Preparation {
        if (!(water >= 0) || Double.isInfinite(water)) {
            throw new IllegalArgumentException("water must be a finite amount of mL, at least 0, got " + water);
        }
        Objects.requireNonNull(unit, "unit");
    }

    public static Preparation mixedInto(double water, String unit) {
        return new Preparation(water, unit);
    }

    public static Preparation dry(String unit) {
        return new Preparation(0, unit);
    }

    public boolean isDry() {
        return water == 0;
    }

    /** "1 scoop in 355 mL water", "1 capsule taken dry": the directions for one serving. */
    public String directions() {
        return isDry() ? "1 " + unit + " taken dry" : "1 " + unit + " in " + Quantities.format(water) + " mL water";
    }
}

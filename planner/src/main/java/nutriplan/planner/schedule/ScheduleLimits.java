package nutriplan.planner.schedule;

import java.util.ArrayList;
import java.util.List;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/**
 * The limits a schedule is solved within (guidelines §12, R-SCHEDULE). A session's needs (the carbohydrate
 * tolerance, the safe fluid per hour of a workout's safety block) fill them when known; {@link #of} gives the
 * defaults for a session known only by its duration.
 *
 * @param durationMin        the session's length; slots start at 0, intervalMin, … before it ends
 * @param intervalMin        minutes between slots, {@value #MIN_INTERVAL}–{@value #MAX_INTERVAL}
 * @param carbPerHourG       carbohydrate in any 60-minute window, g (the tolerance)
 * @param fluidPerHourMl     fluid in any 60-minute window, mL, at most {@value #MAX_FLUID_PER_HOUR_ML}
 * @param caffeinePerSlotMg  caffeine in one slot, mg, at most {@value #MAX_CAFFEINE_PER_SLOT_MG}
 * @param sipMaxMl           the most of one drink serving taken at one slot; a larger serving is split into sips
 *                           over consecutive slots
 * @param carbMinPerHourG    the least carbohydrate each clock hour should hold, g (the §5 band's minimum; 0 for none),
 *                           at most {@code carbPerHourG}; a last part of an hour is asked for less ({@link #carbMinG})
 * @param slotCarbPerLitre   the most carbohydrate one slot should hold per litre of the fluid taken at it, g/L
 *                           ({@link Double#POSITIVE_INFINITY} for no such limit)
 */
public record ScheduleLimits(int durationMin, int intervalMin, double carbPerHourG, double fluidPerHourMl,
                             double caffeinePerSlotMg, double sipMaxMl, double carbMinPerHourG, double slotCarbPerLitre) {

    public static final int DEFAULT_INTERVAL = 15;
    public static final int MIN_INTERVAL = 10;
    public static final int MAX_INTERVAL = 20;
    public static final int MAX_DURATION_MIN = 24 * 60;
    /** A single-sugar tolerance: 90 g/h needs multiple-transportable carbohydrate, which a bare duration does not show (§3). */
    public static final double DEFAULT_CARB_PER_HOUR_G = 60;
    /** The most a gut-trained athlete is planned for (§5). */
    public static final double MAX_CARB_PER_HOUR_G = 120;
    /** The planning ceiling of API.md (§12). */
    public static final double MAX_FLUID_PER_HOUR_ML = 1000;
    /** EFSA's single dose without concern (§10). */
    public static final double MAX_CAFFEINE_PER_SLOT_MG = 200;
    /** Small, frequent drinks (§12): a quarter of the hourly ceiling, one 15-minute slot's share. */
    public static final double DEFAULT_SIP_MAX_ML = 250;
    /** In a session up to this long the last ten minutes may hold intake too (there is little else). */
    public static final int SHORT_SESSION_MIN = 60;
    public static final int WINDOW_MIN = 60;
    /**
     * The share of limit × hours a plan is capped at: whole servings cannot fill every 60-minute window to the
     * gram, so a plan at exactly limit × hours is often impossible to spread; this headroom lets them fit.
     */
    public static final double PACKING = 0.85;
    /**
     * The share of the packed max a workout's min is lowered to when it is above it: the same 95 % that makes the needs'
     * point targets plannable ranges.
     */
    public static final double ROOM_FOR_SERVINGS = 0.95;
    /** A last part of an hour shorter than this is held to the cap only: it is asked for no carbohydrate ({@link #carbMinG}). */
    public static final int PARTIAL_HOUR_MIN = 30;
    /** No limit on carbohydrate per litre of a slot's fluid. */
    public static final double NO_SLOT_CARB_PER_LITRE = Double.POSITIVE_INFINITY;

    public ScheduleLimits {
        if (durationMin < 1 || durationMin > MAX_DURATION_MIN) {
            throw new IllegalArgumentException("durationMin must be 1 to " + MAX_DURATION_MIN + ", got " + durationMin);
        }
        if (intervalMin < MIN_INTERVAL || intervalMin > MAX_INTERVAL) {
            throw new IllegalArgumentException("intervalMin must be " + MIN_INTERVAL + " to " + MAX_INTERVAL + ", got " + intervalMin);
        }
        requirePositive(carbPerHourG, "carbPerHourG");
        requirePositive(fluidPerHourMl, "fluidPerHourMl");
        requirePositive(caffeinePerSlotMg, "caffeinePerSlotMg");
        requirePositive(sipMaxMl, "sipMaxMl");
        if (!(carbMinPerHourG >= 0) || carbMinPerHourG > carbPerHourG) {
            throw new IllegalArgumentException("carbMinPerHourG must be 0 to carbPerHourG (" + carbPerHourG + "), got "
                    + carbMinPerHourG);
        }
        if (!(slotCarbPerLitre > 0)) {
            throw new IllegalArgumentException("slotCarbPerLitre must be above 0 (infinite for none), got " + slotCarbPerLitre);
        }
        fluidPerHourMl = Math.min(fluidPerHourMl, MAX_FLUID_PER_HOUR_ML);
        caffeinePerSlotMg = Math.min(caffeinePerSlotMg, MAX_CAFFEINE_PER_SLOT_MG);
    }

    /**
     * The defaults of guidelines §3 and §12 for a session known by its duration and interval only: no per-hour
     * carbohydrate minimum, no limit on carbohydrate per litre.
     */
    public static ScheduleLimits of(int durationMin, int intervalMin) {
        return new ScheduleLimits(durationMin, intervalMin, DEFAULT_CARB_PER_HOUR_G, MAX_FLUID_PER_HOUR_ML,
                MAX_CAFFEINE_PER_SLOT_MG, DEFAULT_SIP_MAX_ML, 0, NO_SLOT_CARB_PER_LITRE);
    }

    /** Another carbohydrate cap; the per-hour minimum follows a cap lowered below it down, so that it stays a band. */
    public ScheduleLimits withCarbPerHourG(double newCarbPerHourG) {
        return new ScheduleLimits(durationMin, intervalMin, newCarbPerHourG, fluidPerHourMl, caffeinePerSlotMg, sipMaxMl,
                Math.min(carbMinPerHourG, newCarbPerHourG), slotCarbPerLitre);
    }

    public ScheduleLimits withFluidPerHourMl(double newFluidPerHourMl) {
        return new ScheduleLimits(durationMin, intervalMin, carbPerHourG, newFluidPerHourMl, caffeinePerSlotMg, sipMaxMl,
                carbMinPerHourG, slotCarbPerLitre);
    }

    public ScheduleLimits withSipMaxMl(double newSipMaxMl) {
        return new ScheduleLimits(durationMin, intervalMin, carbPerHourG, fluidPerHourMl, caffeinePerSlotMg, newSipMaxMl,
                carbMinPerHourG, slotCarbPerLitre);
    }

    /** The band's minimum per clock hour, g; 0 for none. At most the cap. */
    public ScheduleLimits withCarbMinPerHourG(double newCarbMinPerHourG) {
        return new ScheduleLimits(durationMin, intervalMin, carbPerHourG, fluidPerHourMl, caffeinePerSlotMg, sipMaxMl,
                newCarbMinPerHourG, slotCarbPerLitre);
    }

    /** The most carbohydrate per litre of a slot's fluid, g/L; {@link #NO_SLOT_CARB_PER_LITRE} for none. */
    public ScheduleLimits withSlotCarbPerLitre(double newSlotCarbPerLitre) {
        return new ScheduleLimits(durationMin, intervalMin, carbPerHourG, fluidPerHourMl, caffeinePerSlotMg, sipMaxMl,
                carbMinPerHourG, newSlotCarbPerLitre);
    }

    /** True when the session asks every clock hour for some carbohydrate. */
    public boolean hasCarbMin() {
        return carbMinPerHourG > 0;
    }

    /** True when a slot's carbohydrate is limited by its fluid. */
    public boolean hasSlotCarbPerLitre() {
        return slotCarbPerLitre != NO_SLOT_CARB_PER_LITRE;
    }

    /**
     * The least carbohydrate the clock hour starting at {@code fromMin} should hold, g: the band's minimum for a
     * whole hour; for the session's last part of an hour, {@code carbMinPerHourG × length / 60} when it lasts at least
     * {@value #PARTIAL_HOUR_MIN} minutes, else 0.
     *
     * <p>Why prorate: the band is a rate (g/h, guidelines §5), so a 45-minute end asks for three quarters of it, not
     * a whole hour's grams squeezed into fewer slots, which would break the same rate's cap. Why nothing below 30
     * minutes: §5 asks for no carbohydrate in efforts under 45 minutes, and what is taken in a session's last
     * minutes arrives after it (the schedule already keeps its last 10 minutes empty); a short tail of one or two
     * slots cannot take a serving without crowding the window before it, so it is held to the cap alone.
     */
    public double carbMinG(int fromMin) {
        int length = Math.min(durationMin, fromMin + WINDOW_MIN) - fromMin;
        if (length >= WINDOW_MIN) {
            return carbMinPerHourG;
        }
        return length >= PARTIAL_HOUR_MIN ? carbMinPerHourG * length / WINDOW_MIN : 0;
    }

    /** The clock hours' count: the last one cut at the end. */
    public int hourCount() {
        return (durationMin + WINDOW_MIN - 1) / WINDOW_MIN;
    }

    /** Slots at 0, intervalMin, … strictly before the end. */
    public int slotCount() {
        return (durationMin + intervalMin - 1) / intervalMin;
    }

    /** How many slots one 60-minute window starting at a slot covers. */
    public int windowSlots() {
        return (WINDOW_MIN + intervalMin - 1) / intervalMin;
    }

    public double hours() {
        return durationMin / 60.0;
    }

    /** The most carbohydrate the session can take evenly within its hourly limit. */
    public double sessionCarbG() {
        return carbPerHourG * hours();
    }

    /** The most fluid the session can take evenly within its hourly limit. */
    public double sessionFluidMl() {
        return fluidPerHourMl * hours();
    }

    /**
     * The request with its carbohydrate and fluid maximums lowered to what the session can take (limit per hour ×
     * hours × {@code packing}, {@value #PACKING} at first, but never below a min), so that the planner finds a plan
     * that can be scheduled; a target's min above the cap is left as it is, for {@link #unreachable} to explain.
     *
     * <p>With a band of carbohydrate per hour ({@link #hasCarbMin}) the plan's carbohydrate is also kept off the
     * band's floor: a plan of exactly the band's minimum × hours can meet it in every hour only if every hour holds
     * the same grams, which whole servings (a 25 g gel, a 7 g sip that falls on either side of an hour) almost never
     * allow. Its min is raised to an eighth of the band's width below the band's middle, and its maximum is at least
     * an eighth above it (60–90 g/h: 71.25–78.75 g/h), so that each hour has a few grams to spare on either side; a
     * caller's higher min stays.
     */
    public PlanRequest capped(PlanRequest request, double packing) {
        return capped(request, packing, true, false);
    }

    /**
     * {@link #capped(PlanRequest, double)}, aimed at the band's middle or not ({@code aimed} false: the plain share
     * and the min asked, for when no plan reaches the aim, such as when a potassium max caps the drinks, or when no
     * schedule of the aimed plans keeps within the caps).
     *
     * @param ownRanges the targets are planning ranges of nutriplan's own (a workout's), never the caller's: a
     *                  carbohydrate or fluid min above {@value #ROOM_FOR_SERVINGS} of the packed max is lowered to it,
     *                  so that whole servings have a band to land in at every packing share (a caller's min stays,
     *                  for {@link #unreachable} and {@link #nearTheCap} to explain)
     */
    public PlanRequest capped(PlanRequest request, double packing, boolean aimed, boolean ownRanges) {
        var targets = new ArrayList<Target>();
        boolean[] seen = new boolean[2];
        double carbCeiling = carbCeiling(request, packing);
        for (var target : request.targets()) {
            int capIndex = target.nutrient() == Nutrient.CARBOHYDRATE ? 0 : target.nutrient() == Nutrient.FLUID ? 1 : -1;
            if (capIndex < 0) {
                targets.add(target);
                continue;
            }
            seen[capIndex] = true;
            if (target.min() > sessionCap(capIndex)) {
                targets.add(target);
                continue;
            }
            double packedMax = packed(capIndex, packing, aimed, carbCeiling);
            double min = ownRanges ? Math.min(target.min(), packedMax * ROOM_FOR_SERVINGS) : target.min();
            double max = Math.max(min, Math.min(target.max(), packedMax));
            targets.add(new Target(target.nutrient(), capIndex == 0 && aimed ? aimedMin(min, max, carbCeiling) : min, max));
        }
        if (!seen[0]) {
            double max = packed(0, packing, aimed, carbCeiling);
            targets.add(new Target(Nutrient.CARBOHYDRATE, aimed ? aimedMin(0, max, carbCeiling) : 0, max));
        }
        if (!seen[1]) {
            targets.add(new Target(Nutrient.FLUID, 0, packed(1, packing, aimed, carbCeiling)));
        }
        return request.withTargets(targets);
    }

    /**
     * The most carbohydrate the request's concentration limit lets the packed fluid carry; infinite without one. The
     * band's aim never reaches above it: a plan aimed there cannot exist.
     */
    private double carbCeiling(PlanRequest request, double packing) {
        if (request.concentration() == null) {
            return Double.POSITIVE_INFINITY;
        }
        double fluidMax = request.targets().stream().filter(target -> target.nutrient() == Nutrient.FLUID)
                .mapToDouble(Target::max).findFirst().orElse(Double.POSITIVE_INFINITY);
        return request.concentration().gramsPerMillilitre() * Math.min(fluidMax, sessionFluidMl() * packing);
    }

    /**
     * The most a plan may hold for the session at a packing share; for carbohydrate aimed at a band, at least an
     * eighth of the band's width above its middle, as far as the concentration limit lets the fluid carry it.
     */
    private double packed(int capIndex, double packing, boolean aimed, double carbCeiling) {
        if (capIndex == 1) {
            return sessionFluidMl() * packing;
        }
        return aimed && hasCarbMin()
                ? Math.max(sessionCarbG() * packing, Math.min(bandMiddleG() + bandEighthG(), carbCeiling))
                : sessionCarbG() * packing;
    }

    /**
     * A carbohydrate min an eighth of the band's width below its middle, never above {@value #ROOM_FOR_SERVINGS} of what
     * the concentration limit lets the fluid carry; {@code min} itself without a band or when higher.
     */
    private double aimedMin(double min, double max, double carbCeiling) {
        double aim = Math.min(bandMiddleG() - bandEighthG(), carbCeiling * ROOM_FOR_SERVINGS);
        return hasCarbMin() ? Math.max(min, Math.min(max, aim)) : min;
    }

    /** The middle of the band over the session, g: halfway from what it asks ({@link #carbMinTotalG}) to the cap × hours. */
    private double bandMiddleG() {
        return (carbMinTotalG() + sessionCarbG()) / 2;
    }

    private double bandEighthG() {
        return (sessionCarbG() - carbMinTotalG()) / 8;
    }

    /** What the band asks of the whole session, g: the sum over its clock hours of {@link #carbMinG}. */
    public double carbMinTotalG() {
        double total = 0;
        for (int from = 0; from < durationMin; from += WINDOW_MIN) {
            total += carbMinG(from);
        }
        return total;
    }

    private double sessionCap(int capIndex) {
        return capIndex == 0 ? sessionCarbG() : sessionFluidMl();
    }

    /**
     * The targets whose min no schedule of this session can take within the hourly limits, each as a sentence
     * naming the rule and by how much; empty when every min fits.
     */
    public List<String> unreachable(PlanRequest request) {
        var sentences = new ArrayList<String>();
        for (var target : request.targets()) {
            if (target.nutrient() == Nutrient.CARBOHYDRATE && target.min() > sessionCarbG() * (1 + 1e-9)) {
                sentences.add(tooMuch("carbohydrate", target.min(), "g", carbPerHourG, sessionCarbG()));
            }
            if (target.nutrient() == Nutrient.FLUID && target.min() > sessionFluidMl() * (1 + 1e-9)) {
                sentences.add(tooMuch("fluid", target.min(), "mL", fluidPerHourMl, sessionFluidMl()));
            }
        }
        return sentences;
    }

    /**
     * The targets whose min asks for more than {@code packing} of what the session's hourly caps allow: reachable
     * on paper, but whole servings (or equal sips of them) rarely fill every window that exactly. Each as a
     * sentence with the share and the min that would leave the headroom; empty when none.
     */
    public List<String> nearTheCap(PlanRequest request, double packing) {
        var sentences = new ArrayList<String>();
        for (var target : request.targets()) {
            boolean carb = target.nutrient() == Nutrient.CARBOHYDRATE;
            if (!carb && target.nutrient() != Nutrient.FLUID) {
                continue;
            }
            double cap = carb ? sessionCarbG() : sessionFluidMl();
            if (target.min() > cap * packing * (1 + 1e-9)) {
                String unit = carb ? "g" : "mL";
                sentences.add((carb ? "carbohydrate" : "fluid") + " per hour: the min of " + format(target.min()) + " " + unit
                        + " is " + Math.round(100 * target.min() / cap) + " % of what " + format(carb ? carbPerHourG : fluidPerHourMl)
                        + " " + unit + "/h over " + durationMin + " min allows (" + format(cap) + " " + unit + "); whole servings,"
                        + " or equal sips of them, rarely fill every 60-minute window that exactly: lower the min to "
                        + format(cap * packing) + " " + unit + " (" + Math.round(packing * 100) + " %), or lengthen the session");
            }
        }
        return sentences;
    }

    private String tooMuch(String nutrient, double min, String unit, double perHour, double cap) {
        return nutrient + " per hour: the min of " + format(min) + " " + unit + " is more than " + format(perHour) + " "
                + unit + "/h over " + durationMin + " min allows (" + format(cap) + " " + unit + ") by "
                + format(min - cap) + " " + unit + "; lower the min, or lengthen the session";
    }

    static String format(double value) {
        return nutriplan.catalog.nutrient.Quantities.format(Math.round(value * 10) / 10.0);
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
    }
}

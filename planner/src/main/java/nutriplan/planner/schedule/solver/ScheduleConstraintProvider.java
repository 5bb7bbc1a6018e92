package nutriplan.planner.schedule.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.min;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.filtering;
import static ai.timefold.solver.core.api.score.stream.Joiners.greaterThanOrEqual;
import static ai.timefold.solver.core.api.score.stream.Joiners.lessThan;
import static ai.timefold.solver.core.api.score.stream.Joiners.overlapping;

import java.util.List;
import java.util.function.Function;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintBuilder;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;

import nutriplan.planner.schedule.domain.Hour;
import nutriplan.planner.schedule.domain.Placement;
import nutriplan.planner.schedule.domain.Session;
import nutriplan.planner.schedule.domain.Slot;
import nutriplan.planner.schedule.domain.Tracked;
import nutriplan.planner.schedule.solver.justifications.BelowBand;
import nutriplan.planner.schedule.solver.justifications.Misplaced;
import nutriplan.planner.schedule.solver.justifications.OffCurve;
import nutriplan.planner.schedule.solver.justifications.OverLimit;
import nutriplan.planner.schedule.solver.justifications.SolidsTogether;
import nutriplan.planner.schedule.solver.justifications.TooConcentrated;
import nutriplan.planner.schedule.solver.justifications.Unplaced;

/**
 * The rules of an intake schedule (guidelines §12, R-SCHEDULE). Hard: the hourly carbohydrate and fluid caps in
 * every 60-minute window that starts at a slot, the caffeine cap per slot, every serving placed once and inside
 * the session; each penalised by how far it is broken (thousandths of the unit, sips). Medium, what a schedule
 * should meet but may miss when whole servings cannot (it is then returned with the misses named, never preferred to
 * one that meets them): every clock hour's carbohydrate at least the band's minimum, and each slot's carbohydrate
 * within the limit per litre of the fluid taken with it; both in thousandths of a gram of carbohydrate missing or
 * too much. Soft: cumulative carbohydrate, fluid and sodium stay within one serving of the even curve (per slot, in
 * thousandths of the total off the curve), then the timing advice, {@value #TIMING} per serving or pair that
 * breaks it.
 */
public final class ScheduleConstraintProvider implements ConstraintProvider {

    public static final String CARBOHYDRATE_PER_HOUR = "Carbohydrate per hour";
    public static final String FLUID_PER_HOUR = "Fluid per hour";
    public static final String CAFFEINE_PER_SLOT = "Caffeine per slot";
    public static final String SERVING_PLACED = "Every serving placed";
    public static final String WITHIN_SESSION = "Sips within the session";
    public static final String CARBOHYDRATE_BAND = "Carbohydrate every hour";
    public static final String CARBOHYDRATE_PER_LITRE = "Carbohydrate per litre in a slot";
    /** The medium rules, the names a schedule's misses carry. */
    public static final List<String> MEDIUM_RULES = List.of(CARBOHYDRATE_BAND, CARBOHYDRATE_PER_LITRE);
    public static final String EVEN_CARBOHYDRATE = "Even carbohydrate";
    public static final String EVEN_FLUID = "Even fluid";
    public static final String EVEN_SODIUM = "Even sodium";
    public static final String CARBOHYDRATE_EARLY = "Carbohydrate from 20 min";
    public static final String NOTHING_AT_THE_END = "Nothing in the last 10 minutes";
    public static final String SOLIDS_EARLY = "Bars and foods in the first half";
    public static final String LAST_THIRD_FORMS = "Only drinks gels chews and powders in the last third";
    public static final String CAFFEINE_LATE = "Caffeine in the second half";
    public static final String ONE_SOLID_PER_SLOT = "No two solids in one slot";

    /**
     * The hard cost of one sip without a slot: above any cap's excess (thousandths of a unit), so that the search
     * never keeps a serving out of the session to spare an hour's cap.
     */
    public static final long PER_SIP_OFF = 10_000_000;
    /** Carbohydrate should have started by this minute. */
    public static final int CARBOHYDRATE_BY_MIN = 20;
    /** The soft cost of one serving (or pair) against a timing rule: a few slots' worth of an off-curve share. */
    public static final long TIMING = 200;
    /** The soft cost of one minute of carbohydrate later than {@value #CARBOHYDRATE_BY_MIN}. */
    public static final long PER_MINUTE_LATE = 20;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard constraints
                carbohydratePerHour(factory),
                fluidPerHour(factory),
                caffeinePerSlot(factory),
                servingPlaced(factory),
                sipsWithinSession(factory),
                // Medium constraints
                carbohydrateEveryHour(factory),
                carbohydratePerLitre(factory),
                // Soft constraints
                evenCarbohydrate(factory),
                evenFluid(factory),
                evenSodium(factory),
                carbohydrateEarly(factory),
                nothingInLastTenMinutes(factory),
                solidsInFirstHalf(factory),
                lastThirdForms(factory),
                caffeineInSecondHalf(factory),
                oneSolidPerSlot(factory)
        };
    }

    /** In every 60-minute window that starts at a slot, carbohydrate stays within the tolerance. */
    Constraint carbohydratePerHour(ConstraintFactory factory) {
        return overCap(factory, Tracked.CARBOHYDRATE, Slot::windowEnd, Session::carbCap, "per hour")
                .asConstraint(CARBOHYDRATE_PER_HOUR);
    }

    /** In every 60-minute window that starts at a slot, fluid stays within the safe fluid per hour (≤ 1 L). */
    Constraint fluidPerHour(ConstraintFactory factory) {
        return overCap(factory, Tracked.FLUID, Slot::windowEnd, Session::fluidCap, "per hour").asConstraint(FLUID_PER_HOUR);
    }

    /** One slot holds at most 200 mg of caffeine (EFSA's single dose). */
    Constraint caffeinePerSlot(ConstraintFactory factory) {
        return overCap(factory, Tracked.CAFFEINE, slot -> slot.index() + 1, Session::caffeineCap, "per slot")
                .asConstraint(CAFFEINE_PER_SLOT);
    }

    private static ConstraintBuilder overCap(
            ConstraintFactory factory, Tracked nutrient, Function<Slot, Integer> end,
            Function<Session, Long> cap, String per) {
        return factory.forEach(Slot.class)
                .join(Placement.class, overlapping(Slot::index, end, Placement::firstSlot, Placement::endSlot),
                        filtering((slot, placement) -> placement.has(nutrient)))
                .groupBy((slot, placement) -> slot,
                        sum((slot, placement) -> placement.amountIn(nutrient, slot.index(), end.apply(slot))))
                .join(Session.class, filtering((slot, total, session) -> total > cap.apply(session)))
                .penalize(HardMediumSoftScore.ONE_HARD, (slot, total, session) -> total - cap.apply(session))
                .justifyWith((slot, total, session, score) -> new OverLimit(nutrient, slot.atMin(),
                        endMin(session, end.apply(slot)), total, cap.apply(session), per));
    }

    /** The minute a range of slots ends: the next slot's start, or the session's end. */
    public static int endMin(Session session, int endSlot) {
        return Math.min(session.durationMin(), endSlot * session.limits().intervalMin());
    }

    /** Every serving of the plan has a slot. */
    Constraint servingPlaced(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Placement.class)
                .filter(placement -> placement.getStart() == null)
                .penalize(HardMediumSoftScore.ONE_HARD, placement -> placement.sips() * PER_SIP_OFF)
                .justifyWith((placement, score) -> new Unplaced(placement.product().id(), placement.serving(), placement.sips()))
                .asConstraint(SERVING_PLACED);
    }

    /** A drink's sips all fall in the session: none after its last slot. */
    Constraint sipsWithinSession(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .join(Session.class, filtering((placement, session) -> placement.endSlot() > session.slotCount()))
                .penalize(HardMediumSoftScore.ONE_HARD, (placement, session) -> (placement.endSlot() - session.slotCount()) * PER_SIP_OFF)
                .justifyWith((placement, session, score) -> new Unplaced(placement.product().id(), placement.serving(),
                        placement.endSlot() - session.slotCount()))
                .asConstraint(WITHIN_SESSION);
    }

    /**
     * Every clock hour holds at least the band's minimum of carbohydrate (guidelines §5, §12 "every hour fed"); the
     * session's last part of an hour a prorated share ({@code ScheduleLimits.carbMinG}). The cap is the hard rule above.
     */
    Constraint carbohydrateEveryHour(ConstraintFactory factory) {
        return factory.forEach(Hour.class)
                .filter(hour -> hour.carbMin() > 0)
                .join(Placement.class, overlapping(Hour::firstSlot, Hour::endSlot, Placement::firstSlot, Placement::endSlot),
                        filtering((hour, placement) -> placement.has(Tracked.CARBOHYDRATE)))
                .groupBy((hour, placement) -> hour,
                        sum((hour, placement) -> placement.amountIn(Tracked.CARBOHYDRATE, hour.firstSlot(), hour.endSlot())))
                .complement(Hour.class, hour -> 0L) // an hour with no carbohydrate at all holds 0
                .filter((hour, total) -> total < hour.carbMin())
                .join(Session.class)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, (hour, total, session) -> hour.carbMin() - total)
                .justifyWith((hour, total, session, score) -> new BelowBand(hour.fromMin(), hour.toMin(), total,
                        hour.carbMin(), Tracked.scaled(session.limits().carbMinPerHourG())))
                .asConstraint(CARBOHYDRATE_BAND);
    }

    /**
     * A slot's carbohydrate is at most the limit per litre of the fluid taken at it: sips of drinks and foods' own
     * water. A gel is taken with a sip; a bite of rice with a sip is still far over.
     */
    Constraint carbohydratePerLitre(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .ifExists(Session.class, filtering((slot, session) -> session.limitsSlotCarbPerLitre())) // else nothing to count
                .join(Placement.class, overlapping(Slot::index, slot -> slot.index() + 1, Placement::firstSlot, Placement::endSlot),
                        filtering((slot, placement) -> placement.has(Tracked.CARBOHYDRATE) || placement.has(Tracked.FLUID)))
                .groupBy((slot, placement) -> slot,
                        sum((slot, placement) -> placement.amountIn(Tracked.CARBOHYDRATE, slot.index(), slot.index() + 1)),
                        sum((slot, placement) -> placement.amountIn(Tracked.FLUID, slot.index(), slot.index() + 1)))
                .join(Session.class, filtering((slot, carbohydrate, fluid, session) ->
                        session.carbAboveConcentration(carbohydrate, fluid) > 0))
                .penalize(HardMediumSoftScore.ONE_MEDIUM, (slot, carbohydrate, fluid, session) ->
                        session.carbAboveConcentration(carbohydrate, fluid))
                .justifyWith((slot, carbohydrate, fluid, session, score) -> new TooConcentrated(slot.atMin(), carbohydrate,
                        fluid, session.limits().slotCarbPerLitre()))
                .asConstraint(CARBOHYDRATE_PER_LITRE);
    }

    /** Cumulative carbohydrate stays within one serving of total × elapsed / duration. */
    Constraint evenCarbohydrate(ConstraintFactory factory) {
        return offCurve(factory, Tracked.CARBOHYDRATE).asConstraint(EVEN_CARBOHYDRATE);
    }

    /** Cumulative fluid stays within one serving of total × elapsed / duration. */
    Constraint evenFluid(ConstraintFactory factory) {
        return offCurve(factory, Tracked.FLUID).asConstraint(EVEN_FLUID);
    }

    /** Cumulative sodium stays within one serving of total × elapsed / duration. */
    Constraint evenSodium(ConstraintFactory factory) {
        return offCurve(factory, Tracked.SODIUM).asConstraint(EVEN_SODIUM);
    }

    private static ConstraintBuilder offCurve(
            ConstraintFactory factory, Tracked nutrient) {
        BiConstraintStream<Slot, Long> cumulative = factory.forEach(Slot.class)
                .join(Placement.class, greaterThanOrEqual(Slot::index, Placement::firstSlot),
                        filtering((slot, placement) -> placement.has(nutrient)))
                .groupBy((slot, placement) -> slot, sum((slot, placement) -> placement.amountIn(nutrient, 0, slot.index() + 1)))
                .complement(Slot.class, slot -> 0L); // a slot before any intake has taken 0
        return cumulative
                .join(Session.class, filtering((slot, taken, session) -> session.total(nutrient) > 0
                        && session.offCurve(nutrient, slot, taken) > 0))
                .penalize(HardMediumSoftScore.ONE_SOFT, (slot, taken, session) ->
                        Math.ceilDiv(session.offCurve(nutrient, slot, taken) * 1000, session.total(nutrient)))
                .justifyWith((slot, taken, session, score) -> new OffCurve(nutrient,
                        endMin(session, slot.index() + 1), taken, session.evenThrough(nutrient, slot)));
    }

    /** Carbohydrate starts by 20 minutes: each minute later costs. */
    Constraint carbohydrateEarly(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(placement -> placement.has(Tracked.CARBOHYDRATE))
                .groupBy(min(Placement::startMin))
                .join(Session.class, filtering((first, session) -> first > CARBOHYDRATE_BY_MIN
                        && session.durationMin() > CARBOHYDRATE_BY_MIN))
                .penalize(HardMediumSoftScore.ONE_SOFT, (first, session) -> (first - CARBOHYDRATE_BY_MIN) * PER_MINUTE_LATE)
                .justifyWith((first, session, score) -> new Misplaced("carbohydrate", 1, first,
                        "the first carbohydrate comes after " + CARBOHYDRATE_BY_MIN + " min"))
                .asConstraint(CARBOHYDRATE_EARLY);
    }

    /** Nothing is taken in the last ten minutes, unless the session is short (an hour or less). */
    Constraint nothingInLastTenMinutes(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .join(Session.class, filtering((placement, session) ->
                        session.inLastTenMinutes(placement.lastMin(session.limits().intervalMin()))))
                .penalize(HardMediumSoftScore.ONE_SOFT, (placement, session) -> TIMING)
                .justifyWith((placement, session, score) -> misplaced(placement, "intake in the last 10 minutes"))
                .asConstraint(NOTHING_AT_THE_END);
    }

    /** Bars and foods only in the first half. */
    Constraint solidsInFirstHalf(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(placement -> Placement.EARLY_ONLY.contains(placement.kind()))
                .join(Session.class, filtering((placement, session) -> !session.inFirstHalf(placement.startMin())))
                .penalize(HardMediumSoftScore.ONE_SOFT, (placement, session) -> TIMING)
                .justifyWith((placement, session, score) -> misplaced(placement, "a " + placement.kind() + " in the second half"))
                .asConstraint(SOLIDS_EARLY);
    }

    /** The last third holds only drinks, gels, chews and powders. */
    Constraint lastThirdForms(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(placement -> !Placement.LATE_KINDS.contains(placement.kind()))
                .join(Session.class, filtering((placement, session) ->
                        session.inLastThird(placement.lastMin(session.limits().intervalMin()))))
                .penalize(HardMediumSoftScore.ONE_SOFT, (placement, session) -> TIMING)
                .justifyWith((placement, session, score) -> misplaced(placement, "a " + placement.kind() + " in the last third"))
                .asConstraint(LAST_THIRD_FORMS);
    }

    /** In-session caffeine comes in the second half, as fatigue sets in. */
    Constraint caffeineInSecondHalf(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .filter(placement -> placement.has(Tracked.CAFFEINE))
                .join(Session.class, filtering((placement, session) -> session.inFirstHalf(placement.startMin())))
                .penalize(HardMediumSoftScore.ONE_SOFT, (placement, session) -> TIMING)
                .justifyWith((placement, session, score) -> misplaced(placement, "caffeine in the first half"))
                .asConstraint(CAFFEINE_LATE);
    }

    /** No two solids (bars, foods, chews) at one slot. */
    Constraint oneSolidPerSlot(ConstraintFactory factory) {
        return factory.forEachUniquePair(Placement.class, equal(Placement::getStart), lessThan(Placement::getId))
                .filter((first, second) -> first.isSolid() && second.isSolid())
                .penalize(HardMediumSoftScore.ONE_SOFT, (first, second) -> TIMING)
                .justifyWith((first, second, score) -> new SolidsTogether(first.product().id(), second.product().id(),
                        first.startMin()))
                .asConstraint(ONE_SOLID_PER_SLOT);
    }

    private static Misplaced misplaced(Placement placement, String reason) {
        return new Misplaced(placement.product().id(), placement.serving(), placement.startMin(), reason);
    }
}

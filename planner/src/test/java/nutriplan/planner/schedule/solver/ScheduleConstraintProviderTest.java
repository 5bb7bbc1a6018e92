package nutriplan.planner.schedule.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Amount;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;
import nutriplan.planner.schedule.ScheduleLimits;
import nutriplan.planner.schedule.domain.Hour;
import nutriplan.planner.schedule.domain.IntakeSchedule;
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
 * One test per rule of {@link ScheduleConstraintProvider}, named like its method: placements that break it next
 * to one that does not, with the exact penalty and its justification. A 120-minute session in 15-minute slots
 * (0, 15, … 105; a window is 4 slots), 60 g/h carbohydrate, 1000 mL/h fluid, 200 mg caffeine per slot. Amounts
 * are in thousandths (0.001 g, mL, mg).
 */
class ScheduleConstraintProviderTest {

    static final ScheduleLimits LIMITS = ScheduleLimits.of(120, 15);
    static final List<Slot> SLOTS = slots();

    private final ConstraintVerifier<ScheduleConstraintProvider, IntakeSchedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraintProvider(), IntakeSchedule.class, Placement.class);

    static List<Slot> slots() {
        int count = LIMITS.slotCount();
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(k -> new Slot(k, k * 15, Math.min(count, k + LIMITS.windowSlots()))).toList();
    }

    static Slot at(int minute) {
        return SLOTS.get(minute / 15);
    }

    /** A session whose plan totals and largest servings are given (carbohydrate, fluid, sodium, caffeine). */
    static Session session(long[] totals, long[] largest) {
        return new Session(LIMITS, SLOTS.size(), totals, largest);
    }

    static final Session PLAIN = session(new long[4], new long[4]);

    static Placement placement(int id, Kind kind, int sips, long carb, long fluid, long sodium, long caffeine, Slot start) {
        var product = new Product(kind + "-" + id, kind + " " + id, null, kind, Amount.grams(40), Map.of(), List.of(), null,
                null, "test");
        return new Placement(id, product, 1, sips, new long[] {carb, fluid, sodium, caffeine}, start);
    }

    static Placement gel(int id, long carb, Slot start) {
        return placement(id, Kind.GEL, 1, carb, 0, 0, 0, start);
    }

    @Test
    void carbohydratePerHour() {
        // 3 × 25 g from 0 to 60 min: 75 g, 15 g over 60 g; the window from 15 min holds 50 g. Far later: innocent.
        var first = gel(0, 25_000, at(0));
        var second = gel(1, 25_000, at(30));
        var third = gel(2, 25_000, at(45));
        verifier.verifyThat(ScheduleConstraintProvider::carbohydratePerHour)
                .given(PLAIN, SLOTS.get(0), SLOTS.get(1), SLOTS.get(2), first, second, third)
                .penalizesBy(15_000);
        verifier.verifyThat(ScheduleConstraintProvider::carbohydratePerHour)
                .given(PLAIN, SLOTS.get(0), SLOTS.get(1), SLOTS.get(2), first, second, third)
                .justifiesWith(new OverLimit(Tracked.CARBOHYDRATE, 0, 60, 75_000, 60_000, "per hour"));
        verifier.verifyThat(ScheduleConstraintProvider::carbohydratePerHour)
                .given(PLAIN, SLOTS.get(0), SLOTS.get(4), gel(0, 30_000, at(0)), gel(1, 30_000, at(60)))
                .hasNoImpact();
    }

    @Test
    void fluidPerHour() {
        // A 600 mL drink in 3 sips from 0 min (200 mL each) and a 500 mL one at 30 min in 2 sips: 1100 mL in the first hour.
        var bottle = placement(0, Kind.DRINK, 3, 0, 600_000, 0, 0, at(0));
        var flask = placement(1, Kind.DRINK, 2, 0, 500_000, 0, 0, at(30));
        verifier.verifyThat(ScheduleConstraintProvider::fluidPerHour)
                .given(PLAIN, at(0), bottle, flask)
                .penalizesBy(100_000);
        verifier.verifyThat(ScheduleConstraintProvider::fluidPerHour)
                .given(PLAIN, at(15), bottle, flask)
                .hasNoImpact(); // from 15 min: 400 + 500 mL
    }

    @Test
    void caffeinePerSlot() {
        var strong = placement(0, Kind.GEL, 1, 0, 0, 0, 150_000, at(60));
        var another = placement(1, Kind.GEL, 1, 0, 0, 0, 100_000, at(60));
        var apart = placement(2, Kind.GEL, 1, 0, 0, 0, 100_000, at(90));
        verifier.verifyThat(ScheduleConstraintProvider::caffeinePerSlot)
                .given(PLAIN, at(60), at(90), strong, another, apart)
                .penalizesBy(50_000);
        verifier.verifyThat(ScheduleConstraintProvider::caffeinePerSlot)
                .given(PLAIN, at(60), at(90), strong, another, apart)
                .justifiesWith(new OverLimit(Tracked.CAFFEINE, 60, 75, 250_000, 200_000, "per slot"));
    }

    @Test
    void servingPlaced() {
        var unplacedDrink = placement(0, Kind.DRINK, 2, 0, 500_000, 0, 0, null);
        verifier.verifyThat(ScheduleConstraintProvider::servingPlaced)
                .given(unplacedDrink, gel(1, 25_000, at(0)))
                .penalizesBy(2 * ScheduleConstraintProvider.PER_SIP_OFF);
        verifier.verifyThat(ScheduleConstraintProvider::servingPlaced)
                .given(unplacedDrink)
                .justifiesWith(new Unplaced("drink-0", 1, 2));
    }

    @Test
    void sipsWithinSession() {
        // 8 slots; a 3-sip drink from 90 min (slot 6) has its last sip past the end.
        var late = placement(0, Kind.DRINK, 3, 0, 600_000, 0, 0, at(90));
        var inTime = placement(1, Kind.DRINK, 3, 0, 600_000, 0, 0, at(75));
        verifier.verifyThat(ScheduleConstraintProvider::sipsWithinSession)
                .given(PLAIN, late, inTime)
                .penalizesBy(ScheduleConstraintProvider.PER_SIP_OFF);
    }

    @Test
    void carbohydrateEveryHour() {
        // 150 min against a 40 g/h band: hours 0–60 and 60–120 ask 40 g each, the last 30 minutes 40 × 30/60 = 20 g.
        var session = new Session(ScheduleLimits.of(150, 15).withCarbMinPerHourG(40), 10, new long[4], new long[4]);
        var first = new Hour(0, 60, 0, 4, 40_000);
        var second = new Hour(60, 120, 4, 8, 40_000);
        var last = new Hour(120, 150, 8, 10, 20_000);
        // The first hour: a 25 g gel and the first of two 10 g sips (45 min): 35 g, 5 g short. The second: the other
        // sip and a 25 g gel: 35 g, 5 g short. The last 30 minutes hold nothing: 20 g short.
        var gel = gel(0, 25_000, at(0));
        var drink = placement(1, Kind.DRINK, 2, 20_000, 400_000, 0, 0, at(45));
        var later = gel(2, 25_000, at(90));
        verifier.verifyThat(ScheduleConstraintProvider::carbohydrateEveryHour)
                .given(session, first, second, last, gel, drink, later)
                .penalizesBy(5_000 + 5_000 + 20_000);
        verifier.verifyThat(ScheduleConstraintProvider::carbohydrateEveryHour)
                .given(session, first, second, last, gel, drink, later)
                .justifiesWith(new BelowBand(60, 120, 35_000, 40_000, 40_000), new BelowBand(120, 150, 0, 20_000, 40_000));
        // Enough in every hour: a gel more in each of the first two, one in the last part.
        verifier.verifyThat(ScheduleConstraintProvider::carbohydrateEveryHour)
                .given(session, first, second, last, gel, drink, later, gel(3, 25_000, at(15)), gel(4, 25_000, at(75)),
                        gel(5, 25_000, new Slot(8, 120, 10)))
                .hasNoImpact();
        assertThat(new BelowBand(180, 240, 48_000, 60_000, 60_000).description())
                .isEqualTo("carbohydrate 48 g from 180 to 240 min is 12 g below the 60 g per hour band");
        assertThat(new BelowBand(120, 150, 0, 20_000, 40_000).description())
                .isEqualTo("carbohydrate 0 g from 120 to 150 min is 20 g below the 20 g the 40 g per hour band asks of 30 min");
        // Without a band (the plain 120-minute session) an empty hour costs nothing.
        verifier.verifyThat(ScheduleConstraintProvider::carbohydrateEveryHour)
                .given(PLAIN, new Hour(0, 60, 0, 4, 0), new Hour(60, 120, 4, 8, 0), gel)
                .hasNoImpact();
    }

    @Test
    void carbohydratePerLitre() {
        // 200 g/L. At 45 min a 25 g gel with the first 100 mL sip of a 200 mL water: 250 g/L, 20 g allowed, 5 g over.
        // At 90 min a gel alone: 25 g over. At 0 a sports drink alone, 15 g in each 250 mL sip (60 g/L): within.
        var session = new Session(ScheduleLimits.of(120, 15).withSlotCarbPerLitre(200), SLOTS.size(), new long[4], new long[4]);
        var withSip = gel(0, 25_000, at(45));
        var water = placement(1, Kind.DRINK, 2, 0, 200_000, 0, 0, at(45));
        var dry = gel(2, 25_000, at(90));
        var sportsDrink = placement(3, Kind.DRINK, 2, 30_000, 500_000, 0, 0, at(0));
        var all = new Object[] {session, at(0), at(15), at(45), at(60), at(90), withSip, water, dry, sportsDrink};
        verifier.verifyThat(ScheduleConstraintProvider::carbohydratePerLitre).given(all).penalizesBy(5_000 + 25_000);
        verifier.verifyThat(ScheduleConstraintProvider::carbohydratePerLitre).given(all)
                .justifiesWith(new TooConcentrated(45, 25_000, 100_000, 200), new TooConcentrated(90, 25_000, 0, 200));
        assertThat(new TooConcentrated(45, 25_000, 100_000, 200).description())
                .isEqualTo("at 45 min: 25 g of carbohydrate with 100 mL of fluid is 250 g/L, above 200 g/L");
        // A gel with a 125 mL sip is exactly 200 g/L; without the limit nothing is counted.
        verifier.verifyThat(ScheduleConstraintProvider::carbohydratePerLitre)
                .given(session, at(45), gel(0, 25_000, at(45)), placement(1, Kind.DRINK, 1, 0, 125_000, 0, 0, at(45)))
                .hasNoImpact();
        verifier.verifyThat(ScheduleConstraintProvider::carbohydratePerLitre)
                .given(PLAIN, at(90), dry)
                .hasNoImpact();
    }

    @Test
    void evenCarbohydrate() {
        // Two 30 g gels, both at 0 min: the curve reaches 60 g × 15/120 = 7.5 g by 15 min; 60 − 7.5 − 30 (one serving)
        // = 22.5 g off, 375 per mille of 60 g; by 30 min 15 g off (250); 45 min 7.5 g (125); then within a serving.
        var session = session(new long[] {60_000, 0, 0, 0}, new long[] {30_000, 0, 0, 0});
        var first = gel(0, 30_000, at(0));
        var second = gel(1, 30_000, at(0));
        var all = new Object[] {session, first, second, SLOTS.get(0), SLOTS.get(1), SLOTS.get(2), SLOTS.get(3),
                SLOTS.get(4), SLOTS.get(5), SLOTS.get(6), SLOTS.get(7)};
        verifier.verifyThat(ScheduleConstraintProvider::evenCarbohydrate).given(all).penalizesBy(375 + 250 + 125);
        verifier.verifyThat(ScheduleConstraintProvider::evenCarbohydrate).given(all)
                .justifiesWith(new OffCurve(Tracked.CARBOHYDRATE, 15, 60_000, 7_500));
        // Spread at 0 and 60 min: never more than one serving off the curve.
        verifier.verifyThat(ScheduleConstraintProvider::evenCarbohydrate)
                .given(session, gel(0, 30_000, at(0)), gel(1, 30_000, at(60)), SLOTS.get(0), SLOTS.get(3), SLOTS.get(7))
                .hasNoImpact();
    }

    @Test
    void evenFluid() {
        // 1000 mL, all drunk by the end of the first slot (one 1000 mL serving in one sip): 1000 − 125 − 1000 < 0 at
        // 15 min; behind the curve only when nothing was drunk yet — a slot with none taken before the drink.
        var session = session(new long[] {0, 500_000, 0, 0}, new long[] {0, 250_000, 0, 0});
        var lateBottle = placement(0, Kind.DRINK, 2, 0, 500_000, 0, 0, at(90));
        // By 75 min (slot 4, through 75): 500 × 75/120 = 312.5 mL expected, 0 taken, 62.5 mL beyond one serving (125 ‰).
        verifier.verifyThat(ScheduleConstraintProvider::evenFluid)
                .given(session, lateBottle, at(60))
                .penalizesBy(125);
    }

    @Test
    void evenSodium() {
        var session = session(new long[] {0, 0, 400_000, 0}, new long[] {0, 0, 200_000, 0});
        var early = placement(0, Kind.CHEW, 1, 0, 0, 200_000, 0, at(0));
        var alsoEarly = placement(1, Kind.CHEW, 1, 0, 0, 200_000, 0, at(0));
        // By 15 min: 400 taken, 50 expected, 150 mg beyond one serving: 375 ‰.
        verifier.verifyThat(ScheduleConstraintProvider::evenSodium)
                .given(session, early, alsoEarly, at(0))
                .penalizesBy(375);
    }

    @Test
    void carbohydrateEarly() {
        verifier.verifyThat(ScheduleConstraintProvider::carbohydrateEarly)
                .given(PLAIN, gel(0, 25_000, at(45)), gel(1, 25_000, at(90)), placement(2, Kind.DRINK, 1, 0, 200_000, 0, 0, at(0)))
                .penalizesBy(25 * ScheduleConstraintProvider.PER_MINUTE_LATE);
        verifier.verifyThat(ScheduleConstraintProvider::carbohydrateEarly)
                .given(PLAIN, gel(0, 25_000, at(15)), gel(1, 25_000, at(90)))
                .hasNoImpact();
    }

    @Test
    void nothingInLastTenMinutes() {
        // 120 min: the slot at 105 min is not in the last 10 minutes (110–120); a 2-sip drink from 90 min ends at 105.
        var session = new Session(ScheduleLimits.of(115, 15), 8, new long[4], new long[4]);
        verifier.verifyThat(ScheduleConstraintProvider::nothingInLastTenMinutes)
                .given(session, gel(0, 25_000, at(105)), gel(1, 25_000, at(90)))
                .penalizesBy(ScheduleConstraintProvider.TIMING);
        verifier.verifyThat(ScheduleConstraintProvider::nothingInLastTenMinutes)
                .given(session, gel(0, 25_000, at(105)))
                .justifiesWith(new Misplaced("gel-0", 1, 105, "intake in the last 10 minutes"));
        var shortSession = new Session(ScheduleLimits.of(60, 15), 4, new long[4], new long[4]);
        verifier.verifyThat(ScheduleConstraintProvider::nothingInLastTenMinutes)
                .given(shortSession, gel(0, 25_000, at(45)))
                .hasNoImpact();
    }

    @Test
    void solidsInFirstHalf() {
        verifier.verifyThat(ScheduleConstraintProvider::solidsInFirstHalf)
                .given(PLAIN, placement(0, Kind.BAR, 1, 40_000, 0, 0, 0, at(60)), placement(1, Kind.BAR, 1, 40_000, 0, 0, 0, at(45)),
                        placement(2, Kind.GEL, 1, 25_000, 0, 0, 0, at(90)))
                .penalizesBy(ScheduleConstraintProvider.TIMING);
    }

    @Test
    void lastThirdForms() {
        // The last third of 120 min starts at 80: a shake at 90 breaks it, a gel at 90 and a shake at 75 do not.
        verifier.verifyThat(ScheduleConstraintProvider::lastThirdForms)
                .given(PLAIN, placement(0, Kind.SHAKE, 1, 40_000, 300_000, 0, 0, at(90)), gel(1, 25_000, at(90)),
                        placement(2, Kind.SHAKE, 1, 40_000, 300_000, 0, 0, at(75)))
                .penalizesBy(ScheduleConstraintProvider.TIMING);
    }

    @Test
    void caffeineInSecondHalf() {
        verifier.verifyThat(ScheduleConstraintProvider::caffeineInSecondHalf)
                .given(PLAIN, placement(0, Kind.GEL, 1, 25_000, 0, 0, 100_000, at(30)),
                        placement(1, Kind.GEL, 1, 25_000, 0, 0, 100_000, at(60)))
                .penalizesBy(ScheduleConstraintProvider.TIMING);
    }

    @Test
    void oneSolidPerSlot() {
        var bar = placement(0, Kind.BAR, 1, 40_000, 0, 0, 0, at(15));
        var chew = placement(1, Kind.CHEW, 1, 20_000, 0, 0, 0, at(15));
        var gel = gel(2, 25_000, at(15));
        verifier.verifyThat(ScheduleConstraintProvider::oneSolidPerSlot)
                .given(bar, chew, gel)
                .penalizesBy(ScheduleConstraintProvider.TIMING);
        verifier.verifyThat(ScheduleConstraintProvider::oneSolidPerSlot)
                .given(bar, chew, gel)
                .justifiesWith(new SolidsTogether("bar-0", "chew-1", 15));
    }
}

package nutriplan.planner.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;
import nutriplan.planner.Elapsed;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.schedule.Schedule.Intake;
import nutriplan.planner.schedule.Schedule.SlotIntake;
import nutriplan.planner.schedule.domain.Hour;
import nutriplan.planner.schedule.domain.IntakeSchedule;
import nutriplan.planner.schedule.domain.Placement;
import nutriplan.planner.schedule.domain.Session;
import nutriplan.planner.schedule.domain.Slot;
import nutriplan.planner.schedule.domain.Tracked;
import nutriplan.planner.schedule.solver.ScheduleConstraintProvider;

/**
 * Spreads a plan's servings over a session's slots with Timefold: one placement per serving, its slot the planning
 * variable; a first-fit-decreasing construction (the hardest to place first: {@link Placement.Difficulty}), then
 * late-acceptance local search. The search is deterministic: a fixed
 * random seed, and it stops on step and move counts (or a perfect score), so the same plan and limits give the same
 * schedule; the time limit is only a safety net that a normal solve never reaches.
 *
 * <p>Thread-safe: the solver factory is built once and each call builds its own solver.
 */
public final class Scheduler {

    /** Local search stops after this many steps… */
    static final int STEP_LIMIT = 20_000;
    /** …or when the best schedule has not improved for this many. */
    static final int UNIMPROVED_STEP_LIMIT = 2_000;
    /**
     * …or after evaluating this many moves: a step ends only when a move is accepted, and where none is (a small
     * schedule whose every move is worse than late acceptance takes), the step counts above never advance.
     */
    static final long MOVE_LIMIT = 100_000;
    private static final long RANDOM_SEED = 42;
    /** Drinks are sipped: they are split over slots; everything else is taken at once. */
    private static final Set<Kind> SIPPED = Set.of(Kind.DRINK, Kind.POWDER, Kind.SHAKE);

    private final SolverFactory<IntakeSchedule> solverFactory;

    public Scheduler() {
        this(EnvironmentMode.NO_ASSERT);
    }

    /** With another environment mode: tests run FULL_ASSERT to check every move's score against a full recount. */
    Scheduler(EnvironmentMode environmentMode) {
        this.solverFactory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(IntakeSchedule.class)
                .withEntityClasses(Placement.class)
                .withConstraintProviderClass(ScheduleConstraintProvider.class)
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(RANDOM_SEED)
                .withPhases(new ConstructionHeuristicPhaseConfig()
                                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                        new LocalSearchPhaseConfig().withTerminationConfig(new TerminationConfig()
                                .withStepCountLimit(STEP_LIMIT)
                                .withUnimprovedStepCountLimit(UNIMPROVED_STEP_LIMIT)
                                .withMoveCountLimit(MOVE_LIMIT)
                                .withBestScoreLimit("0hard/0medium/0soft"))));
    }

    /**
     * Schedules the plan; {@link Schedule#broken} says what it breaks when the hard rules cannot all hold.
     *
     * @param timeLimitMs a safety net only: the step limits end a normal solve long before
     */
    public Schedule schedule(Plan plan, ScheduleLimits limits, long timeLimitMs) {
        long start = System.nanoTime();
        var problem = problem(plan, limits);
        var solved = problem.getPlacements().isEmpty() ? problem
                : solverFactory.buildSolver(new SolverConfigOverride()
                        .withTerminationSpentLimit(Duration.ofMillis(Math.max(1, timeLimitMs))))
                        .solve(problem);
        var check = new ScheduleCheck(solved);
        var score = solved.getScore() == null ? HardMediumSoftScore.ZERO : solved.getScore();
        return new Schedule(limits, slots(solved, check), check.hours(), check.broken(), check.misses(), check.costs(),
                new Schedule.Penalty(-score.hardScore(), -score.mediumScore(), -score.softScore()), score.toString(),
                Elapsed.ms(start));
    }

    static IntakeSchedule problem(Plan plan, ScheduleLimits limits) {
        int slotCount = limits.slotCount();
        var slots = new ArrayList<Slot>();
        for (int k = 0; k < slotCount; k++) {
            slots.add(new Slot(k, k * limits.intervalMin(), Math.min(slotCount, k + limits.windowSlots())));
        }
        var placements = new ArrayList<Placement>();
        var totals = new long[Tracked.values().length];
        var largest = new long[Tracked.values().length];
        for (var item : plan.items()) {
            var amounts = amounts(item.product());
            int sips = sips(item.product(), limits);
            for (int serving = 1; serving <= item.servings(); serving++) {
                placements.add(new Placement(placements.size(), item.product(), serving, sips, amounts, null));
                for (var nutrient : Tracked.values()) {
                    totals[nutrient.ordinal()] += amounts[nutrient.ordinal()];
                    largest[nutrient.ordinal()] = Math.max(largest[nutrient.ordinal()], amounts[nutrient.ordinal()]);
                }
            }
        }
        return new IntakeSchedule(new Session(limits, slotCount, totals, largest), slots, hours(limits, slots), placements);
    }

    /** The clock hours from the start, each with its slots and what the band asks of it. */
    static List<Hour> hours(ScheduleLimits limits, List<Slot> slots) {
        var hours = new ArrayList<Hour>();
        for (int from = 0; from < limits.durationMin(); from += ScheduleLimits.WINDOW_MIN) {
            int to = Math.min(limits.durationMin(), from + ScheduleLimits.WINDOW_MIN);
            int first = slots.size();
            int end = 0;
            for (var slot : slots) {
                if (slot.atMin() >= from && slot.atMin() < to) {
                    first = Math.min(first, slot.index());
                    end = Math.max(end, slot.index() + 1);
                }
            }
            hours.add(new Hour(from, to, Math.min(first, end), end, Tracked.scaled(limits.carbMinG(from))));
        }
        return hours;
    }

    private static long[] amounts(Product product) {
        var amounts = new long[Tracked.values().length];
        for (var nutrient : Tracked.values()) {
            amounts[nutrient.ordinal()] = Tracked.scaled(product.amount(nutrient.nutrient()));
        }
        return amounts;
    }

    /**
     * A drink in sips (never more than the session has slots); anything else whole. A sip holds at most sipMaxMl
     * and at most half of one slot's share of each hourly cap (carbohydrate, fluid), and at most the caffeine per
     * slot: a concentrated drink (80 g of carbohydrate in 500 mL against 60 g/h) is sipped over more slots than its
     * volume alone asks for, or no 60-minute window could hold its sips. When half-share sips would spread one
     * serving over more than half the session, its sips are a whole share each.
     *
     * <p>Why half a share: sips of a whole slot's share made a plan whose fluid is near the hourly cap (the 8-hour
     * ultra: 6 L against 900 mL/h, 83 %) a rigid tiling, one full-size sip in nearly every slot and two drinks never
     * side by side; no placement left room for a gel, or moved a drink by a slot without breaking a window.
     * Half-size sips let two drinks run side by side and thin out around a serving taken at once. Why not over half
     * the session: three drinks each sipped over more than half of it all overlap in its middle (three Tailwinds
     * over 105 of 180 minutes put 86 g/h into the middle hour against 60 g/h), whatever their start.
     */
    public static int sips(Product product, ScheduleLimits limits) {
        if (!isSipped(product)) {
            return 1;
        }
        int fine = sips(product, limits, 1.0 / (2 * limits.windowSlots()));
        // A 60-minute window holds windowSlots() slots: at 16 min that is 4, so a slot's share is a quarter, not 16/60.
        return 2 * fine <= limits.slotCount() ? fine : sips(product, limits, 1.0 / limits.windowSlots());
    }

    /** Sips of at most {@code share} of each hourly cap (and of sipMaxMl), within the session's slots. */
    private static int sips(Product product, ScheduleLimits limits, double share) {
        int sips = Math.max(atLeast(product.amount(Nutrient.FLUID), Math.min(limits.sipMaxMl(), limits.fluidPerHourMl() * share)),
                Math.max(atLeast(product.amount(Nutrient.CARBOHYDRATE), limits.carbPerHourG() * share),
                        atLeast(product.amount(Nutrient.CAFFEINE), limits.caffeinePerSlotMg())));
        return Math.max(1, Math.min(limits.slotCount(), sips));
    }

    private static boolean isSipped(Product product) {
        return product.amount(Nutrient.FLUID) > 0 && (SIPPED.contains(product.kind())
                || product.preparation() != null && !product.preparation().isDry());
    }

    /** The fewest parts of at most {@code most} each that {@code amount} splits into. */
    private static int atLeast(double amount, double most) {
        return (int) Math.ceil(amount / most - 1e-9);
    }

    /**
     * Why one serving of the product cannot be placed within the limits however the rest is placed, or null when
     * it can: a gel with more carbohydrate than the hourly cap, or a drink whose sips still put more than a cap
     * into one window of a short session.
     */
    public static String oversized(Product product, ScheduleLimits limits) {
        int sips = sips(product, limits);
        int inWindow = Math.min(sips, limits.windowSlots());
        double carb = product.amount(Nutrient.CARBOHYDRATE) * inWindow / sips;
        double fluid = product.amount(Nutrient.FLUID) * inWindow / sips;
        double caffeine = product.amount(Nutrient.CAFFEINE) / sips;
        if (carb > limits.carbPerHourG() + 1e-9) {
            return over(product, "carbohydrate", carb, "g", limits.carbPerHourG(), "per hour");
        }
        if (fluid > limits.fluidPerHourMl() + 1e-9) {
            return over(product, "fluid", fluid, "mL", limits.fluidPerHourMl(), "per hour");
        }
        if (caffeine > limits.caffeinePerSlotMg() + 1e-9) {
            return over(product, "caffeine", caffeine, "mg", limits.caffeinePerSlotMg(), "per slot");
        }
        return null;
    }

    /**
     * The products of a plan one serving of which, taken at once, cannot share a 60-minute window with the drinks
     * the plan sips through it: more carbohydrate than the hourly cap leaves beside the sipped servings' carbohydrate
     * per hour (what an even spread of them puts into every window), each with why; empty when every one fits.
     *
     * <p>{@link #oversized} judges a serving alone; this judges it beside the rest of its plan. The 8-hour defect:
     * a 55 g bagel beside 49 g/h of sports drink against 80 g/h. The drinks carried 757 mL/h of fluid against a
     * 900 mL/h cap, so no window could drop their sips to make room: no placement existed, and the search ended with
     * the cap broken by up to 24 g.
     */
    public static Map<String, String> crowded(Plan plan, ScheduleLimits limits) {
        double sippedPerHour = 0;
        for (var item : plan.items()) {
            if (sips(item.product(), limits) > 1) {
                sippedPerHour += item.servings() * item.product().amount(Nutrient.CARBOHYDRATE) / limits.hours();
            }
        }
        double room = limits.carbPerHourG() - sippedPerHour;
        var reasons = new LinkedHashMap<String, String>();
        for (var item : plan.items()) {
            double carbohydrate = item.product().amount(Nutrient.CARBOHYDRATE);
            if (sips(item.product(), limits) == 1 && carbohydrate > room + 1e-9) {
                reasons.put(item.product().id(), "one serving of " + item.product().id() + " puts " + ScheduleLimits.format(carbohydrate)
                        + " g of carbohydrate into one slot, over the " + ScheduleLimits.format(Math.max(0, room))
                        + " g that the " + ScheduleLimits.format(limits.carbPerHourG()) + " g per hour leaves beside the "
                        + ScheduleLimits.format(sippedPerHour) + " g per hour of the drinks it was planned with");
            }
        }
        return reasons;
    }

    private static String over(Product product, String nutrient, double amount, String unit, double cap, String per) {
        return "one serving of " + product.id() + " puts " + ScheduleLimits.format(amount) + " " + unit + " of " + nutrient
                + " into one " + (per.equals("per hour") ? "60-minute window" : "slot") + ", over the "
                + ScheduleLimits.format(cap) + " " + unit + " " + per + " by " + ScheduleLimits.format(amount - cap) + " " + unit;
    }

    private static List<SlotIntake> slots(IntakeSchedule solved, ScheduleCheck check) {
        var slots = new ArrayList<SlotIntake>();
        for (var slot : solved.getSlots()) {
            var items = new ArrayList<Intake>();
            for (var placement : solved.getPlacements()) {
                if (placement.getStart() != null && placement.overlaps(slot.index(), slot.index() + 1)) {
                    items.add(intake(placement, slot));
                }
            }
            items.sort(Comparator.comparing((Intake intake) -> intake.product().id()).thenComparing(Intake::serving));
            slots.add(new SlotIntake(slot.atMin(), items, check.slotTotals(slot.index())));
        }
        return slots;
    }

    private static Intake intake(Placement placement, Slot slot) {
        var product = placement.product();
        if (!isSipped(product)) {
            return new Intake(product, placement.serving(), 1, product.serving().value(), product.serving().dimension().canonicalUnit());
        }
        double fluid = Tracked.unscaled(placement.amountIn(Tracked.FLUID, slot.index(), slot.index() + 1));
        return new Intake(product, placement.serving(), 1.0 / placement.sips(), fluid, Tracked.FLUID.unit());
    }
}

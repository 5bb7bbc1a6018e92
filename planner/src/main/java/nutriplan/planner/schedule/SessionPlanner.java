package nutriplan.planner.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.Elapsed;
import nutriplan.planner.Planner;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/**
 * A plan for a session, and its intake schedule: the planner takes the hourly limits into account, then the
 * {@link Scheduler} spreads the plan over the slots. Three steps keep a broken timeline from ever being returned:
 * <ol>
 *   <li>a min no session of this length can take within its hourly caps is refused at once, with by how much;</li>
 *   <li>products one serving of which breaks a cap however it is placed (a 70 g gel against 60 g/h) are left
 *       out of the plan, and named;</li>
 *   <li>the plan's carbohydrate and fluid are capped at a share of limit × hours ({@link #PACKINGS}); with a band
 *       of carbohydrate per hour, its carbohydrate is aimed at the band's middle ({@link ScheduleLimits#capped});
 *       servings taken at once that cannot share a window with the plan's drinks are planned out
 *       ({@link Scheduler#crowded}). When the schedule breaks or misses a rule, the request is planned again with
 *       less headroom used, then (with a band, when every schedule so far broke a hard rule) at the min asked; the
 *       best schedule is kept, never a worse one, and only when the best breaks a hard rule is the request
 *       unschedulable, with the rules and amounts of that schedule.</li>
 * </ol>
 */
public final class SessionPlanner {

    /** The shares of limit × hours each attempt's plan may hold: the first fits nearly always, the others pack looser. */
    static final double[] PACKINGS = {ScheduleLimits.PACKING, 0.78, 0.7};
    /**
     * How many times a plan whose schedule breaks or misses a rule is made again without the servings that crowd its
     * drinks ({@link Scheduler#crowded}).
     */
    static final int CROWDING_ROUNDS = 2;
    /** The most schedules one request makes: a long session's schedule that misses a rule takes about a second. */
    static final int MAX_SCHEDULES = 4;

    private final Scheduler scheduler;

    public SessionPlanner(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * A plan and its schedule.
     *
     * @param result   the planner's answer for {@code planned}; without a plan (INFEASIBLE, UNKNOWN) there is no schedule
     * @param planned  the request as planned: capped to the session, oversized products excluded
     * @param schedule null when there is no plan
     * @param excluded why each product left out for its serving's size was left out
     * @param capped   each bound the session changed (a max lowered, a min lowered or raised), from what to what and why
     * @param attempts how many plans were made (1 unless the first could not be scheduled, or missed a rule)
     */
    public record Outcome(PlanResult result, PlanRequest planned, Schedule schedule, List<String> excluded,
                          List<String> capped, int attempts) {
        public Outcome {
            excluded = List.copyOf(excluded);
            capped = List.copyOf(capped);
        }
    }

    /** For a request with the caller's own targets. */
    public Outcome plan(PlanRequest request, ScheduleLimits limits, Planner planner, long millisLeft) {
        return plan(request, limits, planner, millisLeft, false);
    }

    /**
     * Plans and schedules within {@code millisLeft}; each solve also keeps to the request's own time limit.
     *
     * @param ownRanges the targets are nutriplan's own planning ranges (a workout's), whose carbohydrate and fluid
     *                  mins each packing share may lower to leave whole servings room ({@link ScheduleLimits#capped})
     * @throws UnschedulableException when no plan the planner finds can be spread within the hard rules
     */
    public Outcome plan(PlanRequest request, ScheduleLimits limits, Planner planner, long millisLeft, boolean ownRanges) {
        long start = System.nanoTime();
        var unreachable = limits.unreachable(request);
        if (!unreachable.isEmpty()) {
            throw new UnschedulableException(unreachable);
        }
        var excluded = new ArrayList<String>();
        var oversized = new ArrayList<String>();
        for (var product : request.allowedProducts()) {
            var reason = Scheduler.oversized(product, limits);
            if (reason == null) {
                continue;
            }
            if (request.required().contains(product.id())) {
                throw new UnschedulableException(List.of("require: " + reason + "; take it out of require"));
            }
            excluded.add(reason);
            oversized.add(product.id());
        }
        var allowed = request.withSelection(request.selection().alsoExcluding(oversized));
        Attempt best = null;
        PlanResult noPlan = null;
        PlanRequest noPlanRequest = null;
        List<String> noPlanLowered = List.of();
        int made = 0;
        int scheduled = 0;
        var seen = new HashSet<List<Target>>();
        var tried = new HashSet<Plan>();
        attempts:
        for (boolean aimed : limits.hasCarbMin() ? new boolean[] {true, false} : new boolean[] {false}) {
            if (!aimed && best != null && best.schedule().isFeasible()) {
                break; // planning at the min asked only rescues plans aimed at the band's middle that no schedule spread
            }
            for (double packing : PACKINGS) {
                var capped = limits.capped(allowed, packing, aimed, ownRanges);
                if (!seen.add(capped.targets())) {
                    continue; // the same request (a band keeps carbohydrate at its middle whatever the share), the same plan
                }
                var result = planner.plan(withTimeLeft(capped, request, millisLeft, start));
                made++;
                var lowered = lowered(request, capped, limits, packing, aimed);
                if (!result.hasPlan()) {
                    // None at a tighter share either. When a plan was found before, the answer is that it cannot be
                    // spread, not that no plan exists; when none was, it is the last request's answer (the min asked).
                    noPlan = result;
                    noPlanRequest = capped;
                    noPlanLowered = lowered;
                    break;
                }
                // Schedule the plan; when the schedule breaks or misses a rule and the plan has servings that cannot
                // share a window with its drinks, plan again without them (a required product stays).
                var planned = capped;
                var crowdedOut = new ArrayList<String>();
                for (int round = 0; ; round++) {
                    if (!tried.add(result.plan())) {
                        break; // the same plan gets the same schedule
                    }
                    var schedule = scheduler.schedule(result.plan(), limits, Math.max(1, millisLeft - Elapsed.ms(start)));
                    scheduled++;
                    if (best == null || schedule.penalty().compareTo(best.schedule().penalty()) < 0) {
                        best = new Attempt(result, planned, schedule, lowered, List.copyOf(crowdedOut));
                    }
                    if (schedule.meetsEveryRule() || scheduled >= MAX_SCHEDULES) {
                        break attempts;
                    }
                    var crowded = new LinkedHashMap<>(Scheduler.crowded(result.plan(), limits));
                    crowded.keySet().removeAll(request.required());
                    if (crowded.isEmpty() || round == CROWDING_ROUNDS) {
                        break;
                    }
                    var without = excluding(planned, crowded.keySet());
                    var again = planner.plan(withTimeLeft(without, request, millisLeft, start));
                    made++;
                    if (!again.hasPlan()) {
                        break;
                    }
                    result = again;
                    planned = without;
                    crowdedOut.addAll(crowded.values());
                }
            }
        }
        if (best == null) {
            return new Outcome(noPlan, noPlanRequest, null, excluded, noPlanLowered, made);
        }
        if (!best.schedule().isFeasible()) {
            var reasons = new ArrayList<>(limits.nearTheCap(request, ScheduleLimits.PACKING));
            reasons.addAll(best.schedule().broken());
            throw new UnschedulableException(reasons);
        }
        excluded.addAll(best.crowdedOut());
        return new Outcome(best.result(), best.planned(), best.schedule(), excluded, best.lowered(), made);
    }

    /** One plan and its schedule, the request it was planned from, and the products left out for crowding. */
    private record Attempt(PlanResult result, PlanRequest planned, Schedule schedule, List<String> lowered,
                           List<String> crowdedOut) {
    }

    private static PlanRequest withTimeLeft(PlanRequest planned, PlanRequest asked, long millisLeft, long start) {
        return planned.withTimeLimitMs(Math.min(asked.timeLimitMs(), Math.max(1, millisLeft - Elapsed.ms(start))));
    }

    private static PlanRequest excluding(PlanRequest request, java.util.Set<String> productIds) {
        return request.withSelection(request.selection().alsoExcluding(productIds));
    }

    /**
     * Each bound the session changed, and why: "carbohydrate max 180 g lowered to 153 g: 85 % of 60 g/h × 180 min,
     * so that whole servings fit every 60-minute window"; a workout's min lowered below the max planned; with a band,
     * a carbohydrate max an eighth above its middle and a min raised to an eighth below it.
     */
    private static List<String> lowered(PlanRequest asked, PlanRequest capped, ScheduleLimits limits, double packing,
                                        boolean aimed) {
        var sentences = new ArrayList<String>();
        for (var target : capped.targets()) {
            var before = asked.targets().stream().filter(t -> t.nutrient() == target.nutrient()).findFirst();
            double was = before.map(Target::max).orElse(Double.POSITIVE_INFINITY);
            boolean carbohydrate = target.nutrient() == Nutrient.CARBOHYDRATE;
            var unit = target.nutrient().canonicalUnit();
            if (target.max() < was - 1e-9) {
                double perHour = carbohydrate ? limits.carbPerHourG() : limits.fluidPerHourMl();
                // The max is the band's aim where it lies above the packing share (the concentration limit may keep it there).
                String why = carbohydrate && aimed && target.max() > limits.sessionCarbG() * packing + 1e-9
                        ? "an eighth of the " + band(limits) + " band above its middle, over " + limits.durationMin()
                                + " min, so that every hour has room on either side"
                        : Math.round(packing * 100) + " % of " + ScheduleLimits.format(perHour) + " " + unit + "/h × "
                                + limits.durationMin() + " min, so that whole servings fit every 60-minute window";
                sentences.add(target.nutrient().jsonName() + " max " + (before.isPresent() && Double.isFinite(was)
                        ? ScheduleLimits.format(was) + " " + unit + " lowered" : "set") + " to "
                        + ScheduleLimits.format(target.max()) + " " + unit + ": " + why);
            }
            double wasMin = before.map(Target::min).orElse(0.0);
            if (target.min() < wasMin - 1e-9) {
                sentences.add(target.nutrient().jsonName() + " min " + ScheduleLimits.format(wasMin) + " " + unit
                        + " lowered to " + ScheduleLimits.format(target.min()) + " " + unit + ": "
                        + Math.round(ScheduleLimits.ROOM_FOR_SERVINGS * 100) + " % of the max planned, so that whole"
                        + " servings have a band to land in (a planning range of nutriplan's own)");
            }
            if (carbohydrate && target.min() > wasMin + 1e-9) {
                sentences.add("carbohydrate min " + (wasMin > 0 ? ScheduleLimits.format(wasMin) + " g raised" : "set") + " to "
                        + ScheduleLimits.format(target.min()) + " g: an eighth of the " + band(limits) + " band below its"
                        + " middle, over " + limits.durationMin() + " min, so that whole servings can reach the band in every"
                        + " hour");
            }
        }
        return sentences;
    }

    private static String band(ScheduleLimits limits) {
        return ScheduleLimits.format(limits.carbMinPerHourG()) + "–" + ScheduleLimits.format(limits.carbPerHourG()) + " g/h";
    }
}

package nutriplan.planner.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.Elapsed;
import nutriplan.planner.Planner;
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
 *   <li>the plan's carbohydrate and fluid are capped at a share of limit × hours ({@link #PACKINGS}); when whole
 *       servings still do not fit every window, it is planned again with less headroom used, and only when the
 *       last attempt breaks a rule is the request unschedulable, with the rules and amounts of that attempt.</li>
 * </ol>
 */
public final class SessionPlanner {

    /** The share of limit × hours each attempt's plan may hold: the first fits nearly always, the second packs looser. */
    static final double[] PACKINGS = {ScheduleLimits.PACKING, 0.7};

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
     * @param capped   each maximum lowered for the session, from what to what and why
     * @param attempts how many plans were made (1 unless the first could not be scheduled)
     */
    public record Outcome(PlanResult result, PlanRequest planned, Schedule schedule, List<String> excluded,
                          List<String> capped, int attempts) {
        public Outcome {
            excluded = List.copyOf(excluded);
            capped = List.copyOf(capped);
        }
    }

    /**
     * Plans and schedules within {@code millisLeft}; each solve also keeps to the request's own time limit.
     *
     * @throws UnschedulableException when no plan the planner finds can be spread within the hard rules
     */
    public Outcome plan(PlanRequest request, ScheduleLimits limits, Planner planner, long millisLeft) {
        long start = System.nanoTime();
        var unreachable = limits.unreachable(request);
        if (!unreachable.isEmpty()) {
            throw new UnschedulableException(unreachable);
        }
        var excluded = new ArrayList<String>();
        var ids = new HashSet<>(request.selection().excludeProducts());
        for (var product : request.allowedProducts()) {
            var reason = Scheduler.oversized(product, limits);
            if (reason == null) {
                continue;
            }
            if (request.required().contains(product.id())) {
                throw new UnschedulableException(List.of("require: " + reason + "; take it out of require"));
            }
            excluded.add(reason);
            ids.add(product.id());
        }
        var allowed = request.withSelection(request.selection().withExcludedProducts(ids));
        Schedule last = null;
        for (int attempt = 0; attempt < PACKINGS.length; attempt++) {
            long left = Math.max(1, millisLeft - Elapsed.ms(start));
            var capped = limits.capped(allowed, PACKINGS[attempt]).withTimeLimitMs(Math.min(request.timeLimitMs(), left));
            var result = planner.plan(capped);
            var lowered = lowered(request, capped, limits, PACKINGS[attempt]);
            if (!result.hasPlan()) {
                if (attempt == 0) {
                    return new Outcome(result, capped, null, excluded, lowered, 1);
                }
                // A plan exists (the first attempt found one): none at a tighter share proves nothing about the
                // request, and the answer is that its plan cannot be spread, not that no plan exists.
                break;
            }
            last = scheduler.schedule(result.plan(), limits, Math.max(1, millisLeft - Elapsed.ms(start)));
            if (last.isFeasible()) {
                return new Outcome(result, capped, last, excluded, lowered, attempt + 1);
            }
        }
        var reasons = new ArrayList<>(limits.nearTheCap(request, ScheduleLimits.PACKING));
        reasons.addAll(last.broken());
        throw new UnschedulableException(reasons);
    }

    /** "carbohydrate max 180 g lowered to 153 g: 85 % of 60 g/h × 180 min, so that whole servings fit every window". */
    private static List<String> lowered(PlanRequest asked, PlanRequest capped, ScheduleLimits limits, double packing) {
        var sentences = new ArrayList<String>();
        for (var target : capped.targets()) {
            var before = asked.targets().stream().filter(t -> t.nutrient() == target.nutrient()).findFirst();
            double was = before.map(Target::max).orElse(Double.POSITIVE_INFINITY);
            if (target.max() < was - 1e-9) {
                var unit = target.nutrient().canonicalUnit();
                double perHour = target.nutrient() == Nutrient.CARBOHYDRATE
                        ? limits.carbPerHourG() : limits.fluidPerHourMl();
                sentences.add(target.nutrient().jsonName() + " max " + (before.isPresent() && Double.isFinite(was)
                        ? ScheduleLimits.format(was) + " " + unit + " lowered" : "set") + " to "
                        + ScheduleLimits.format(target.max()) + " " + unit + ": " + Math.round(packing * 100) + " % of "
                        + ScheduleLimits.format(perHour) + " " + unit + "/h × " + limits.durationMin()
                        + " min, so that whole servings fit every 60-minute window");
            }
        }
        return sentences;
    }
}

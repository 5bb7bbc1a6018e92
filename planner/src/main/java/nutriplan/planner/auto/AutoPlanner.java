package nutriplan.planner.auto;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nutriplan.planner.Elapsed;
import nutriplan.planner.Planner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.timefold.TimefoldPlanner;

/**
 * {@code solver: auto}: the exact engine first, for a share of the time limit's worth of work; when it has not
 * settled the request by then (no proof of optimality or infeasibility), Timefold for the rest of the time, starting
 * from the exact engine's best plan and keeping its bound. The answer is the better plan; its {@code solver} names the
 * engine that found it.
 *
 * <p>The switch is counted in work, not time ({@link ChocoPlanner#WORK_PER_MS}), so that the same request switches at
 * the same point on any machine: a cold JVM or a loaded machine takes longer for the same work, and with a budget of
 * time it stopped the exact engine before its proof and answered Timefold's {@code FEASIBLE} plan where a warm one
 * answered {@code OPTIMAL} (issue 27). The time limit stays the safety net: the exact engine stops at the latest when
 * the whole limit is spent.
 *
 * <p>One engine at a time on one thread: the service runs one solve per core, so racing both engines in parallel
 * would halve the throughput for a gain the benchmark does not show (README, "Scale"). The rule and its numbers are
 * the benchmark's: see {@link Rule#MEASURED}.
 */
public final class AutoPlanner implements Planner {

    /**
     * When and for how long the exact engine runs first.
     *
     * @param exactShare      the share of the time limit's worth of work (at {@link ChocoPlanner#WORK_PER_MS}) the
     *                        exact engine may spend before Timefold takes over: on the machine the rates were
     *                        measured on, about that share of the time
     * @param largestForExact catalogs with more candidate products than this go to Timefold directly
     */
    public record Rule(double exactShare, int largestForExact) {
        /**
         * Half the limit for Choco, on catalogs of any size. From {@code bench/run --scale} (README, "Scale"): a
         * quarter or a third of the limit lost Choco's proofs on 1,000 products (6–7 of 8 instead of 7–8) for one
         * better plan in 48 requests; sending catalogs above 5,000 products to Timefold directly lost a proof in 8
         * on 10,000 products and won no better plan.
         */
        public static final Rule MEASURED = new Rule(0.5, Integer.MAX_VALUE);

        public Rule {
            if (!(exactShare > 0 && exactShare <= 1) || largestForExact < 0) {
                throw new IllegalArgumentException("exactShare (" + exactShare + ") must be in (0, 1] and"
                        + " largestForExact (" + largestForExact + ") at least 0.");
            }
        }
    }

    /** Timefold is not started with less time left than this: it would only repeat the exact engine's plan. */
    private static final long LEAST_FOR_LOCAL_SEARCH_MS = 20;

    private final Planner exact;
    private final TimefoldPlanner local;
    private final Rule rule;

    public AutoPlanner() {
        this(new ChocoPlanner(), new TimefoldPlanner(), Rule.MEASURED);
    }

    /** @param exact the exact engine (Choco; tests pass a stand-in) */
    public AutoPlanner(Planner exact, TimefoldPlanner local, Rule rule) {
        this.exact = Objects.requireNonNull(exact, "exact");
        this.local = Objects.requireNonNull(local, "local");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public Rule rule() {
        return rule;
    }

    /** Which engine the rule starts with for this request. */
    public String firstEngine(PlanRequest request) {
        return request.allowedProducts().size() > rule.largestForExact() ? TimefoldPlanner.NAME : ChocoPlanner.NAME;
    }

    @Override
    public PlanResult plan(PlanRequest request) {
        return plan(request, TimefoldPlanner.Options.NONE);
    }

    /** With options for the Timefold stage (its progress listener, say). */
    public PlanResult plan(PlanRequest request, TimefoldPlanner.Options options) {
        long start = System.nanoTime();
        if (firstEngine(request).equals(TimefoldPlanner.NAME)) {
            return local.plan(request, options);
        }
        var first = exact.plan(request, request.timeLimitMs(), exactWork(request));
        long left = request.timeLimitMs() - Elapsed.ms(start);
        if (first.status() == PlanStatus.OPTIMAL || first.status() == PlanStatus.INFEASIBLE
                || left < LEAST_FOR_LOCAL_SEARCH_MS) {
            return withTime(first, start);
        }
        var second = local.plan(request.withTimeLimitMs(left), options.withStart(first.plan(), first.bound()));
        return withTime(better(first, second), start);
    }

    /** The work the exact engine may spend on this request: a share of its time limit's worth, whatever the machine. */
    public long exactWork(PlanRequest request) {
        return Math.max(1, (long) (request.timeLimitMs() * rule.exactShare() * ChocoPlanner.WORK_PER_MS));
    }

    /** The plan with the better objective (the local search's on a tie: it starts from the other and only improves). */
    private static PlanResult better(PlanResult first, PlanResult second) {
        if (!second.hasPlan()) {
            if (first.hasPlan()) {
                return first;
            }
            var warnings = new ArrayList<>(first.warnings());
            warnings.addAll(second.warnings());
            return PlanResult.unknown(second.solver(), second.objective(), Double.NaN, warnings, second.timeMs());
        }
        if (first.hasPlan() && first.value() < second.value() - 1e-9 * Math.max(1, Math.abs(first.value()))) {
            return first;
        }
        return second;
    }

    private static PlanResult withTime(PlanResult result, long start) {
        return result.withTimeMs(Elapsed.ms(start));
    }
}

package nutriplan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.nio.file.Files;
import java.nio.file.Path;

import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Product;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;
import nutriplan.planner.schedule.Schedule;
import nutriplan.planner.schedule.ScheduleLimits;
import nutriplan.planner.schedule.Scheduler;
import nutriplan.planner.schedule.SessionPlanner;
import nutriplan.planner.schedule.UnschedulableException;
import nutriplan.planner.schedule.domain.Tracked;

/**
 * The intake schedule's quality and time over sessions of 1 to 12 hours: for each, a plan on the default catalog
 * for a workout's needs per hour × hours (carbohydrate 45–60 g/h, fluid 500–800 mL/h, sodium from 400 mg/h), kept
 * within the session's hourly limits, then spread over its slots by Timefold, every clock hour asked for at least
 * the band's minimum of carbohydrate (45 g/h, the targets' own minimum, unless {@code --carb-min-per-hour} says
 * otherwise). Prints a Markdown table, then each hour a schedule misses; asserts nothing (the tests do). Run with
 * {@code bench/run --schedule [OPTIONS]}.
 */
public final class ScheduleBenchmark {

    private static final String USAGE = """
            Usage: bench/run --schedule [--hours 1,2,...,12] [--interval 15] [--carb-per-hour 60] [--carb-min-per-hour 45]
                                        [--fluid-per-hour 1000] [--repeats 3] [--data DIR] [--verbose]
              --hours             session lengths, in hours
              --interval          minutes between slots, 10 to 20
              --carb-per-hour     the carbohydrate cap of every 60-minute window, g
              --carb-min-per-hour the least carbohydrate every clock hour should hold, g (0: none)
              --fluid-per-hour    the fluid cap of every 60-minute window, mL (at most 1000)
              --repeats           schedules per session; the time is their median (the schedule itself is the same each time)
              --data              the data directory holding catalogs/default.json (default: data or ../data)
              --verbose           print each session's timeline (stderr)
            """;

    /** The plan's time limit: Choco proves these small plans in well under it. */
    private static final long PLAN_TIME_LIMIT_MS = 5000;
    private static final long SAFETY_NET_MS = 60_000;

    record Options(List<Integer> hours, int interval, double carbPerHour, double carbMinPerHour, double fluidPerHour,
                   int repeats, Path data, boolean verbose, boolean help) {

        static Options parse(String[] args) {
            var parsed = Bench.Arguments.of(args, List.of("--verbose", "--help"),
                    List.of("--hours", "--interval", "--carb-per-hour", "--carb-min-per-hour", "--fluid-per-hour", "--repeats",
                            "--data"));
            var values = parsed.values();
            var hours = new ArrayList<Integer>();
            for (var h : values.getOrDefault("--hours", "1,2,3,4,5,6,7,8,9,10,11,12").split(",")) {
                hours.add(Bench.positive("--hours", h.trim()));
            }
            return new Options(hours, Bench.positive("--interval", values.getOrDefault("--interval", "15")),
                    Bench.positive("--carb-per-hour", values.getOrDefault("--carb-per-hour", "60")),
                    nonNegative("--carb-min-per-hour", values.getOrDefault("--carb-min-per-hour", "45")),
                    Bench.positive("--fluid-per-hour", values.getOrDefault("--fluid-per-hour", "1000")),
                    Bench.positive("--repeats", values.getOrDefault("--repeats", "3")),
                    values.containsKey("--data") ? Path.of(values.get("--data"))
                            : Files.isDirectory(Path.of("data", "catalogs")) ? Path.of("data") : Path.of("..", "data"),
                    parsed.flags().contains("--verbose"), parsed.flags().contains("--help"));
        }
    }

    private final Options options;
    private final List<Product> products;
    private final ChocoPlanner choco = new ChocoPlanner();
    private final Scheduler scheduler = new Scheduler();
    private final SessionPlanner sessions = new SessionPlanner(scheduler);

    private ScheduleBenchmark(Options options) {
        this.options = options;
        this.products = CatalogFiles.read(options.data().resolve("catalogs").resolve("default.json")).catalog().products();
        if (products.isEmpty()) {
            throw new IllegalStateException("no products in " + options.data().resolve("catalogs").resolve("default.json"));
        }
    }

    public static void main(String[] args) {
        var options = Bench.optionsOrExit(args, Options::parse, Options::help, USAGE);
        if (options != null) {
            new ScheduleBenchmark(options).run();
        }
    }

    private ScheduleLimits limits(int durationMin) {
        // The band is a rate per clock hour (guidelines §5): the targets' own 45 g/h by default, never above the cap.
        return ScheduleLimits.of(durationMin, options.interval()).withCarbPerHourG(options.carbPerHour())
                .withFluidPerHourMl(options.fluidPerHour())
                .withCarbMinPerHourG(Math.min(options.carbMinPerHour(), options.carbPerHour()));
    }

    private PlanRequest request(int durationMin) {
        double hours = durationMin / 60.0;
        return PlanRequest.of(List.of(
                Target.between(Nutrient.CARBOHYDRATE, 45 * hours, 60 * hours),
                Target.between(Nutrient.FLUID, 500 * hours, 800 * hours),
                Target.atLeast(Nutrient.SODIUM, 400 * hours)), products)
                .withTimeLimitMs(PLAN_TIME_LIMIT_MS);
    }

    private void run() {
        // Warm-up: the JIT and Timefold's constraint streams, on a session the table holds too.
        sessions.plan(request(180), limits(180), choco, SAFETY_NET_MS);
        System.out.printf(Locale.ROOT, "Intake schedule, every %d min, caps %s g carbohydrate and %s mL fluid per 60-minute window,"
                        + " at least %s g carbohydrate every clock hour%n%n",
                options.interval(), fmt(options.carbPerHour()), fmt(options.fluidPerHour()), fmt(options.carbMinPerHour()));
        System.out.println("| hours | slots | servings (sips) | plan ms | schedule ms | session ms | score | attempts"
                + " | max carb/window g | max fluid/window mL | carb/hour min–max g | misses | off even carb g | off even fluid mL"
                + " | off even sodium mg |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var misses = new ArrayList<String>();
        for (int hours : options.hours()) {
            row(hours * 60, misses);
        }
        System.out.println();
        System.out.println("session ms: the whole of SessionPlanner.plan, every plan and schedule it made (once, after the warm-up).");
        System.out.println("carb/hour: the least and the most carbohydrate a clock hour holds (a last part of an hour counts as it is)."
                + " misses: the hours below the band and the slots over the limit per litre, and their grams.");
        System.out.println("off even: the largest |cumulative − total × elapsed / duration| over the slots; the rule"
                + " tolerates one serving's amount.");
        if (!misses.isEmpty()) {
            System.out.println();
            misses.forEach(miss -> System.out.println("- " + miss));
        }
    }

    private void row(int durationMin, List<String> misses) {
        var limits = limits(durationMin);
        SessionPlanner.Outcome outcome;
        long sessionStart = System.nanoTime();
        try {
            outcome = sessions.plan(request(durationMin), limits, choco, SAFETY_NET_MS);
        } catch (UnschedulableException e) {
            System.out.printf(Locale.ROOT, "| %s | unschedulable: %s |%n", fmt(durationMin / 60.0), String.join("; ", e.reasons()));
            return;
        }
        if (outcome.schedule() == null) {
            System.out.printf(Locale.ROOT, "| %s | no plan: %s |%n", fmt(durationMin / 60.0), outcome.result().status());
            return;
        }
        double sessionMs = (System.nanoTime() - sessionStart) / 1e6;
        var plan = outcome.result().plan();
        var times = new ArrayList<Double>();
        Schedule schedule = outcome.schedule();
        for (int repeat = 0; repeat < options.repeats(); repeat++) {
            long start = System.nanoTime();
            schedule = scheduler.schedule(plan, limits, SAFETY_NET_MS);
            times.add((System.nanoTime() - start) / 1e6);
        }
        int servings = plan.items().stream().mapToInt(item -> item.servings()).sum();
        int sips = plan.items().stream().mapToInt(item -> item.servings() * Scheduler.sips(item.product(), limits)).sum();
        var hourly = schedule.hours().stream().mapToDouble(hour -> hour.total(Tracked.CARBOHYDRATE)).summaryStatistics();
        double missed = schedule.misses().stream().mapToDouble(Schedule.Miss::missG).sum();
        schedule.misses().forEach(miss -> misses.add(fmt(durationMin / 60.0) + " h: " + miss.message()));
        System.out.printf(Locale.ROOT, "| %s | %d | %d (%d) | %s | %s | %s | %s | %d | %s / %s | %s / %s | %s–%s | %s | %s | %s | %s |%n",
                fmt(durationMin / 60.0), schedule.slots().size(), servings, sips, Bench.ms(outcome.result().timeMs()),
                Bench.ms(Bench.median(times)), Bench.ms(sessionMs), schedule.score(), outcome.attempts(),
                fmt(maxWindow(schedule, Tracked.CARBOHYDRATE)), fmt(limits.carbPerHourG()),
                fmt(maxWindow(schedule, Tracked.FLUID)), fmt(limits.fluidPerHourMl()),
                fmt(hourly.getMin()), fmt(hourly.getMax()),
                schedule.misses().isEmpty() ? "0" : schedule.misses().size() + " (" + fmt(missed) + " g)",
                fmt(offEven(schedule, Tracked.CARBOHYDRATE)), fmt(offEven(schedule, Tracked.FLUID)),
                fmt(offEven(schedule, Tracked.SODIUM)));
        if (options.verbose()) {
            for (var slot : schedule.slots()) {
                System.err.println(durationMin + " min @" + slot.atMin() + ": " + slot.items().stream()
                        .map(intake -> intake.product().id() + " " + fmt(intake.amount()) + " " + intake.unit()).toList());
            }
        }
    }

    /** The most of a nutrient any 60-minute window starting at a slot holds. */
    static double maxWindow(Schedule schedule, Tracked nutrient) {
        var slots = schedule.slots();
        double most = 0;
        for (int k = 0; k < slots.size(); k++) {
            double sum = 0;
            for (int j = k; j < slots.size() && slots.get(j).atMin() < slots.get(k).atMin() + ScheduleLimits.WINDOW_MIN; j++) {
                sum += slots.get(j).total(nutrient);
            }
            most = Math.max(most, sum);
        }
        return most;
    }

    /** The largest distance of the cumulative amount from the even curve at the end of a slot's interval. */
    static double offEven(Schedule schedule, Tracked nutrient) {
        var limits = schedule.limits();
        double total = schedule.slots().stream().mapToDouble(slot -> slot.total(nutrient)).sum();
        double cumulative = 0;
        double most = 0;
        for (var slot : schedule.slots()) {
            cumulative += slot.total(nutrient);
            double elapsed = Math.min(limits.durationMin(), slot.atMin() + limits.intervalMin());
            most = Math.max(most, Math.abs(cumulative - total * elapsed / limits.durationMin()));
        }
        return most;
    }

    /** A whole-number option that may be 0. */
    private static int nonNegative(String option, String text) {
        long value = Bench.number(option, text);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be 0 or more, got " + text + ".");
        }
        return (int) value;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}

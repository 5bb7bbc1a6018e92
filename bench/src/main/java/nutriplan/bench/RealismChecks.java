package nutriplan.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Phase;
import nutriplan.catalog.product.Product;

/**
 * Issue 27's goals checked on one plan answer (status and body, as {@code POST /api/v1/plans} gives them) against the
 * catalog it was planned on: what {@code bench/run --realism} prints. Reads only the answer's JSON, never the
 * planner's objects, so it measures what a caller gets. Pure functions, so {@code RealismChecksTest} can hold them to
 * fixed answers.
 */
final class RealismChecks {

    /** Sessions longer than this get a per-hour carbohydrate band (guidelines §5: 30–60 g/h from 75 min). */
    static final int BAND_FROM_MIN = 75;
    /**
     * A session's last part of an hour shorter than this is held to the band's maximum only: the schedule keeps a
     * session's last 10 minutes empty, so a short tail cannot hold its share (API.md, "Intake schedule").
     */
    static final int PARTIAL_HOUR_MIN = 30;
    /** Amounts in an answer are rounded; a bound is met within this. */
    private static final double ROUNDING = 0.05;
    /** Fields that differ from call to call by design (API.md: "only timeMs differs"). */
    static final Set<String> TIMING_FIELDS = Set.of("timeMs", "timings");

    private static final Pattern RAW = Pattern.compile("\\braw\\b|\\bunpasteuri[sz]ed\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> ANIMAL_TAGS = Set.of("egg", "dairy", "meat", "fish", "shellfish");
    private static final Pattern ANIMAL_WORDS = Pattern.compile(
            "\\b(eggs?|milk|cheese|yog(h)?urt|meat|beef|pork|chicken|fish|tuna|salmon|oysters?|sushi)\\b",
            Pattern.CASE_INSENSITIVE);

    private RealismChecks() {
    }

    /** Issue 27's goals, in its order. */
    enum Goal {
        PLAN("1", "every workout gets a plan"),
        FIT_FOR_DURING("2", "products fit for during, no raw animal food"),
        CAFFEINE_FREE_KEPT("3", "no caffeine-free product left out for unknown caffeine"),
        HOURS_IN_BAND("4", "every hour within the band, or a miss named"),
        PER_LITRE_OVERALL("5a", "g/L overall within the limit, or said why"),
        PER_LITRE_IN_SLOTS("5b", "g/L in every slot within the slot limit, or a miss named"),
        COLD_EQUALS_WARM("6", "cold answer = warm answer (but timings)");

        /** The goal's number in the issue; 5 is checked overall and per slot. */
        final String number;
        final String words;

        Goal(String number, String words) {
            this.number = number;
            this.words = words;
        }
    }

    enum Verdict { PASS, FAIL, NOT_APPLICABLE }

    /** One goal's verdict on one answer, and why when it fails. */
    record Check(Goal goal, Verdict verdict, String why) {

        static Check pass(Goal goal) {
            return new Check(goal, Verdict.PASS, "");
        }

        static Check notApplicable(Goal goal, String why) {
            return new Check(goal, Verdict.NOT_APPLICABLE, why);
        }

        static Check passOrFail(Goal goal, List<String> faults) {
            return faults.isEmpty() ? pass(goal) : new Check(goal, Verdict.FAIL, String.join("; ", faults));
        }
    }

    /**
     * One clock hour of {@code scheduleInfo.perHour} and its band: a whole hour the band's g/h; the session's last part
     * of an hour the minimum prorated to its length (none under {@value #PARTIAL_HOUR_MIN} min) and the hourly maximum,
     * since any 60-minute window, the last part included, may hold that much.
     *
     * @param explained a miss of the answer names this hour
     */
    record Hour(int fromMin, int toMin, double carbohydrateG, double minG, double maxG, boolean explained) {

        double lengthH() {
            return (toMin - fromMin) / 60.0;
        }

        boolean withinBand() {
            return carbohydrateG >= minG - ROUNDING && carbohydrateG <= maxG + ROUNDING;
        }
    }

    /** One schedule slot with carbohydrate: its carbohydrate per litre of the fluid taken at it (infinite without fluid). */
    record Slot(int atMin, double carbohydrateG, double fluidMl, boolean explained) {

        double perLitre() {
            return fluidMl > 0 ? carbohydrateG / fluidMl * 1000 : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * What one answer shows, read once.
     *
     * @param status       the HTTP status
     * @param planStatus   the body's {@code status} (OPTIMAL, …) or its {@code error} code
     * @param message      a 4xx's message with its details' messages; empty for a 200
     * @param products     "id (kind) ×servings" of the plan
     * @param bandMin      the band's minimum per hour the answer states (scheduleInfo.limits), g/h; NaN without a band
     * @param misses       {@code scheduleInfo.misses} as sent; null when the answer has no such field
     * @param perLitre     the answer's {@code concentration.amount}, g/L; NaN when null
     * @param perLitreMax  the limit, {@code needs.safety.carbohydratePerLitre}, g/L; NaN when absent
     * @param slotMax      the per-slot limit, {@code needs.safety.carbohydratePerLitreInSlot}, g/L; NaN when absent
     * @param leftOut      products left out, counted by cause
     * @param unknownCaffeine products left out because their caffeine is not known
     */
    record Reading(int status, String planStatus, String solver, Long timeMs, String message, List<String> products,
                   double bandMin, double bandMax, List<Hour> hours, List<JsonNode> misses, double perLitre,
                   double perLitreMax, boolean perLitreWarned, double slotMax, List<Slot> slots,
                   Map<String, Integer> leftOut, List<String> unknownCaffeine, List<String> used) {

        boolean planned() {
            return status == 200 && (planStatus.equals("OPTIMAL") || planStatus.equals("FEASIBLE"));
        }

        /** The lowest and highest carbohydrate per hour over the hours of at least {@value #PARTIAL_HOUR_MIN} min, g/h. */
        double[] perHourRange() {
            double low = Double.NaN;
            double high = Double.NaN;
            for (var hour : hours) {
                if (hour.toMin() - hour.fromMin() >= PARTIAL_HOUR_MIN) {
                    double rate = hour.carbohydrateG() / hour.lengthH();
                    low = Double.isNaN(low) ? rate : Math.min(low, rate);
                    high = Double.isNaN(high) ? rate : Math.max(high, rate);
                }
            }
            return new double[] {low, high};
        }

        /** The slot with the most carbohydrate per litre; null without a slot holding carbohydrate. */
        Slot worstSlot() {
            return slots.stream().max((a, b) -> Double.compare(a.perLitre(), b.perLitre())).orElse(null);
        }
    }

    /**
     * Reads an answer.
     *
     * @param durationMin the workout's, for the band per hour
     */
    static Reading read(int status, JsonNode body, int durationMin, Catalog catalog) {
        Objects.requireNonNull(body, "body");
        if (status != 200) {
            return new Reading(status, text(body, "error"), "", null, message(body), List.of(), Double.NaN, Double.NaN,
                    List.of(), null, Double.NaN, Double.NaN, false, Double.NaN, List.of(), leftOut(body),
                    unknownCaffeine(body), List.of());
        }
        var needs = body.path("needs");
        var info = body.path("scheduleInfo");
        // The band an hour is held to is the one the answer states: the rule's minimum per hour (lowered only where
        // the needs say why: a tolerance below the band, or a fluid too scarce to carry it, R-CONCENTRATION) up to the
        // tolerance; the session's total keeps to the rule's maximum.
        var limits = info.path("limits");
        double bandMin = limits.path("carbohydrateMinPerHour").isObject()
                ? amount(limits.path("carbohydrateMinPerHour"), 0) : Double.NaN;
        double bandMax = limits.path("carbohydratePerHour").isObject()
                ? amount(limits.path("carbohydratePerHour"), Double.POSITIVE_INFINITY) : Double.NaN;
        var misses = info.has("misses") ? list(info.path("misses")) : null;
        var hourList = new ArrayList<Hour>();
        for (var hour : info.path("perHour")) {
            int from = hour.path("fromMin").asInt();
            int to = hour.path("toMin").asInt();
            int length = to - from;
            double min = Double.isNaN(bandMin) || length < PARTIAL_HOUR_MIN ? 0 : bandMin * length / 60;
            double max = Double.isNaN(bandMax) ? Double.POSITIVE_INFINITY : bandMax;
            hourList.add(new Hour(from, to, amount(hour.path("totals").path("carbohydrate"), 0), min, max,
                    missed(misses, from, to, "hour")));
        }
        var slots = new ArrayList<Slot>();
        int intervalMin = info.path("limits").path("intervalMin").asInt(15);
        for (var slot : body.path("schedule")) {
            double carbohydrate = amount(slot.path("totals").path("carbohydrate"), 0);
            if (carbohydrate > 0) {
                int at = slot.path("atMin").asInt();
                slots.add(new Slot(at, carbohydrate, amount(slot.path("totals").path("fluid"), 0),
                        missed(misses, at, at + intervalMin, "litre")));
            }
        }
        var concentration = body.path("concentration").path("amount");
        boolean warned = false;
        for (var warning : body.path("warnings")) {
            var words = warning.path("message").asText().toLowerCase(Locale.ROOT);
            warned |= words.contains("g/l") || words.contains("per litre") || words.contains("concentrat");
        }
        return new Reading(status, text(body, "status"), text(body, "solver"),
                body.path("timeMs").isNumber() ? body.path("timeMs").asLong() : null, "", products(body, catalog),
                bandMin, bandMax, hourList, misses, concentration.isNumber() ? concentration.asDouble() : Double.NaN,
                amount(needs.path("safety").path("carbohydratePerLitre"), Double.NaN), warned,
                amount(needs.path("safety").path("carbohydratePerLitreInSlot"), Double.NaN), slots, leftOut(body),
                unknownCaffeine(body), used(body));
    }

    /**
     * Goals 1 to 5 on one answer (goal 6 needs two answers: {@link #coldEqualsWarm}).
     *
     * @param caffeine whether the workout asks for caffeine (goal 3 concerns the plans without)
     */
    static List<Check> check(Reading reading, int durationMin, boolean caffeine, Catalog catalog) {
        var checks = new ArrayList<Check>();
        checks.add(reading.planned() ? Check.pass(Goal.PLAN) : new Check(Goal.PLAN, Verdict.FAIL,
                reading.status() + " " + reading.planStatus() + (reading.message().isEmpty() ? "" : ": " + reading.message())));
        checks.add(caffeine ? Check.notApplicable(Goal.CAFFEINE_FREE_KEPT, "caffeine asked for")
                : Check.passOrFail(Goal.CAFFEINE_FREE_KEPT, reading.unknownCaffeine().stream()
                        .filter(id -> catalog.product(id) != null && soldCaffeineFree(catalog.product(id)))
                        .map(id -> id + " left out for unknown caffeine").toList()));
        if (!reading.planned()) {
            for (var goal : List.of(Goal.FIT_FOR_DURING, Goal.HOURS_IN_BAND, Goal.PER_LITRE_OVERALL, Goal.PER_LITRE_IN_SLOTS)) {
                checks.add(Check.notApplicable(goal, "no plan"));
            }
            return order(checks);
        }
        checks.add(Check.passOrFail(Goal.FIT_FOR_DURING, unfit(reading.used(), catalog)));
        checks.add(durationMin <= BAND_FROM_MIN ? Check.notApplicable(Goal.HOURS_IN_BAND, "not longer than 75 min")
                : Double.isNaN(reading.bandMin()) ? new Check(Goal.HOURS_IN_BAND, Verdict.FAIL, "no carbohydrate band in scheduleInfo.limits")
                : Check.passOrFail(Goal.HOURS_IN_BAND, reading.hours().isEmpty() ? List.of("no scheduleInfo.perHour")
                        : reading.hours().stream().filter(hour -> !hour.withinBand() && !hour.explained())
                                .map(RealismChecks::outOfBand).toList()));
        checks.add(Check.passOrFail(Goal.PER_LITRE_OVERALL, overall(reading)));
        checks.add(Double.isNaN(reading.slotMax()) ? new Check(Goal.PER_LITRE_IN_SLOTS, Verdict.FAIL,
                "no needs.safety.carbohydratePerLitreInSlot")
                : Check.passOrFail(Goal.PER_LITRE_IN_SLOTS, reading.slots().stream()
                        .filter(slot -> slot.perLitre() > reading.slotMax() + ROUNDING && !slot.explained())
                        .map(slot -> "at " + slot.atMin() + " min " + fmt(slot.carbohydrateG()) + " g in "
                                + fmt(slot.fluidMl()) + " mL = " + perLitre(slot.perLitre())).toList()));
        return order(checks);
    }

    /** Goal 6: the two answers are the same but for their timings; the first difference otherwise. */
    static Check coldEqualsWarm(int coldStatus, JsonNode cold, int warmStatus, JsonNode warm) {
        var difference = difference(coldStatus, cold, "cold", warmStatus, warm, "warm");
        return difference == null ? Check.pass(Goal.COLD_EQUALS_WARM) : new Check(Goal.COLD_EQUALS_WARM, Verdict.FAIL, difference);
    }

    /** Where two answers differ but for their timings ("status 422 cold, 200 warm", ".items[0].servings: 9 cold, 8 warm"); null when nowhere. */
    static String difference(int aStatus, JsonNode a, String aName, int bStatus, JsonNode b, String bName) {
        if (aStatus != bStatus) {
            return "status " + aStatus + " " + aName + ", " + bStatus + " " + bName;
        }
        return firstDifference(withoutTimings(a), withoutTimings(b), "", aName, bName);
    }

    /** A copy of the answer without {@link #TIMING_FIELDS}, at any depth. */
    static JsonNode withoutTimings(JsonNode node) {
        var copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(TIMING_FIELDS);
        }
        node.forEach(RealismChecks::strip);
    }

    /** The path of the first place two JSON trees differ, with both values shortened; null when equal. */
    private static String firstDifference(JsonNode a, JsonNode b, String path, String aName, String bName) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                var name = names.next();
                if (!b.has(name)) {
                    return path + "." + name + " only " + aName;
                }
                var difference = firstDifference(a.get(name), b.get(name), path + "." + name, aName, bName);
                if (difference != null) {
                    return difference;
                }
            }
            return path + ": a field only " + bName;
        }
        if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                var difference = firstDifference(a.get(i), b.get(i), path + "[" + i + "]", aName, bName);
                if (difference != null) {
                    return difference;
                }
            }
            return path + ": " + a.size() + " entries " + aName + ", " + b.size() + " " + bName;
        }
        return path + ": " + shortened(a) + " " + aName + ", " + shortened(b) + " " + bName;
    }

    /** Sold caffeine-free: tagged so, or caffeine stated as 0 mg. */
    static boolean soldCaffeineFree(Product product) {
        return product.hasTag("caffeine-free")
                || product.nutrients().containsKey(Nutrient.CAFFEINE) && !product.isUnknown(Nutrient.CAFFEINE)
                        && product.listed(Nutrient.CAFFEINE) == 0;
    }

    /** Raw food of animal origin: "raw" (or unpasteurised) in its name, and an animal tag or word. */
    static boolean rawAnimal(Product product) {
        return RAW.matcher(product.name()).find()
                && (product.tags().stream().anyMatch(ANIMAL_TAGS::contains) || ANIMAL_WORDS.matcher(product.name()).find());
    }

    private static List<String> unfit(List<String> used, Catalog catalog) {
        var faults = new ArrayList<String>();
        for (var id : used) {
            var product = catalog.product(id);
            if (product == null) {
                faults.add(id + " is not in the catalog");
            } else if (!product.isFitFor(Phase.DURING)) {
                faults.add(id + " is not for during (use " + product.use() + ")");
            } else if (rawAnimal(product)) {
                faults.add(id + " is raw food of animal origin");
            }
        }
        return faults;
    }

    private static List<String> overall(Reading reading) {
        if (Double.isNaN(reading.perLitreMax())) {
            return List.of("no needs.safety.carbohydratePerLitre");
        }
        if (Double.isNaN(reading.perLitre()) || reading.perLitre() <= reading.perLitreMax() + ROUNDING || reading.perLitreWarned()) {
            // No amount: no fluid in the plan; the slots then say it (infinite g/L wherever carbohydrate is taken).
            return List.of();
        }
        return List.of(fmt(reading.perLitre()) + " g/L above " + fmt(reading.perLitreMax()) + " g/L, no warning says why");
    }

    private static String outOfBand(Hour hour) {
        return hour.fromMin() + "–" + hour.toMin() + " min " + fmt(hour.carbohydrateG()) + " g, band "
                + fmt(hour.minG()) + "–" + fmt(hour.maxG()) + " g";
    }

    /** A miss overlapping the stretch whose rule or sentence has the word (hour: the band; litre: a slot's g/L). */
    private static boolean missed(List<JsonNode> misses, int fromMin, int toMin, String word) {
        if (misses == null) {
            return false;
        }
        for (var miss : misses) {
            var words = (miss.path("rule").asText() + " " + miss.path("message").asText()).toLowerCase(Locale.ROOT);
            boolean aboutIt = words.contains(word) || word.equals("litre") && words.contains("g/l");
            if (aboutIt && miss.path("fromMin").asInt(Integer.MAX_VALUE) < toMin && miss.path("toMin").asInt(Integer.MIN_VALUE) > fromMin) {
                return true;
            }
        }
        return false;
    }

    private static List<Check> order(List<Check> checks) {
        return checks.stream().sorted((a, b) -> a.goal().compareTo(b.goal())).toList();
    }

    /** "id (kind) ×servings" of the plan's items. */
    private static List<String> products(JsonNode body, Catalog catalog) {
        var products = new ArrayList<String>();
        for (var item : body.path("items")) {
            var id = item.path("product").asText();
            var product = catalog.product(id);
            products.add(id + " (" + (product == null ? "?" : product.kind().jsonName()) + ") ×" + item.path("servings").asText());
        }
        return products;
    }

    /** Every product the answer plans: its items, its alternatives' and its schedule's, once each. */
    private static List<String> used(JsonNode body) {
        var ids = new LinkedHashSet<String>();
        body.path("items").forEach(item -> ids.add(item.path("product").asText()));
        body.path("alternatives").forEach(alternative -> alternative.path("items").forEach(item -> ids.add(item.path("product").asText())));
        body.path("schedule").forEach(slot -> slot.path("items").forEach(item -> ids.add(item.path("product").asText())));
        return List.copyOf(ids);
    }

    private static Map<String, Integer> leftOut(JsonNode body) {
        var byCause = new LinkedHashMap<String, Integer>();
        body.path("leftOut").forEach(entry -> byCause.merge(entry.path("cause").asText(), 1, Integer::sum));
        return byCause;
    }

    private static List<String> unknownCaffeine(JsonNode body) {
        var ids = new ArrayList<String>();
        for (var entry : body.path("leftOut")) {
            if (entry.path("cause").asText().equals("unknown")) {
                for (var nutrient : entry.path("nutrients")) {
                    if (nutrient.asText().equals("caffeine")) {
                        ids.add(entry.path("product").asText());
                    }
                }
            }
        }
        return ids;
    }

    /** A 4xx's message, then its details' messages. */
    private static String message(JsonNode body) {
        var parts = new ArrayList<String>();
        parts.add(body.path("message").asText());
        body.path("details").forEach(detail -> {
            if (detail.hasNonNull("message")) {
                parts.add(detail.path("message").asText());
            }
        });
        return String.join(" | ", parts);
    }

    private static List<JsonNode> list(JsonNode array) {
        var list = new ArrayList<JsonNode>();
        array.forEach(list::add);
        return list;
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).asText("");
    }

    /** An {amount, unit} quantity's amount; the fallback when it is null or absent. */
    private static double amount(JsonNode quantity, double fallback) {
        var amount = quantity.path("amount");
        return amount.isNumber() ? amount.asDouble() : fallback;
    }

    private static String shortened(JsonNode node) {
        var text = node.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    static String perLitre(double gramsPerLitre) {
        return Double.isInfinite(gramsPerLitre) ? "∞ g/L (no fluid)" : fmt(gramsPerLitre) + " g/L";
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "–" : Double.isInfinite(value) ? "∞"
                : value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}

package nutriplan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.catalogs.CatalogDirectory;
import nutriplan.api.plans.PlanRequestJson;
import nutriplan.api.plans.PlanService;
import nutriplan.bench.RealismBenchmark.Workout;
import nutriplan.bench.RealismChecks.Check;
import nutriplan.bench.RealismChecks.Goal;
import nutriplan.bench.RealismChecks.Verdict;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.Json;

/**
 * The checks of {@code bench/run --realism} on fixed answers, the workouts file, and one real answer whose fields the
 * checks must find (so a renamed field fails here instead of passing every goal by reading nothing).
 */
class RealismChecksTest {

    /** Four products: fit for during or not, sold caffeine-free or not, and a raw animal food. */
    private static final Catalog CATALOG = CatalogFiles.parse("""
            {"name": "checks", "products": [
              {"id": "gel", "name": "Gel", "kind": "gel", "serving": "32 g", "use": ["during"], "tags": ["caffeine-free"],
               "nutrients": {"carbohydrate": "22 g", "caffeine": null}},
              {"id": "chew", "name": "Chew", "kind": "chew", "serving": "30 g", "use": ["during"],
               "nutrients": {"carbohydrate": "24 g", "caffeine": null}},
              {"id": "bagel", "name": "Bagel", "kind": "food", "serving": "100 g", "use": ["before", "after"],
               "nutrients": {"carbohydrate": "50 g"}},
              {"id": "raw-egg", "name": "Egg, whole, raw", "kind": "food", "serving": "50 g", "use": ["during"], "tags": ["egg"],
               "nutrients": {"protein": "6 g"}}]}
            """.getBytes(StandardCharsets.UTF_8), "checks").catalog();

    /** A 200 for a 180-minute session: a schedule with a 60–90 g/h band, limits 80 and 250 g/L, and what {@code extra} adds. */
    private static JsonNode answer(String perHour, String schedule, String extra) {
        return json("""
                {"status": "OPTIMAL", "solver": "choco", "items": [{"product": "gel", "servings": 8}], "alternatives": [],
                 "concentration": {"amount": 70.0, "unit": "g/L"}, "warnings": [], "leftOut": [], "timeMs": 5,
                 "needs": {"ruleValues": [{"nutrient": "carbohydrate", "min": {"amount": 180.0, "unit": "g"},
                                           "max": {"amount": 270.0, "unit": "g"}}],
                           "safety": {"carbohydratePerLitre": {"amount": 80.0, "unit": "g/L"},
                                      "carbohydratePerLitreInSlot": {"amount": 250.0, "unit": "g/L"}}},
                 "schedule": [%s],
                 "scheduleInfo": {"limits": {"intervalMin": 15, "carbohydrateMinPerHour": {"amount": 60.0, "unit": "g"},
                                             "carbohydratePerHour": {"amount": 90.0, "unit": "g"}},
                                  "perHour": [%s], "timeMs": 40 %s}}
                """.formatted(schedule, perHour, extra));
    }

    private static String hour(int from, int to, double carbohydrate) {
        return "{\"fromMin\": %d, \"toMin\": %d, \"totals\": {\"carbohydrate\": {\"amount\": %s, \"unit\": \"g\"}}}"
                .formatted(from, to, carbohydrate);
    }

    private static String slot(int at, double carbohydrate, double fluid) {
        return ("{\"atMin\": %d, \"items\": [], \"totals\": {\"carbohydrate\": {\"amount\": %s, \"unit\": \"g\"},"
                + " \"fluid\": {\"amount\": %s, \"unit\": \"mL\"}}}").formatted(at, carbohydrate, fluid);
    }

    private static final String FED_HOURS = hour(0, 60, 70) + "," + hour(60, 120, 65) + "," + hour(120, 180, 62);

    private static Check check(Goal goal, JsonNode answer, int durationMin, boolean caffeine) {
        var reading = RealismChecks.read(200, answer, durationMin, CATALOG);
        return RealismChecks.check(reading, durationMin, caffeine, CATALOG).stream()
                .filter(each -> each.goal() == goal).findFirst().orElseThrow();
    }

    @Nested
    class Goals {

        @Test
        void a_422_fails_the_first_goal_with_its_message_and_leaves_the_plan_goals_aside() {
            var body = json("""
                    {"error": "unschedulable", "message": "the plan cannot be scheduled",
                     "details": [{"field": "schedule", "message": "carbohydrate per hour: 200 g is more than 90 g allows"}]}
                    """);
            var checks = RealismChecks.check(RealismChecks.read(422, body, 180, CATALOG), 180, false, CATALOG);

            assertThat(checks.getFirst()).extracting(Check::goal, Check::verdict).containsExactly(Goal.PLAN, Verdict.FAIL);
            assertThat(checks.getFirst().why()).contains("422 unschedulable", "200 g is more than 90 g allows");
            assertThat(checks).filteredOn(check -> check.goal() == Goal.HOURS_IN_BAND)
                    .extracting(Check::verdict).containsExactly(Verdict.NOT_APPLICABLE);
        }

        @Test
        void a_product_not_for_during_or_raw_and_animal_fails_the_second_goal_in_items_alternatives_or_schedule() {
            var clean = answer(FED_HOURS, "", "");
            var bagelInAnAlternative = json(clean.toString().replace("\"alternatives\":[]",
                    "\"alternatives\":[{\"items\":[{\"product\":\"bagel\",\"servings\":1}]}]"));
            var rawEggInTheSchedule = answer(FED_HOURS, "{\"atMin\": 0, \"items\": [{\"product\": \"raw-egg\"}], \"totals\": {}}", "");

            assertThat(check(Goal.FIT_FOR_DURING, clean, 180, false).verdict()).isEqualTo(Verdict.PASS);
            assertThat(check(Goal.FIT_FOR_DURING, bagelInAnAlternative, 180, false).why()).contains("bagel is not for during");
            assertThat(check(Goal.FIT_FOR_DURING, rawEggInTheSchedule, 180, false).why()).contains("raw-egg is raw food of animal origin");
        }

        @Test
        void a_product_sold_caffeine_free_left_out_for_unknown_caffeine_fails_the_third_goal_unless_caffeine_is_asked_for() {
            var leftOut = json(answer(FED_HOURS, "", "").toString().replace("\"leftOut\":[]",
                    "\"leftOut\":[{\"product\":\"gel\",\"cause\":\"unknown\",\"nutrients\":[\"caffeine\"]},"
                            + "{\"product\":\"chew\",\"cause\":\"unknown\",\"nutrients\":[\"sodium\",\"caffeine\"]}]"));

            assertThat(check(Goal.CAFFEINE_FREE_KEPT, leftOut, 180, false))
                    .extracting(Check::verdict, Check::why).containsExactly(Verdict.FAIL, "gel left out for unknown caffeine");
            assertThat(check(Goal.CAFFEINE_FREE_KEPT, leftOut, 180, true).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        }

        @Test
        void an_hour_below_the_band_fails_the_fourth_goal_unless_a_miss_names_it() {
            var starved = hour(0, 60, 70) + "," + hour(60, 120, 65) + "," + hour(120, 180, 40);
            var missNamed = ", \"misses\": [{\"rule\": \"Carbohydrate every hour\", \"fromMin\": 120, \"toMin\": 180,"
                    + " \"by\": {\"amount\": 20.0, \"unit\": \"g\"}, \"message\": \"40 g is 20 g below the band\"}]";
            var missOfAnotherHour = missNamed.replace("\"fromMin\": 120, \"toMin\": 180", "\"fromMin\": 0, \"toMin\": 60");

            assertThat(check(Goal.HOURS_IN_BAND, answer(FED_HOURS, "", ""), 180, false).verdict()).isEqualTo(Verdict.PASS);
            assertThat(check(Goal.HOURS_IN_BAND, answer(starved, "", ""), 180, false).why()).isEqualTo("120–180 min 40 g, band 60–90 g");
            assertThat(check(Goal.HOURS_IN_BAND, answer(starved, "", missNamed), 180, false).verdict()).isEqualTo(Verdict.PASS);
            assertThat(check(Goal.HOURS_IN_BAND, answer(starved, "", missOfAnotherHour), 180, false).verdict()).isEqualTo(Verdict.FAIL);
            assertThat(check(Goal.HOURS_IN_BAND, answer(starved, "", ""), 75, false).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        }

        @Test
        void a_last_part_of_an_hour_is_asked_for_its_share_from_30_minutes_and_for_nothing_below() {
            // 180–270 g over 3 h is 60–90 g/h whatever the duration passed; the last parts are 45 and 20 minutes.
            var fortyFiveMinutes = hour(0, 60, 70) + "," + hour(60, 120, 65) + "," + hour(120, 165, 40);
            var twentyMinutes = hour(0, 60, 70) + "," + hour(60, 120, 65) + "," + hour(120, 140, 0);

            assertThat(check(Goal.HOURS_IN_BAND, answer(fortyFiveMinutes, "", ""), 180, false).why())
                    .isEqualTo("120–165 min 40 g, band 45–90 g");
            assertThat(check(Goal.HOURS_IN_BAND, answer(twentyMinutes, "", ""), 180, false).verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void a_plan_above_its_limit_per_litre_fails_unless_a_warning_says_why() {
            var strong = json(answer(FED_HOURS, "", "").toString().replace("\"amount\":70.0,\"unit\":\"g/L\"", "\"amount\":95.0,\"unit\":\"g/L\""));
            var warned = json(strong.toString().replace("\"warnings\":[]", "\"warnings\":[{\"message\":\"95 g/L: the fluid cannot carry more dilute\"}]"));

            assertThat(check(Goal.PER_LITRE_OVERALL, answer(FED_HOURS, "", ""), 180, false).verdict()).isEqualTo(Verdict.PASS);
            assertThat(check(Goal.PER_LITRE_OVERALL, strong, 180, false).why()).isEqualTo("95 g/L above 80 g/L, no warning says why");
            assertThat(check(Goal.PER_LITRE_OVERALL, warned, 180, false).verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void a_slot_above_250_g_per_litre_or_without_fluid_fails_unless_a_miss_names_it() {
            var slots = slot(0, 0, 200) + "," + slot(15, 25, 100) + "," + slot(30, 25, 50) + "," + slot(45, 22, 0);
            var missNamed = ", \"misses\": [{\"rule\": \"Carbohydrate per litre in a slot\", \"fromMin\": 30, \"toMin\": 45,"
                    + " \"message\": \"at 30 min: 500 g/L\"}]";

            assertThat(check(Goal.PER_LITRE_IN_SLOTS, answer(FED_HOURS, slots, ""), 180, false).why())
                    .isEqualTo("at 30 min 25 g in 50 mL = 500 g/L; at 45 min 22 g in 0 mL = ∞ g/L (no fluid)");
            assertThat(check(Goal.PER_LITRE_IN_SLOTS, answer(FED_HOURS, slots, missNamed), 180, false).why())
                    .isEqualTo("at 45 min 22 g in 0 mL = ∞ g/L (no fluid)");
        }

        @Test
        void answers_differing_only_in_timings_are_the_same_and_otherwise_the_first_difference_is_named() {
            var warm = answer(FED_HOURS, "", "");
            var laterTimings = json(warm.toString().replace("\"timeMs\":5", "\"timeMs\":900").replace("\"timeMs\":40", "\"timeMs\":1"));
            var otherServings = json(warm.toString().replace("\"servings\":8", "\"servings\":9"));

            assertThat(RealismChecks.coldEqualsWarm(200, laterTimings, 200, warm).verdict()).isEqualTo(Verdict.PASS);
            assertThat(RealismChecks.coldEqualsWarm(200, otherServings, 200, warm).why()).isEqualTo(".items[0].servings: 9 cold, 8 warm");
            assertThat(RealismChecks.coldEqualsWarm(422, warm, 200, warm).why()).isEqualTo("status 422 cold, 200 warm");
        }
    }

    @Nested
    class Workouts {

        private final List<Workout> workouts = Workout.load(null);

        @Test
        void the_set_holds_at_least_40_named_workouts_over_the_ranges_issue_27_names() {
            assertThat(workouts).hasSizeGreaterThanOrEqualTo(40);
            assertThat(workouts).extracting(Workout::name).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z0-9-]+"));
            assertThat(workouts).extracting(Workout::durationMin).contains(30, 720).allMatch(d -> d >= 30 && d <= 720);
            assertThat(workouts).extracting(w -> w.request().path("workout").path("intensity").asText())
                    .contains("low", "moderate", "high");
            assertThat(workouts).extracting(Workout::caffeine).contains(true, false);
            assertThat(field("temperature", "°C")).contains(5.0, 38.0).allMatch(t -> t >= 5 && t <= 38);
            assertThat(field("sweatRate", "L/h")).contains(0.3, 2.5).allMatch(r -> r >= 0.3 && r <= 2.5);
            assertThat(field("sweatSodium", "mg/L")).contains(300.0, 2000.0).allMatch(na -> na >= 300 && na <= 2000);
            assertThat(field("carbTolerance", "g/h")).contains(30.0, 120.0).allMatch(g -> g >= 30 && g <= 120);
            assertThat(field("bodyMass", "kg")).contains(50.0, 100.0).allMatch(kg -> kg >= 50 && kg <= 100);
        }

        @Test
        void every_request_is_one_the_service_reads_with_a_schedule() {
            var catalogs = new CatalogDirectory(Path.of("..", "data", "catalogs"));
            for (var workout : workouts) {
                var asked = PlanRequestJson.readScheduled(workout.request().toString().getBytes(StandardCharsets.UTF_8), catalogs,
                        PlanRequestJson.DEFAULT_MAX_INLINE_PRODUCTS);
                assertThat(asked.schedule()).as(workout.name()).isNotNull();
            }
        }

        @Test
        void a_real_answer_has_every_field_the_checks_read() {
            var catalogs = new CatalogDirectory(Path.of("..", "data", "catalogs"));
            var workout = workouts.stream().filter(w -> w.name().equals("run-90min-e1")).findFirst().orElseThrow();

            var answer = RealismBenchmark.answer(workout.request().toString().getBytes(StandardCharsets.UTF_8), catalogs,
                    new PlanService());
            var reading = RealismChecks.read(answer.status(), answer.body(), workout.durationMin(),
                    catalogs.find(PlanRequestJson.DEFAULT_CATALOG));

            assertThat(reading.planned()).isTrue();
            assertThat(reading.products()).isNotEmpty();
            assertThat(reading.bandMin()).isEqualTo(30.0);
            assertThat(reading.bandMax()).as("the hour's cap: the tolerance, 90 g/h by default").isEqualTo(90.0);
            assertThat(reading.hours()).extracting(RealismChecks.Hour::toMin).containsExactly(60, 90);
            assertThat(reading.perLitre()).isPositive();
            assertThat(reading.perLitreMax()).isEqualTo(80.0);
            assertThat(reading.slotMax()).isEqualTo(250.0);
            assertThat(reading.slots()).isNotEmpty();
            assertThat(reading.leftOut()).containsKeys("unknown", "phase");
        }

        private List<Double> field(String name, String unit) {
            return workouts.stream().map(w -> w.request().path("workout").path(name))
                    .filter(JsonNode::isTextual).map(node -> Double.parseDouble(node.asText().replace(unit, "").trim())).toList();
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

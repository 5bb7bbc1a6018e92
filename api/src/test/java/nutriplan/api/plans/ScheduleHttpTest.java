package nutriplan.api.plans;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import nutriplan.api.service.TestService;

/** Plans with an intake schedule over real HTTP: every 60-minute window within its caps, and the faults. */
class ScheduleHttpTest {

    static final TestService service = TestService.start();

    @AfterAll
    static void stop() {
        service.close();
    }

    /** Targets per hour × hours, as a workout's needs would be: carbohydrate 45–60 g/h, fluid 500–800 mL/h, sodium 400 mg/h. */
    static String request(int durationMin, String schedule) {
        double h = durationMin / 60.0;
        return "{\"targets\": {\"carbohydrate\": {\"min\": \"" + 45 * h + " g\", \"max\": \"" + 60 * h + " g\"},"
                + " \"fluid\": {\"min\": \"" + 500 * h + " mL\", \"max\": \"" + 800 * h + " mL\"},"
                + " \"sodium\": {\"min\": \"" + 400 * h + " mg\"}}, \"durationMin\": " + durationMin
                + ", \"schedule\": " + schedule + ", \"solver\": \"choco\", \"timeLimitMs\": 5000}";
    }

    @ParameterizedTest
    @CsvSource({"150, 15", "180, 15", "360, 15", "540, 20", "720, 10"})
    void everyWindowWithinItsCaps(int durationMin, int interval) {
        var response = service.postJson(PlanRoutes.PLANS, request(durationMin, "{\"intervalMin\": " + interval + "}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var body = json(response);
        var slots = body.get("schedule");
        assertThat(slots.size()).isEqualTo((durationMin + interval - 1) / interval);
        assertThat(body.at("/scheduleInfo/feasible").asBoolean()).isTrue();
        assertThat(body.at("/scheduleInfo/score").asText()).startsWith("0hard/0medium/");
        assertThat(body.at("/scheduleInfo/capped/0").asText()).startsWith("carbohydrate max " + nutriplan.catalog.nutrient.Quantities.format(durationMin) + " g lowered to ")
                .endsWith("so that whole servings fit every 60-minute window");
        assertThat(body.at("/scheduleInfo/perHour").size()).isEqualTo((durationMin + 59) / 60);
        assertEveryWindowWithin(body, body.at("/scheduleInfo/limits/carbohydratePerHour/amount").asDouble(), 1000);
    }

    /** Every 60-minute window from a slot holds at most the caps, and every serving of the plan is placed exactly once. */
    static void assertEveryWindowWithin(JsonNode body, double carbCap, double fluidCap) {
        var slots = body.get("schedule");
        for (int k = 0; k < slots.size(); k++) {
            double carb = 0;
            double fluid = 0;
            for (int j = k; j < slots.size() && slots.get(j).get("atMin").asInt() < slots.get(k).get("atMin").asInt() + 60; j++) {
                carb += slots.get(j).at("/totals/carbohydrate/amount").asDouble();
                fluid += slots.get(j).at("/totals/fluid/amount").asDouble();
            }
            assertThat(carb).as("carbohydrate from slot " + k).isLessThanOrEqualTo(carbCap + 1e-6);
            assertThat(fluid).as("fluid from slot " + k).isLessThanOrEqualTo(fluidCap + 1e-6);
        }
        // Every serving of the plan placed exactly once: servings per product add up.
        for (JsonNode item : body.get("items")) {
            double placed = 0;
            for (JsonNode slot : slots) {
                for (JsonNode intake : slot.get("items")) {
                    if (intake.get("product").asText().equals(item.get("product").asText())) {
                        placed += intake.get("servings").asDouble();
                    }
                }
            }
            assertThat(placed).as(item.get("product").asText()).isCloseTo(item.get("servings").asDouble(),
                    org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void tooDenseForTheSessionIsExplained() {
        var response = service.postJson(PlanRoutes.PLANS, "{\"targets\": {\"carbohydrate\": {\"min\": \"200 g\"}},"
                + " \"durationMin\": 90, \"schedule\": {\"intervalMin\": 15}}");
        assertThat(response.statusCode()).isEqualTo(422);
        var body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("unschedulable");
        assertThat(body.at("/details/0/message").asText()).contains("carbohydrate per hour").contains("by 110 g");
    }

    @Test
    void aSessionTooShortForTheMinIsA422NamingTheRuleAndTheAmount() {
        var response = service.postJson(PlanRoutes.PLANS, "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}, \"fluid\":"
                + " {\"min\": \"1 L\"}}, \"durationMin\": 30, \"schedule\": {}}");
        assertThat(response.statusCode()).isEqualTo(422);
        var body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("unschedulable");
        assertThat(body.get("details")).hasSize(2);
        assertThat(body.at("/details/0/field").asText()).isEqualTo("schedule");
        assertThat(body.at("/details/0/message").asText()).contains("carbohydrate per hour").contains("by 30 g");
        assertThat(body.at("/details/1/message").asText()).contains("fluid per hour").contains("by 500 mL");
    }

    /** Guidelines §14 E2: 4 h, carbohydrate 240–360 g at a 90 g/h tolerance, fluid 4 L (1 L/h, the cap itself). */
    @Test
    void e2FluidAtTheCapItselfIsA422SayingByHowMuchAndWhatMinFits() {
        var response = service.postJson(PlanRoutes.PLANS, "{\"targets\": {\"carbohydrate\": {\"min\": \"240 g\", \"max\": \"360 g\"},"
                + " \"fluid\": {\"min\": \"4000 mL\", \"max\": \"4000 mL\"}, \"sodium\": {\"min\": \"1600 mg\", \"max\": \"4400 mg\"},"
                + " \"potassium\": {\"min\": \"313 mg\", \"max\": \"782 mg\"}}, \"solver\": \"choco\", \"durationMin\": 240,"
                + " \"schedule\": {\"intervalMin\": 15, \"carbohydratePerHour\": \"90 g\", \"fluidPerHour\": \"1 L\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        var body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("unschedulable");
        assertThat(body.at("/details/0/message").asText()).startsWith("fluid per hour: the min of 4000 mL is 100 %")
                .contains("lower the min to 3400 mL (85 %)");
        assertThat(body.at("/details/1/message").asText()).startsWith("Fluid per hour: fluid ").contains("exceeds 1000 mL per hour by");
    }

    /** Guidelines §14 E5: 150 min, carbohydrate 75–150 g at a 90 g/h tolerance, fluid 1.6–2.5 L. */
    @Test
    void e5IsScheduledWithinEveryWindow() {
        var response = service.postJson(PlanRoutes.PLANS, "{\"targets\": {\"carbohydrate\": {\"min\": \"75 g\", \"max\": \"150 g\"},"
                + " \"fluid\": {\"min\": \"1600 mL\", \"max\": \"2500 mL\"}, \"sodium\": {\"min\": \"640 mg\", \"max\": \"2750 mg\"},"
                + " \"potassium\": {\"min\": \"125 mg\", \"max\": \"489 mg\"}}, \"solver\": \"choco\", \"durationMin\": 150,"
                + " \"schedule\": {\"intervalMin\": 15, \"carbohydratePerHour\": \"90 g\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertEveryWindowWithin(json(response), 90, 1000);
    }

    @Test
    void aRequiredServingOverTheHourlyCapIsA422NamingIt() {
        var response = service.postJson(PlanRoutes.PLANS, "{\"targets\": {\"carbohydrate\": {\"min\": \"30 g\"}},"
                + " \"require\": [\"maurten-drink-mix-320\"], \"durationMin\": 30, \"schedule\": {\"intervalMin\": 15}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).at("/details/0/message").asText()).contains("maurten-drink-mix-320").contains("by 19 g");
    }

    @Test
    void theSameRequestGetsTheSameSchedule() {
        var first = json(service.postJson(PlanRoutes.PLANS, request(300, "{\"intervalMin\": 15}")));
        var second = json(service.postJson(PlanRoutes.PLANS, request(300, "{\"intervalMin\": 15}")));
        assertThat(second.get("schedule")).isEqualTo(first.get("schedule"));
        assertThat(second.at("/scheduleInfo/score")).isEqualTo(first.at("/scheduleInfo/score"));
    }

    @Test
    void theScoreIsExplainedRuleByRule() {
        var response = service.postJson(PlanRoutes.PLANS, request(180, "{\"intervalMin\": 15}"));
        var info = json(response).get("scheduleInfo");
        long soft = -Long.parseLong(info.get("score").asText().replaceAll(".*medium/(-?\\d+)soft", "$1"));
        long explained = 0;
        for (JsonNode cost : info.get("explanation")) {
            explained += cost.get("cost").asLong();
            assertThat(cost.get("reasons")).isNotEmpty();
        }
        assertThat(explained).isEqualTo(soft);
    }

    /**
     * Guidelines §14 E2 (4-h ride, 75 kg, moderate, 1.5 L/h, 32 °C, 90 g/h) from the workout to a timeline on a
     * catalog of sports products: every clock hour within the 60–90 g/h band, none missed.
     */
    @Test
    void e2FeedsEveryHourWithinTheBand() {
        var response = service.postJson(PlanRoutes.PLANS, "{\"workout\": " + WorkoutPlanHttpTest.E2 + ", \"schedule\": {},"
                + " \"products\": " + SportsProducts.JSON + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var info = json(response).get("scheduleInfo");
        assertThat(info.at("/limits/carbohydrateMinPerHour/amount").asDouble()).isEqualTo(60);
        assertThat(info.at("/limits/carbohydrateMinPerHour/unit").asText()).isEqualTo("g");
        // A workout's schedule holds each slot to R-CONCENTRATION's 250 g/L: a gel is taken with a sip.
        assertThat(info.at("/limits/slotCarbohydratePerLitre/amount").asDouble()).isEqualTo(250);
        assertThat(info.at("/limits/slotCarbohydratePerLitre/unit").asText()).isEqualTo("g/L");
        assertThat(info.get("perHour")).hasSize(4).allSatisfy(hour -> {
            assertThat(hour.at("/carbohydrateMin/amount").asDouble()).isEqualTo(60);
            assertThat(hour.at("/carbohydrateMax/amount").asDouble()).isEqualTo(90);
            assertThat(hour.at("/totals/carbohydrate/amount").asDouble()).as(hour.toString()).isBetween(60.0, 90.0);
            assertThat(hour.get("withinBand").asBoolean()).isTrue();
        });
        assertThat(info.get("misses")).isEmpty();
        assertThat(info.get("score").asText()).startsWith("0hard/0medium/");
        assertEveryWindowWithin(json(response), 90, info.at("/limits/fluidPerHour/amount").asDouble());
    }

    /** A workout whose fluid min leaves whole servings room at every length (80 kg, 0.6 L/h, 90 g/h, 25 °C). */
    static String workout(int durationMin) {
        return "{\"workout\": {\"durationMin\": " + durationMin + ", \"bodyMass\": \"80 kg\", \"sweatRate\": \"0.6 L/h\","
                + " \"carbTolerance\": \"90 g/h\", \"temperature\": \"25 °C\"}, \"schedule\": {}, \"products\": "
                + SportsProducts.JSON + "}";
    }

    /**
     * Every hour fed from 1 to 12 hours on sports products: each clock hour's carbohydrate is within the band (30 g/h
     * from 75 minutes, 60 g/h above 150, guidelines §5), or a miss names that hour and by how much.
     */
    @ParameterizedTest(name = "{0} min")
    @ValueSource(ints = {60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720})
    void everyHourIsWithinTheBandOrItsMissNamesIt(int durationMin) {
        var response = service.postJson(PlanRoutes.PLANS, workout(durationMin));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var info = json(response).get("scheduleInfo");
        double band = durationMin < 75 ? 0 : durationMin <= 150 ? 30 : 60;
        assertThat(info.at("/limits/carbohydrateMinPerHour").isNull()).isEqualTo(band == 0);
        assertThat(info.at("/limits/carbohydrateMinPerHour/amount").asDouble()).isEqualTo(band);
        assertThat(info.get("perHour")).hasSize((durationMin + 59) / 60);
        for (JsonNode hour : info.get("perHour")) {
            double carbohydrate = hour.at("/totals/carbohydrate/amount").asDouble();
            double min = hour.at("/carbohydrateMin/amount").asDouble();
            assertThat(hour.get("withinBand").asBoolean()).isEqualTo(carbohydrate >= min - 1e-6 && carbohydrate <= 90 + 1e-6);
            if (hour.get("withinBand").asBoolean()) {
                continue;
            }
            int from = hour.get("fromMin").asInt();
            assertThat(info.get("misses")).as("a miss naming the hour from " + from + " min").anySatisfy(miss -> {
                assertThat(miss.get("rule").asText()).isEqualTo("Carbohydrate every hour");
                assertThat(miss.get("fromMin").asInt()).isEqualTo(from);
                assertThat(miss.get("toMin").asInt()).isEqualTo(hour.get("toMin").asInt());
                assertThat(miss.at("/by/amount").asDouble()).isCloseTo(min - carbohydrate, org.assertj.core.data.Offset.offset(0.01));
                assertThat(miss.get("message").asText()).contains("from " + from + " to " + hour.get("toMin").asInt() + " min");
            });
        }
        assertThat(info.get("feasible").asBoolean()).isTrue();
        assertEveryWindowWithin(json(response), 90, info.at("/limits/fluidPerHour/amount").asDouble());
    }

    @Test
    void aRequestWithTargetsMaySendTheBandsMinimum() {
        var response = service.postJson(PlanRoutes.PLANS, request(180, "{\"carbohydrateMinPerHour\": \"40 g\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var info = json(response).get("scheduleInfo");
        assertThat(info.at("/limits/carbohydrateMinPerHour/amount").asDouble()).isEqualTo(40);
        assertThat(info.get("perHour")).allSatisfy(hour -> assertThat(hour.at("/carbohydrateMin/amount").asDouble()).isEqualTo(40));
        // Without it no hour is asked for any.
        var none = json(service.postJson(PlanRoutes.PLANS, request(180, "{}"))).get("scheduleInfo");
        assertThat(none.at("/limits/carbohydrateMinPerHour").isNull()).isTrue();
        assertThat(none.get("perHour")).allSatisfy(hour -> assertThat(hour.get("carbohydrateMin").isNull()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"70 g", "-5 g"})
    void aBandMinimumAboveTheCapOrNegativeNamesTheField(String min) {
        var response = service.postJson(PlanRoutes.PLANS, request(180, "{\"carbohydrateMinPerHour\": \"" + min + "\"}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).at("/details/0/field").asText()).isEqualTo("schedule.carbohydrateMinPerHour");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 90})
    void badIntervalNamesTheField(int interval) {
        var response = service.postJson(PlanRoutes.PLANS, request(120, "{\"intervalMin\": " + interval + "}"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("schedule.intervalMin").contains("10").contains("20");
    }

    @Test
    void scheduleWithoutDurationIs400() {
        var response = service.postJson(PlanRoutes.PLANS, "{\"targets\": {\"sodium\": {\"min\": \"500 mg\"}},"
                + " \"schedule\": {\"intervalMin\": 15}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("durationMin").contains("is required with");
    }
}

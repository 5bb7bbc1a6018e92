package nutriplan.api.web;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import nutriplan.api.plans.PlanRoutes;
import nutriplan.api.service.TestService;
import nutriplan.api.targets.TargetRoutes;
import nutriplan.catalog.nutrient.Quantities;

/**
 * The workout panel in a real browser: a dietitian types a session and a sweat test, sees the targets the service
 * derives with their rules, sources and safety rails, plans from them in one click, and shares a link that keeps
 * the workout. What the page shows is checked against what the API answers for the same workout.
 */
class WorkoutPanelBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.start();
    @RegisterExtension
    static final Browser browser = new Browser();

    /** A 3-hour ride: 60–90 g/h of carbohydrate, of which at most 60 g/h from a single source. */
    private static final String WORKOUT = """
            {"durationMin": 180, "bodyMass": "70 kg", "sweatRate": "1.0 L/h", "sweatSodium": "40 mmol/L",
             "carbTolerance": "90 g/h"}""";

    @AfterEach
    void the_page_logged_no_error() {
        assertThat(browser.consoleErrors()).as("script errors and Content-Security-Policy violations").isEmpty();
    }

    @Test
    void a_workout_shows_the_targets_of_the_api_with_their_rules_and_safety_and_plans_from_them_in_one_click() {
        browser.open(service.uri("/"));
        browser.byId("auto-replan").click();
        fillRide();

        browser.byId("workout-derive").click();
        browser.waitFor(driver -> !driver.findElements(By.id("needs-targets")).isEmpty());

        var expected = json(service.postJson(TargetRoutes.TARGETS, WORKOUT));
        var rows = browser.all(By.cssSelector("#needs-targets tbody tr[data-nutrient]"));
        assertThat(rows).extracting(row -> row.getAttribute("data-nutrient"))
                .containsExactlyElementsOf(() -> expected.path("targets").fieldNames());
        var carbohydrate = browser.find(By.cssSelector("#needs-targets tr[data-nutrient=carbohydrate]"));
        assertThat(carbohydrate.getText()).contains(Quantities.format(expected.at("/targets/carbohydrate/min/amount").asDouble()) + " g")
                .contains("R-CHO-DURING").contains("JEU14 [A]");
        assertThat(browser.find(By.cssSelector("#needs-targets tr[data-nutrient=singleSourceCarbohydrate]")).getText())
                .contains("180 g");
        assertThat(browser.find(By.cssSelector("#safety [data-safety=fluidPerHour]")).getText()).isEqualTo("1,000 mL");
        assertThat(browser.find(By.cssSelector("#safety [data-safety=confidence]")).getText())
                .isEqualTo(expected.at("/safety/confidence").asText());

        var status = browser.planAndAwait(() -> browser.byId("workout-plan").click());

        var plan = json(service.postJson(PlanRoutes.PLANS, "{\"workout\": " + WORKOUT + ", \"solver\": \"choco\"}"));
        assertThat(status).isEqualTo(plan.path("status").asText());
        assertThat(browser.byId("workout-use").isSelected()).isTrue();
        assertThat(browser.script("return document.getElementById('t-sodium-min').matches(':disabled')")).isEqualTo(true);
        assertThat(browser.all(By.cssSelector("#plans [data-plan=best] table.items tbody tr"))).isNotEmpty();
        assertThat(browser.driver().getCurrentUrl()).contains("workout.durationMin=180").contains("workout.carbTolerance=90");
        browser.script("document.getElementById('workout-panel').scrollIntoView()");
        browser.screenshot("workout-panel");
    }

    @Test
    void a_three_hour_ride_from_the_workout_panel_gets_a_timeline_within_its_tolerance_and_safe_fluid() {
        browser.open(service.uri("/"));
        browser.byId("auto-replan").click();
        fillRide();
        browser.select("solver", "choco");
        browser.byId("schedule-on").click();
        browser.select("intervalMin", "15");

        assertThat(browser.planAndAwait(() -> browser.byId("workout-plan").click())).isIn("OPTIMAL", "FEASIBLE");

        var api = json(service.postJson(PlanRoutes.PLANS, "{\"workout\": " + WORKOUT
                + ", \"solver\": \"choco\", \"schedule\": {\"intervalMin\": 15}}"));
        double carbCap = api.at("/needs/safety/carbohydratePerHour/amount").asDouble();
        double fluidCap = api.at("/needs/safety/fluidPerHour/amount").asDouble();
        var rows = browser.all(By.cssSelector("#timeline table.slots tbody tr"));
        assertThat(rows).hasSize(12);
        TimelineChecks.assertTimelineWithin(browser, api.path("items"), carbCap, fluidCap);
        assertThat(browser.driver().getCurrentUrl()).contains("workout.durationMin=180", "intervalMin=15")
                .doesNotContain("&durationMin=");
    }

    @Test
    void a_shared_link_keeps_the_workout_and_plans_from_it() {
        var link = service.uri("/?workout.durationMin=180&workout.bodyMass=70+kg&workout.sweatRate=1.0+L%2Fh"
                + "&workout.carbTolerance=90+g%2Fh&catalog=default&solver=choco");

        browser.open(link);
        browser.waitFor(driver -> browser.answers() > 0);

        assertThat(browser.byId("workout-panel").getAttribute("open")).isNotNull();
        assertThat(browser.byId("w-bodyMass").getAttribute("value")).isEqualTo("70 kg");
        assertThat(browser.byId("workout-use").isSelected()).isTrue();
        assertThat(browser.byId("status").getAttribute("data-status")).isIn("OPTIMAL", "FEASIBLE");
        assertThat(browser.all(By.cssSelector("#needs-targets tbody tr"))).isNotEmpty();
    }

    @Test
    void a_workout_out_of_range_is_shown_at_its_field() {
        browser.open(service.uri("/"));
        browser.byId("auto-replan").click();
        fillRide();
        browser.type("w-bodyMass", "500 kg");

        browser.planAndAwait(() -> browser.byId("workout-plan").click());

        assertThat(browser.byId("w-bodyMass-error").getText()).contains("300 kg");
        assertThat(browser.byId("w-bodyMass").getAttribute("aria-invalid")).isEqualTo("true");
    }

    private static void fillRide() {
        browser.find(By.cssSelector("#workout-panel summary")).click();
        for (var field : List.of(List.of("w-durationMin", "180"), List.of("w-bodyMass", "70 kg"), List.of("w-sweatRate", "1.0 L/h"),
                List.of("w-sweatSodium", "40 mmol/L"), List.of("w-carbTolerance", "90 g/h"))) {
            browser.type(field.get(0), field.get(1));
        }
    }
}

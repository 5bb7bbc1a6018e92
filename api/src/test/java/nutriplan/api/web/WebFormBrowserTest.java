package nutriplan.api.web;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.plans.PlanRoutes;
import nutriplan.api.plans.PlanService;
import nutriplan.api.service.BlockingPlanner;
import nutriplan.api.service.TestService;

/**
 * The dietitians' web form in a real browser (headless Chromium) against the real service: each test does what a
 * dietitian does and checks what the page shows against what the API answers for the same request. Screenshots
 * go to target/screenshots. Planning needs no sign-in on a loopback service, so those tests stay anonymous; the ones
 * that change a catalog through the form sign in as an editor first, as catalog changes need a credential (issue 28).
 */
class WebFormBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.start();
    @RegisterExtension
    static final Browser browser = new Browser();

    private static final By BEST_ROWS = By.cssSelector("#plans [data-plan=best] table.items tbody tr");
    private static final String EDITOR = "ed";
    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void an_editor_may_sign_in() {
        service.createUser(EDITOR, "editor", PASSWORD);
    }

    @AfterEach
    void the_page_logged_no_error() {
        assertThat(browser.consoleErrors()).as("script errors and Content-Security-Policy violations").isEmpty();
    }

    /** Every test starts anonymous; cookies ignore ports, so a session would also reach the busy test's service. */
    @AfterEach
    void signed_out() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void a_preset_gives_the_plan_of_the_api_as_a_table_with_a_chart_per_targeted_nutrient() throws IOException {
        browser.open(service.uri("/"));

        browser.select("preset", "run-60-min");
        assertThat(browser.byId("preset-description").getText()).startsWith("60-minute hard run");
        var status = browser.planAndAwait(() -> browser.byId("plan-button").click());

        var expected = json(service.postJson(PlanRoutes.PLANS, preset("run-60-min").toString()));
        assertThat(status).isEqualTo(expected.path("status").asText());
        assertThat(browser.byId("status").getText()).startsWith("Proven optimal");
        assertThat(shownItems("best")).isEqualTo(items(expected.path("items")));
        var nutrients = List.of("carbohydrate", "fluid", "sodium", "potassium");
        for (var nutrient : nutrients) {
            var total = browser.find(By.cssSelector("#plans [data-plan=best] tfoot .totals td[data-nutrient=" + nutrient + "]"));
            assertThat(Double.parseDouble(total.getText().replace(",", ""))).as(nutrient)
                    .isEqualTo(expected.path("totals").path(nutrient).path("amount").asDouble(), org.assertj.core.data.Offset.offset(0.05));
        }
        assertThat(browser.all(By.cssSelector("#plans [data-plan=best] figure.band")))
                .extracting(figure -> figure.getAttribute("data-nutrient")).containsExactlyElementsOf(nutrients);
        assertThat(browser.script("return [...document.querySelectorAll('#plans [data-plan=best] canvas')]"
                + ".every(canvas => Chart.getChart(canvas) && canvas.width > 0)")).isEqualTo(true);
        assertThat(browser.all(By.cssSelector("#plans article.plan-card"))).hasSize(1 + expected.path("alternatives").size());
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("plan");

        var csv = Browser.DOWNLOADS.resolve("nutriplan-plan.csv");
        Files.deleteIfExists(csv); // another test's download would make this one "nutriplan-plan (1).csv"
        browser.byId("download-csv").click();
        browser.waitFor(driver -> Files.exists(csv) && !readQuietly(csv).isEmpty());
        assertThat(Files.readString(csv)).startsWith("plan,product,name,servings,serving,carbohydrate (g),fluid (mL),sodium (mg),potassium (mg)")
                .contains("best," + expected.path("items").get(0).path("product").asText());
    }

    @Test
    void banning_a_product_of_the_plan_replans_at_once_and_keeps_the_previous_plan_in_sight() {
        browser.open(service.uri("/"));
        browser.planAndAwait(() -> browser.select("preset", "run-60-min"));
        var before = shownItems("best");
        var banned = before.get(0).split(" x ")[0];

        browser.planAndAwait(() -> browser.type("pick-exclude-products", banned + "\n"));

        assertThat(browser.all(By.cssSelector("#pickers [data-field='exclude.products'] .chip")))
                .extracting(chip -> chip.getAttribute("data-value")).containsExactly(banned);
        assertThat(shownItems("best")).isNotEmpty().noneMatch(item -> item.startsWith(banned + " x "));
        assertThat(browser.byId("previous").isDisplayed()).isTrue();
        assertThat(browser.all(By.cssSelector("#previous-plan table.items tbody tr")))
                .extracting(row -> row.getAttribute("data-product")).contains(banned);
        assertThat(browser.driver().getCurrentUrl()).contains("exclude.products=" + banned);
    }

    @Test
    void an_infeasible_request_is_explained_at_its_nutrient_and_one_click_relaxes_it() {
        openPlanningOnlyWhenAsked();
        browser.type("t-sodium-min", "3000 mg");
        browser.type("t-fluid-max", "500 mL");
        browser.type("maxServings", "2");
        // Room for a cold JVM on a loaded machine: the proof takes ~0.5 s cold, 50 ms warm.
        browser.type("timeLimitMs", "10000");

        assertThat(browser.planAndAwait(() -> browser.byId("plan-button").click())).isEqualTo("INFEASIBLE");
        var answer = json(service.postJson(PlanRoutes.PLANS, """
                {"targets": {"fluid": {"max": "500 mL"}, "sodium": {"min": "3000 mg"}}, "catalog": "default",
                 "limits": {"maxServings": 2}, "objective": "servings", "solver": "auto", "timeLimitMs": 10000, "alternatives": 2}"""));
        var sodium = detail(answer, "targets.sodium.min");
        var explanation = browser.byId("explain-sodium");
        assertThat(explanation.getText()).contains(sodium.path("message").asText());
        var conflict = conflict(answer);
        assertThat(browser.find(By.cssSelector("#outcome .conflict")).getText())
                .contains(conflict.stream().map(member -> member.path("constraint").asText()).toList());
        var relaxation = conflict.stream().filter(member -> member.path("field").asText().equals("targets.sodium.min")).findFirst().orElseThrow();
        var button = explanation.findElement(By.cssSelector("button.relax"));
        assertThat(button.getText()).isEqualTo(relaxation.path("relaxation").asText()).startsWith("lower sodium min to ");
        browser.screenshot("infeasible");

        assertThat(browser.planAndAwait(button::click)).isIn("OPTIMAL", "FEASIBLE");
        assertThat(browser.byId("t-sodium-min").getAttribute("value"))
                .isEqualTo(number(relaxation.at("/to/amount").asDouble()) + " " + relaxation.at("/to/unit").asText());
        assertThat(browser.all(BEST_ROWS)).isNotEmpty();
        assertThat(browser.byId("explain-sodium").getText()).isEmpty();
    }

    @Test
    void relaxing_an_exclusion_takes_the_entry_the_422_names_out_of_its_list() {
        openPlanningOnlyWhenAsked();
        browser.type("t-caffeine-min", "40 mg");
        browser.type("pick-exclude-tags", "caffeine\n");
        browser.type("pick-exclude-tags", "dairy\n");
        // No alternatives: with them the exact engine answers UNKNOWN here instead of proving INFEASIBLE (a known fault).
        browser.type("alternatives", "0");

        assertThat(browser.planAndAwait(() -> browser.byId("plan-button").click())).isEqualTo("INFEASIBLE");
        var button = browser.find(By.cssSelector("#outcome .conflict button.relax[data-relax-field='exclude.tags']"));
        assertThat(button.getText()).isEqualTo("allow products tagged caffeine");

        assertThat(browser.planAndAwait(button::click)).isIn("OPTIMAL", "FEASIBLE");
        assertThat(browser.all(By.cssSelector("#pickers [data-field='exclude.tags'] .chip")))
                .extracting(chip -> chip.getAttribute("data-value")).containsExactly("dairy");
    }

    @Test
    void a_bad_unit_is_reported_at_its_field_in_the_services_words() {
        browser.open(service.uri("/"));
        browser.byId("auto-replan").click();
        browser.type("t-fluid-min", "3 kg");
        browser.byId("plan-button").click();

        var error = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("t-fluid-min-error")));
        var answer = json(service.postJson(PlanRoutes.PLANS, "{\"targets\": {\"fluid\": {\"min\": \"3 kg\"}}}"));
        assertThat(error.getText()).isEqualTo(detail(answer, "targets.fluid.min").path("message").asText()).contains("is a mass");
        assertThat(browser.byId("t-fluid-min").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("t-fluid-min");
        browser.screenshot("bad-unit");

        browser.type("t-fluid-min", "3 L");
        browser.byId("plan-button").click();
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("t-fluid-min-error")));
        assertThat(browser.byId("t-fluid-min").getAttribute("aria-invalid")).isNull();
    }

    @Test
    void a_shared_link_gives_the_same_plan_and_says_when_its_catalog_has_changed_since() {
        createCatalog("linked");
        browser.open(service.uri("/"));
        browser.select("preset", "us-units-fl-oz-mmol");
        browser.select("catalog", "linked");
        browser.type("alternatives", "0");
        browser.planAndAwait(() -> browser.byId("plan-button").click());
        var planned = shownItems("best");
        var link = browser.byId("share-link").getAttribute("value");
        assertThat(link).contains("catalog=linked@1", "fluid.min=24+fl+oz", "sodium.min=30+mmol", "preset=us-units-fl-oz-mmol");

        openAndAwait(URI.create(link));

        assertThat(shownItems("best")).isEqualTo(planned);
        assertThat(browser.byId("t-fluid-min").getAttribute("value")).isEqualTo("24 fl oz");
        assertThat(browser.byId("link-notice").isDisplayed()).isFalse();

        var put = service.send(service.request("/api/v1/catalogs/linked/products/my-gel").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"id": "my-gel", "name": "My gel", "kind": "gel", "serving": "40 g", "nutrients": {"carbohydrate": "25 g"}}""")).build());
        assertThat(put.statusCode()).isEqualTo(200);
        openAndAwait(URI.create(link));

        assertThat(browser.byId("link-notice").getText()).contains("version 1", "version 2", "linked");
        assertThat(shownItems("best")).as("the link plans on the version it records").isEqualTo(planned);
        assertThat(browser.byId("planned-on").getText()).startsWith("Planned on linked v1 (it is at v2 now");
        browser.screenshot("shared-link-catalog-changed");
    }

    @Test
    void a_product_edited_in_an_experiment_catalog_is_used_by_the_next_plan() {
        browser.open(service.uri("/"));
        browser.signIn(EDITOR, PASSWORD);
        browser.planAndAwait(() -> browser.select("preset", "run-60-min"));
        assertThat(shownItems("best")).doesNotContain("water-tap-500ml x 1");

        browser.find(By.id("nav-catalog")).click();
        browser.type("new-catalog-name", "trial");
        browser.select("new-catalog-from", "default");
        browser.byId("create-catalog").click();
        browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("plan-against"))).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#outcome .meta"), "from catalog trial"));

        browser.find(By.id("nav-catalog")).click();
        browser.type("browse-q", "water");
        // The unfiltered list shows the row too: click it once the filtered list has replaced that one.
        browser.waitFor(driver -> browser.all(By.cssSelector("#product-list tbody tr")).stream()
                .allMatch(row -> row.getText().toLowerCase(java.util.Locale.ROOT).contains("water")));
        browser.waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("#product-list tr[data-product=water-tap-500ml] button"))).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-panel"), "Source:"));
        browser.find(By.xpath("//section[@id='product-panel']//button[text()='Edit']")).click();
        assertThat(browser.byId("p-use-during").isSelected()).as("water is taken during a session").isTrue();
        browser.type("p-serving", "750 mL");
        browser.type("p-n-fluid", "3 kg");
        browser.type("p-message", "The bottle we hand out holds 750 mL");
        browser.find(By.cssSelector("#product-form button[type=submit]")).click();
        var error = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("p-n-fluid-error")));
        assertThat(error.getText()).contains("is a mass");
        browser.screenshot("product-invalid");

        browser.type("p-n-fluid", "750 mL");
        browser.find(By.cssSelector("#product-form button[type=submit]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-panel"), "Saved"));
        assertThat(browser.byId("product-panel").getText()).contains("750 mL");

        browser.find(By.id("nav-plan")).click();
        browser.waitFor(driver -> shownItems("best").equals(List.of("water-tap-500ml x 1")));
        var fluid = browser.find(By.cssSelector("#plans [data-plan=best] tfoot .totals td[data-nutrient=fluid]"));
        assertThat(fluid.getText()).isEqualTo("750");
        assertThat(browser.byId("previous").isDisplayed()).isTrue();
        browser.screenshot("plan-after-edit");
    }

    @Test
    void a_powder_in_the_plan_shows_its_directions_and_its_water_in_the_fluid_total() {
        var link = service.uri("/?carbohydrate.min=40%20g&include.products=gatorade-endurance-formula-powder&alternatives=0");

        assertThat(openAndAwait(link)).isEqualTo("OPTIMAL");

        var row = browser.find(By.cssSelector("#plans [data-plan=best] tr[data-product=gatorade-endurance-formula-powder]"));
        assertThat(row.findElement(By.cssSelector(".preparation")).getText()).isEqualTo("1 scoop in 355 mL water");
        assertThat(row.findElement(By.cssSelector("td.servings")).getText()).isEqualTo("2");
        var expected = json(service.postJson(PlanRoutes.PLANS, """
                {"targets": {"carbohydrate": {"min": "40 g"}, "fluid": {"min": "0 mL"}},
                 "include": {"products": ["gatorade-endurance-formula-powder"]}}"""));
        assertThat(expected.path("totals").path("fluid").path("amount").asDouble()).isEqualTo(710.0);
        assertThat(expected.path("items").get(0).at("/water/amount").asDouble()).isEqualTo(710.0);
        browser.screenshot("plan-prepared");
    }

    @Test
    void the_catalog_view_lists_each_dominated_product_with_the_one_that_makes_it_useless() {
        // Every default product has a maxServings, so none dominates another; an uncapped gel and a weaker copy do.
        createCatalog("dominance");
        putProduct("dominance", "strong-gel", """
                {"id": "strong-gel", "name": "Strong gel", "brand": "Test", "kind": "gel", "serving": "40 g",
                 "nutrients": {"energy": "100 kcal", "carbohydrate": "25 g", "sodium": "50 mg", "fluid": "10 mL"},
                 "carbohydrateType": "single", "source": "test: an uncapped gel"}""");
        putProduct("dominance", "weaker-gel", """
                {"id": "weaker-gel", "name": "Weaker gel", "brand": "Test", "kind": "gel", "serving": "40 g",
                 "nutrients": {"energy": "80 kcal", "carbohydrate": "20 g", "sodium": "10 mg", "fluid": "10 mL"},
                 "carbohydrateType": "single", "source": "test: a weaker copy of the strong gel"}""");
        var expected = json(service.get("/api/v1/catalogs/dominance/dominated")).path("dominated");
        assertThat(expected).extracting(each -> each.path("product").asText() + "<" + each.path("by").asText())
                .contains("weaker-gel<strong-gel");

        browser.open(service.uri("/#catalog"));
        browser.find(By.id("nav-catalog")).click();
        browser.select("browse-catalog", "dominance");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dominated-list li[data-product=weaker-gel]")));

        var shown = browser.all(By.cssSelector("#dominated-list li"));
        assertThat(shown).extracting(li -> li.getAttribute("data-product") + "<" + li.getAttribute("data-by"))
                .containsExactlyElementsOf(StreamSupport.stream(expected.spliterator(), false)
                        .map(each -> each.path("product").asText() + "<" + each.path("by").asText()).toList());
        browser.find(By.cssSelector("#dominated-list li[data-product=weaker-gel] button")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-panel"), "Weaker gel"));
        browser.screenshot("catalog-dominated");
    }

    @Test
    void a_product_is_added_then_deleted_and_a_stale_edit_is_refused_not_lost() {
        createCatalog("lab");
        browser.open(service.uri("/#catalog"));
        browser.signIn(EDITOR, PASSWORD);
        browser.select("browse-catalog", "lab");
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog-status"), "of catalog lab (version 1)"));

        browser.byId("add-product").click();
        browser.type("p-id", "my-gel");
        browser.type("p-name", "My gel");
        browser.select("p-kind", "gel");
        browser.type("p-serving", "40 g");
        browser.type("p-n-carbohydrate", "25");
        browser.type("p-n-sodium", "?");
        browser.type("p-tags", "caffeine-free, vegan");
        browser.find(By.cssSelector("#product-form button[type=submit]")).click();
        var noMessage = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("p-message-error")));
        assertThat(noMessage.getText()).as("every save says why").contains("say what changed, and why");
        assertThat(service.get("/api/v1/catalogs/lab/products/my-gel").statusCode()).isEqualTo(404);
        browser.type("p-message", "Our own gel, for the lab trials");
        browser.find(By.cssSelector("#product-form button[type=submit]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-panel"), "Added “My gel”"));

        var stored = json(service.get("/api/v1/catalogs/lab/products/my-gel"));
        assertThat(stored.at("/nutrients/carbohydrate/amount").asDouble()).isEqualTo(25.0);
        assertThat(stored.at("/nutrients/carbohydrate/unit").asText()).isEqualTo("g");
        assertThat(stored.path("nutrients").has("sodium")).isTrue();
        assertThat(stored.path("nutrients").path("sodium").isNull()).isTrue();
        assertThat(browser.byId("product-panel").getText()).contains("not known", "caffeine-free, vegan");

        // Someone else changes the catalog: an edit based on the old version is refused, and says so.
        browser.find(By.xpath("//section[@id='product-panel']//button[text()='Edit']")).click();
        assertThat(service.send(service.request("/api/v1/catalogs/lab/products/banana-medium").DELETE().build()).statusCode()).isEqualTo(200);
        browser.type("p-name", "My gel, renamed");
        browser.type("p-message", "Renamed for the trial sheet");
        browser.find(By.cssSelector("#product-form button[type=submit]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-form-status"), "changed since you opened it"));
        assertThat(json(service.get("/api/v1/catalogs/lab/products/my-gel")).path("name").asText()).isEqualTo("My gel");
        browser.find(By.cssSelector("#product-form button[type=submit]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-panel"), "Saved “My gel, renamed”"));

        browser.find(By.xpath("//section[@id='product-panel']//button[text()='Delete…']")).click();
        browser.type("delete-message", "The lab trials are over");
        browser.find(By.xpath("//section[@id='product-panel']//button[text()='Delete my-gel']")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog-status"), "Deleted “My gel, renamed”"));
        assertThat(service.get("/api/v1/catalogs/lab/products/my-gel").statusCode()).isEqualTo(404);
        assertThat(browser.all(By.cssSelector("#product-list tr[data-product=my-gel]"))).isEmpty();
    }

    @Test
    void at_phone_width_nothing_overflows_and_every_control_is_labelled() {
        browser.open(service.uri("/"));
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.planAndAwait(() -> browser.select("preset", "ride-3h-heat"));

        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        assertThat(browser.script("""
                return [...document.querySelectorAll('input, select, textarea, button')]
                  .filter(control => !(control.labels?.length || control.getAttribute('aria-label') || control.textContent.trim()))
                  .map(control => control.outerHTML)""")).isEqualTo(List.of());
        browser.screenshot("phone-form");
        browser.find(By.cssSelector("a.to-result")).click();
        browser.screenshot("phone-plan");
    }

    @Test
    void a_busy_service_is_shown_as_busy_retrying_until_a_solver_is_free() throws Exception {
        var planner = new BlockingPlanner(1);
        try (var busy = TestService.start(TestService.settings().withSolverPool(1, 0, 1000), new PlanService(planner))) {
            var slow = busy.postJsonAsync(PlanRoutes.PLANS, preset("run-60-min").toString());
            planner.awaitStarted();
            browser.open(busy.uri("/"));

            browser.select("preset", "run-60-min");
            var notice = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("busy")));
            assertThat(notice.getText()).startsWith("The service is busy, retrying in 1 s");
            assertThat(browser.byId("progress").isDisplayed()).isTrue();
            browser.screenshot("busy");
            planner.release();

            browser.waitFor(driver -> browser.answers() > 0);
            assertThat(browser.byId("status").getAttribute("data-status")).isEqualTo("OPTIMAL");
            assertThat(browser.byId("busy").isDisplayed()).isFalse();
            assertThat(slow.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_three_hour_session_gets_a_timeline_with_every_serving_placed_and_no_hour_over_its_limits() throws IOException {
        openPlanningOnlyWhenAsked();
        browser.type("t-carbohydrate-min", "135 g");
        browser.type("t-carbohydrate-max", "180 g");
        browser.type("t-fluid-min", "1.5 L");
        browser.type("t-fluid-max", "2.4 L");
        browser.type("t-sodium-min", "1200 mg");
        browser.select("solver", "choco");
        browser.byId("schedule-on").click();
        browser.type("durationMin", "180");
        browser.select("intervalMin", "15");
        assertThat(browser.planAndAwait(() -> browser.byId("plan-button").click())).isIn("OPTIMAL", "FEASIBLE");

        var api = json(service.postJson(PlanRoutes.PLANS, """
                {"targets": {"carbohydrate": {"min": "135 g", "max": "180 g"}, "fluid": {"min": "1.5 L", "max": "2.4 L"},
                 "sodium": {"min": "1200 mg"}}, "solver": "choco", "durationMin": 180, "schedule": {"intervalMin": 15}}"""));
        var rows = browser.all(By.cssSelector("#timeline table.slots tbody tr"));
        assertThat(rows).hasSize(12);
        TimelineChecks.assertTimelineWithin(browser, api.path("items"), 60, 1000);
        assertThat(browser.byId("schedule-capped").getText()).contains("carbohydrate max 180 g lowered to 153 g");
        assertThat(browser.all(By.cssSelector("#timeline table.hours tbody tr"))).hasSize(3);
        assertThat(browser.all(By.cssSelector("#timeline figure.curve")))
                .extracting(figure -> figure.getAttribute("data-nutrient")).containsExactly("carbohydrate", "fluid", "sodium");
        assertThat(browser.script("return [...document.querySelectorAll('#timeline canvas')]"
                + ".every(canvas => Chart.getChart(canvas) && canvas.width > 0)")).isEqualTo(true);
        int intakes = browser.all(By.cssSelector("#timeline table.slots li")).size();
        assertThat(browser.all(By.cssSelector("#race-card tbody tr"))).hasSize(intakes);
        assertThat(browser.byId("share-link").getAttribute("value")).contains("durationMin=180", "intervalMin=15");
        browser.script("document.getElementById('timeline').scrollIntoView()");
        browser.screenshot("schedule");
        browser.script("document.querySelector('#timeline .charts.curves').scrollIntoView()");
        browser.screenshot("schedule-curves");

        // Printed, the page is the race card alone.
        var chrome = (org.openqa.selenium.chromium.HasCdp) browser.driver();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertThat(browser.byId("race-card").isDisplayed()).isTrue();
            assertThat(browser.byId("plan-form").isDisplayed()).isFalse();
            assertThat(browser.find(By.cssSelector("#timeline table.slots")).isDisplayed()).isFalse();
            // Nothing else takes room: the printed page is as tall as the card.
            assertThat(browser.script("return document.body.getBoundingClientRect().height"
                    + " - document.getElementById('race-card').getBoundingClientRect().height")).satisfies(rest ->
                    assertThat(((Number) rest).doubleValue()).isLessThan(100));
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("race-card-print");
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }

        var csv = Browser.DOWNLOADS.resolve("nutriplan-plan.csv");
        Files.deleteIfExists(csv); // another test's download would make this one "nutriplan-plan (1).csv"
        browser.byId("download-csv").click();
        browser.waitFor(driver -> Files.exists(csv) && readQuietly(csv).contains("atMin,product"));
        assertThat(Files.readString(csv)).contains("atMin,product,servings,amount,unit,slot carbohydrate (g)");
    }

    @Test
    void a_session_too_short_for_its_targets_says_which_hourly_limit_and_by_how_much() {
        openPlanningOnlyWhenAsked();
        browser.type("t-carbohydrate-min", "90 g");
        browser.byId("schedule-on").click();
        browser.type("durationMin", "45");
        assertThat(browser.planAndAwait(() -> browser.byId("plan-button").click())).isEqualTo("UNSCHEDULABLE");
        assertThat(browser.byId("unschedulable").getText()).contains("carbohydrate per hour", "by 45 g");
        assertThat(browser.byId("timeline").isDisplayed()).isFalse();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A downloaded file's text so far; empty while the browser has not written it. */
    private static String readQuietly(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** The form with re-planning on every change turned off: it plans once, when asked. */
    private static void openPlanningOnlyWhenAsked() {
        browser.open(service.uri("/"));
        browser.byId("auto-replan").click();
    }

    /**
     * Does something that plans, waits for the page to show the answer and returns its status (OPTIMAL, INFEASIBLE,
     * "HTTP 400", ...). The page counts the answers it has shown in body[data-answers].
     */
    /** Opens a link that plans as the page loads, and waits for its answer. */
    private static String openAndAwait(URI link) {
        browser.open(link);
        browser.waitFor(driver -> browser.answers() > 0);
        return browser.byId("status").getAttribute("data-status");
    }

    /** The items of a plan shown, as "product x servings". */
    private static List<String> shownItems(String plan) {
        var rows = browser.all(By.cssSelector("#plans [data-plan=" + plan + "] table.items tbody tr"));
        var items = new ArrayList<String>();
        for (var row : rows) {
            items.add(row.getAttribute("data-product") + " x " + row.findElement(By.cssSelector("td.servings")).getText());
        }
        return items;
    }

    private static List<String> items(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.path("product").asText() + " x " + item.path("servings").asInt()).toList();
    }

    private static JsonNode preset(String name) {
        for (var preset : json(service.get(PresetRoutes.PRESETS)).path("presets")) {
            if (preset.path("name").asText().equals(name)) {
                return preset.path("request");
            }
        }
        throw new AssertionError("no preset " + name);
    }

    private static JsonNode detail(JsonNode error, String field) {
        for (var detail : error.path("details")) {
            if (detail.path("field").asText().equals(field)) {
                return detail;
            }
        }
        throw new AssertionError("no detail for " + field + " in " + error);
    }

    private static List<JsonNode> conflict(JsonNode error) {
        for (var detail : error.path("details")) {
            if (detail.has("conflict")) {
                return StreamSupport.stream(detail.path("conflict").spliterator(), false).toList();
            }
        }
        throw new AssertionError("no conflict in " + error);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void putProduct(String catalog, String id, String product) {
        var put = service.send(service.request("/api/v1/catalogs/" + catalog + "/products/" + id)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(product)).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private static void createCatalog(String name) {
        var created = service.postJson("/api/v1/catalogs", "{\"name\": \"" + name + "\", \"from\": \"default\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}

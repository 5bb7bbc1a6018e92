package nutriplan.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import nutriplan.api.service.TestService;

/**
 * The web form's layout at the widths dietitians use, from a phone to a wide screen: with a workout's rationale, its
 * schedule and the products it left out (each line opened), a preset's plan beside its alternatives, a 422's
 * explanation and the catalog open (a product, its history, and the catalog's history with a diff), no element reaches out of its column, long words wrap, and a table too wide for
 * its column scrolls inside its own labelled container ({@link LayoutChecks}). Screenshots of each width go to
 * target/screenshots/layout-*.
 */
class LayoutBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.start();
    @RegisterExtension
    static final Browser browser = new Browser();

    /** A 4-hour ride in the heat, as a dietitian types it into the workout panel. */
    private static final List<List<String>> RIDE = List.of(List.of("w-durationMin", "240"), List.of("w-bodyMass", "75 kg"),
            List.of("w-sweatRate", "1.5 L/h"), List.of("w-temperature", "32 °C"), List.of("w-carbTolerance", "90 g/h"));

    /** One change to the catalog, with a long message, so that its history has a version, a diff and a revision to show. */
    @BeforeAll
    static void the_catalog_has_a_change_in_its_history() {
        var product = (ObjectNode) TestService.json(service.get("/api/v1/catalogs/default/products/maurten-drink-mix-320"));
        ((ObjectNode) product.get("nutrients")).put("sodium", "410 mg");
        var put = service.send(service.request("/api/v1/catalogs/default/products/maurten-drink-mix-320")
                .header("Content-Type", "application/json")
                .header("X-Change-Message", "The 2026 label lists 410 mg of sodium per serving (it was lower before); checked"
                        + " against the maker's sheet at https://www.maurten.com/products/drink-mix-320-caf-100-box-us")
                .PUT(HttpRequest.BodyPublishers.ofString(product.toString())).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    @AfterEach
    void the_page_logged_no_error() {
        assertThat(browser.consoleErrors()).as("script errors and Content-Security-Policy violations").isEmpty();
    }

    @ParameterizedTest(name = "{0} x {1} px")
    @CsvSource({"1400, 1000", "1280, 800", "1920, 1080", "390, 844"})
    void nothing_overflows_its_column_with_a_workout_a_preset_a_422_and_the_catalog(int width, int height) {
        browser.open(service.uri("/"));
        resize(width, height);
        browser.byId("auto-replan").click();
        var name = "layout-" + width;
        var layout = new SoftAssertions(); // every stage's faults, and every screenshot, before failing

        // A workout with a schedule: its rationale table in the form, the plan and the timeline beside it.
        browser.find(By.cssSelector("#workout-panel summary")).click();
        for (var field : RIDE) {
            browser.type(field.get(0), field.get(1));
        }
        browser.byId("schedule-on").click();
        assertThat(browser.planAndAwait(() -> browser.byId("workout-plan").click())).isIn("OPTIMAL", "FEASIBLE");
        assertThat(browser.all(By.cssSelector("#needs-targets tbody tr"))).isNotEmpty();
        assertThat(browser.all(By.cssSelector("#timeline table.slots tbody tr"))).hasSize(16);
        assertThat(browser.all(By.cssSelector("#left-out-unknown li"))).isNotEmpty();
        browser.all(By.cssSelector("#left-out-phase button[aria-expanded]")).forEach(toggle -> toggle.click());
        assertLayoutHolds(layout, "a workout with a schedule at " + width + " px");
        screenshotAt(name + "-workout-rationale", "#needs-targets");
        screenshotAt(name + "-workout-plan", "#result");
        screenshotAt(name + "-workout-left-out", "#left-out");
        screenshotAt(name + "-workout-timeline", "#timeline");

        // A preset with alternatives, the workout's plan kept as the one before.
        browser.select("preset", "ride-3h-heat");
        assertThat(browser.planAndAwait(() -> browser.byId("plan-button").click())).isIn("OPTIMAL", "FEASIBLE");
        assertThat(browser.all(By.cssSelector("#plans article.plan-card"))).hasSizeGreaterThan(1);
        assertLayoutHolds(layout, "a preset with alternatives at " + width + " px");
        screenshotAt(name + "-preset", "#result");
        screenshotAt(name + "-preset-alternative", "#plans article.plan-card:nth-of-type(2)");

        // No plan: the 422's conflict in the outcome, each nutrient's reach at its target.
        browser.type("maxServings", "2");
        browser.type("timeLimitMs", "10000");
        assertThat(browser.planAndAwait(() -> browser.byId("plan-button").click())).isEqualTo("INFEASIBLE");
        assertLayoutHolds(layout, "a 422 explained at " + width + " px");
        screenshotAt(name + "-infeasible-targets", "#targets");
        screenshotAt(name + "-infeasible-outcome", "#result");

        // The catalog, with the product of the longest source open.
        browser.byId("nav-catalog").click();
        browser.waitFor(driver -> !driver.findElements(By.cssSelector("#product-list tr[data-product=maurten-drink-mix-320]")).isEmpty());
        browser.find(By.cssSelector("#product-list tr[data-product=maurten-drink-mix-320] button")).click();
        browser.waitFor(driver -> driver.findElement(By.id("product-panel")).isDisplayed());
        assertLayoutHolds(layout, "the catalog at " + width + " px");
        screenshotAt(name + "-catalog", "#catalog-view");
        screenshotAt(name + "-catalog-product", "#product-panel");

        // The product's revisions, and the catalog's history with the diff of its last change open.
        browser.byId("product-history-link").click();
        browser.waitFor(driver -> !driver.findElements(By.cssSelector("#product-history li[data-version]")).isEmpty());
        browser.find(By.cssSelector("#version-list li[data-version='1'] button[data-compare]")).click();
        browser.waitFor(driver -> !driver.findElements(By.cssSelector("#diff-list li[data-product]")).isEmpty());
        assertLayoutHolds(layout, "the catalog's history at " + width + " px");
        screenshotAt(name + "-catalog-product-history", "#product-panel");
        screenshotAt(name + "-catalog-history", "#history");
        layout.assertAll();
    }

    /** Sets the size of the page's window (the viewport, not the browser's frame around it). */
    private static void resize(int width, int height) {
        var window = browser.driver().manage().window();
        window.setSize(new Dimension(width, height));
        var inner = (List<?>) browser.script("return [window.innerWidth, window.innerHeight]");
        int dx = width - ((Number) inner.get(0)).intValue();
        int dy = height - ((Number) inner.get(1)).intValue();
        if (dx != 0 || dy != 0) {
            window.setSize(new Dimension(width + dx, height + dy));
        }
        assertThat(browser.script("return window.innerWidth")).as("the window's inner width").isEqualTo((long) width);
    }

    /** Checks the page as it is, once charts and fonts have settled after the last change. */
    private static void assertLayoutHolds(SoftAssertions layout, String what) {
        browser.script("return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
        layout.assertThat(LayoutChecks.overflows(browser)).as("elements out of their container's box: " + what).isEmpty();
    }

    /** A screenshot with the element at the top of the window, or of the plan column, which scrolls by itself. */
    private static void screenshotAt(String name, String selector) {
        browser.script("""
                const element = document.querySelector(arguments[0]);
                element.scrollTop = 0;
                element.scrollIntoView({block: 'start'});""", selector);
        browser.screenshot(name);
    }
}

package nutriplan.api.web;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.plans.PlanRoutes;
import nutriplan.api.service.TestService;

/**
 * What the planner says about a plan, shown in a real browser against the real service: the products it left out
 * (a value not known under a max, each with its bring-back; not for the plan's phase, one line per phase), the
 * plan's carbohydrate per litre against its limit, the fluid target's steps from the sweat loss to the plan; and
 * the controls that ask for a phase, for kinds and for a concentration limit, their faults at the field.
 */
class PlannerAnswerBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.start();
    @RegisterExtension
    static final Browser browser = new Browser();

    /** A 4-hour ride in the heat, as a dietitian types it into the workout panel. */
    private static final List<List<String>> RIDE = List.of(List.of("w-durationMin", "240"), List.of("w-bodyMass", "75 kg"),
            List.of("w-sweatRate", "1.5 L/h"), List.of("w-temperature", "32 °C"), List.of("w-carbTolerance", "90 g/h"));
    private static final String RIDE_JSON = """
            {"durationMin": 240, "bodyMass": "75 kg", "sweatRate": "1.5 L/h", "temperature": "32 °C", "carbTolerance": "90 g/h"}""";
    private static final Set<String> SPORTS_KINDS = Set.of("drink", "powder", "gel", "chew");

    @AfterEach
    void the_page_logged_no_error() {
        assertThat(browser.consoleErrors()).as("script errors and Content-Security-Policy violations").isEmpty();
    }

    @Test
    void a_four_hour_ride_shows_what_was_left_out_the_fluid_steps_and_the_concentration_and_brings_a_product_back() {
        openWithRide();

        assertThat(browser.planAndAwait(() -> browser.byId("workout-plan").click())).isIn("OPTIMAL", "FEASIBLE");

        var api = json(service.postJson(PlanRoutes.PLANS, "{\"workout\": " + RIDE_JSON + "}"));
        // Left out for a value not known: every one, by name, with the values and a bring-back button.
        var unknown = StreamSupport.stream(api.path("leftOut").spliterator(), false)
                .filter(entry -> entry.path("cause").asText().equals("unknown")).toList();
        assertThat(unknown).extracting(entry -> entry.path("product").asText()).contains("maurten-drink-mix-160");
        assertThat(browser.all(By.cssSelector("#left-out-unknown li"))).extracting(row -> row.getAttribute("data-product"))
                .containsExactlyElementsOf(unknown.stream().map(entry -> entry.path("product").asText()).toList());
        var maurten = browser.find(By.cssSelector("#left-out-unknown li[data-product=maurten-drink-mix-160]"));
        assertThat(maurten.getText()).contains("Maurten DRINK MIX 160").contains("Not known: sodium, potassium")
                .contains("cannot be shown to stay under the max");
        assertThat(maurten.findElement(By.cssSelector("button.bring-back")).getText()).startsWith("Bring back");
        // Left out for the phase: one line per phase they are for, which opens to the list.
        var before = browser.find(By.cssSelector("#left-out-phase li[data-phase-group=before]"));
        assertThat(before.getText()).startsWith("Not for during: ").contains("White rice").contains("they are for before");
        var forBefore = StreamSupport.stream(api.path("leftOut").spliterator(), false)
                .filter(entry -> entry.path("cause").asText().equals("phase") && entry.at("/use/0").asText().equals("before"))
                .map(entry -> entry.path("product").asText()).toList();
        assertThat(before.findElements(By.cssSelector(".left-out-list li"))).allMatch(item -> !item.isDisplayed());
        before.findElement(By.cssSelector("button[aria-expanded]")).click();
        assertThat(before.findElements(By.cssSelector(".left-out-list li"))).allMatch(WebElement::isDisplayed)
                .extracting(item -> item.getAttribute("data-product")).containsExactlyElementsOf(forBefore);
        // A workout plans during or after it only: each product comes back by requiring it.
        assertThat(before.findElements(By.cssSelector(".left-out-list li button.bring-back")))
                .extracting(WebElement::getText).allMatch(text -> text.startsWith("Require"));
        assertThat(before.getText()).contains("require one to take it anyway");
        // The fluid target's story, in order, each step with its range and rule.
        var steps = browser.all(By.cssSelector("#needs-targets ol[data-steps-for=fluid] li"));
        var apiSteps = StreamSupport.stream(api.path("needs").path("rationale").spliterator(), false)
                .filter(entry -> entry.path("target").asText().equals("fluid")).findFirst().orElseThrow().path("steps");
        assertThat(steps).hasSize(apiSteps.size()).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).getText()).as("step %d", i + 1).contains(apiSteps.get(i).path("step").asText())
                    .contains(apiSteps.get(i).path("rule").asText());
        }
        assertThat(steps.get(0).getText()).startsWith("6,000 mL — sweat loss");
        assertThat(steps.get(steps.size() - 1).getText()).startsWith("3,800–4,000 mL — plannable");
        // The concentration rule with its reasons, its limit in the safety block, and each plan's g/L against it.
        assertThat(browser.find(By.cssSelector("#needs-targets tr[data-target=concentration]")).getText())
                .contains("at most 80 g/L").contains("R-CONCENTRATION").contains("DGE20 [A]");
        assertThat(browser.find(By.cssSelector("#safety [data-safety=carbohydratePerLitre]")).getText()).isEqualTo("80 g/L");
        var cards = browser.all(By.cssSelector("#plans article.plan-card"));
        assertThat(cards).hasSizeGreaterThan(1);
        for (var card : cards) {
            var line = card.findElement(By.cssSelector(".concentration"));
            assertThat(line.getText()).matches("Carbohydrate per litre of fluid: [\\d.]+ g/L \\(limit 80 g/L\\)");
            assertThat(Double.parseDouble(line.getText().replaceAll(".*: ([\\d.]+) g/L.*", "$1"))).isLessThanOrEqualTo(80);
            assertThat(line.getAttribute("data-over")).isNull();
        }
        scrollTo("#left-out");
        browser.screenshot("left-out");

        // One click brings Maurten's drink mix back: values not known are used, and it is no longer left out.
        browser.planAndAwait(() -> browser.find(By.cssSelector("#left-out-unknown li[data-product=maurten-drink-mix-160] button.bring-back")).click());

        assertThat(browser.byId("unknownUnderMax").getAttribute("value")).isEqualTo("allow");
        assertThat(browser.driver().getCurrentUrl()).contains("unknownUnderMax=allow");
        assertThat(browser.byId("status").getAttribute("data-status")).isIn("OPTIMAL", "FEASIBLE");
        assertThat(browser.all(By.cssSelector("#left-out [data-product=maurten-drink-mix-160]"))).isEmpty();
        assertThat(browser.all(By.cssSelector("#left-out-unknown li"))).isEmpty();

        // A product for before comes back into the workout's plan by requiring it.
        browser.find(By.cssSelector("#left-out-phase li[data-phase-group=before] button[aria-expanded]")).click();
        browser.planAndAwait(() -> browser.find(By.cssSelector(
                "#left-out-phase li[data-product=bagel-plain-medium] button.bring-back")).click());

        assertThat(browser.driver().getCurrentUrl()).contains("require=bagel-plain-medium");
        assertThat(browser.all(By.cssSelector("#left-out [data-product=bagel-plain-medium]"))).isEmpty();
        assertThat(browser.byId("status").getAttribute("data-status")).isIn("OPTIMAL", "FEASIBLE");
    }

    @Test
    void after_with_the_next_session_set_plans_the_recovery() {
        openWithRide();
        browser.select("phase", "after");

        // Without the next session, the fault is at its field.
        browser.planAndAwait(() -> browser.byId("workout-plan").click());
        assertThat(browser.byId("w-recovery-error").getText()).contains("is required for a plan after the session");

        browser.type("w-recovery", "12");
        assertThat(browser.planAndAwait(() -> browser.byId("workout-plan").click())).isIn("OPTIMAL", "FEASIBLE");

        var api = json(service.postJson(PlanRoutes.PLANS, "{\"workout\": " + RIDE_JSON.replace("}", ", \"recovery\": 12}")
                + ", \"phase\": \"after\"}"));
        assertThat(browser.all(By.cssSelector("#plans [data-plan=best] tfoot .totals td[data-nutrient]")))
                .extracting(cell -> cell.getAttribute("data-nutrient")).containsExactlyElementsOf(() -> api.path("totals").fieldNames());
        assertThat(browser.all(By.cssSelector("#plans [data-plan=best] tfoot .totals td[data-nutrient=protein]"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("#needs-targets tr[data-target=recovery]")).getText())
                .contains("protein").contains("R-RECOVERY");
        assertThat(browser.find(By.cssSelector("#left-out-phase li[data-phase-group=during]")).getText()).startsWith("Not for after: ");
        assertThat(browser.driver().getCurrentUrl()).contains("phase=after").contains("workout.recovery=12");
    }

    @Test
    void sports_products_only_keeps_the_plan_to_drinks_powders_gels_and_chews_and_the_link_keeps_the_choice() {
        openWithRide();
        browser.byId("sports-only").click();
        browser.type("concentrationMax", "75");

        assertThat(browser.planAndAwait(() -> browser.byId("workout-plan").click())).isIn("OPTIMAL", "FEASIBLE");

        var kinds = productKinds();
        var shown = browser.all(By.cssSelector("#plans table.items tbody tr")).stream().map(row -> row.getAttribute("data-product")).toList();
        assertThat(shown).isNotEmpty().allMatch(product -> SPORTS_KINDS.contains(kinds.get(product)), "a sports product");
        assertThat(browser.find(By.cssSelector("#plans [data-plan=best] .concentration")).getText()).endsWith("(limit 75 g/L)");
        var link = browser.driver().getCurrentUrl();
        assertThat(link).contains("include.kinds=drink", "include.kinds=powder", "include.kinds=gel", "include.kinds=chew",
                "concentration=75+g%2FL");

        browser.open(java.net.URI.create(link));
        browser.waitFor(driver -> browser.answers() > 0);
        assertThat(browser.all(By.cssSelector("#pick-include-kinds input:checked"))).extracting(box -> box.getAttribute("value"))
                .containsExactly("drink", "powder", "gel", "chew");
        assertThat(browser.byId("concentrationMax").getAttribute("value")).isEqualTo("75 g/L");
    }

    @Test
    void excluding_the_drinks_explains_the_422_beside_what_was_left_out_and_one_click_allows_them_again() {
        openWithRide();
        browser.byId("pick-exclude-kinds-drink").click();
        browser.byId("pick-exclude-kinds-powder").click();

        assertThat(browser.planAndAwait(() -> browser.byId("workout-plan").click())).isEqualTo("INFEASIBLE");
        assertThat(browser.all(By.cssSelector("#left-out-unknown li"))).isNotEmpty();
        assertThat(browser.byId("left-out").isDisplayed()).isTrue();

        browser.planAndAwait(() -> browser.find(By.cssSelector("#outcome button.relax[data-relax-field='exclude.kinds']")).click());

        assertThat(browser.byId("pick-exclude-kinds-drink").isSelected()).isFalse();
        assertThat(browser.byId("status").getAttribute("data-status")).isIn("OPTIMAL", "FEASIBLE");
    }

    @Test
    void a_concentration_without_per_litre_is_shown_at_its_field() {
        openWithRide();
        browser.type("concentrationMax", "80 g");

        assertThat(browser.planAndAwait(() -> browser.byId("workout-plan").click())).isEqualTo("HTTP 400");

        assertThat(browser.byId("concentrationMax-error").getText()).contains("\"80 g\" is not a ratio");
        assertThat(browser.byId("concentrationMax").getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void a_concentration_above_its_limit_is_shown_as_a_warning() {
        // The engines never plan above the limit; an UNKNOWN answer's attempt or a request with allow may be.
        browser.open(service.uri("/"));

        var lines = (String) browser.script("""
                return import('/js/plan-view.js').then((view) => [
                  view.concentrationLine({amount: 92.44, unit: 'g/L', max: {amount: 80.0, unit: 'g/L'}}, 'x'),
                  view.concentrationLine({amount: 74.06, unit: 'g/L', max: {amount: 80.0, unit: 'g/L'}}, 'y'),
                  view.concentrationLine({amount: null, unit: 'g/L', max: null}, 'z'),
                ].map((element) => `${element.className}|${element.textContent}`).join('\\n'));""");

        assertThat(lines.split("\n")).containsExactly(
                "concentration over|Carbohydrate per litre of fluid: 92.4 g/L (limit 80 g/L) ⚠ above the limit",
                "concentration|Carbohydrate per litre of fluid: 74.1 g/L (limit 80 g/L)",
                "concentration|Carbohydrate per litre of fluid: no fluid (no limit)");
    }

    private static void openWithRide() {
        browser.open(service.uri("/"));
        browser.byId("auto-replan").click();
        browser.find(By.cssSelector("#workout-panel summary")).click();
        for (var field : RIDE) {
            browser.type(field.get(0), field.get(1));
        }
    }

    private static HashMap<String, String> productKinds() {
        var kinds = new HashMap<String, String>();
        JsonNode products = json(service.get("/api/v1/catalogs/default/products")).path("products");
        products.forEach(product -> kinds.put(product.path("id").asText(), product.path("kind").asText()));
        return kinds;
    }

    private static void scrollTo(String selector) {
        browser.script("""
                const element = document.querySelector(arguments[0]);
                element.scrollIntoView({block: 'start'});""", selector);
    }
}

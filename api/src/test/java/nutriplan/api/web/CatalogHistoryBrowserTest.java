package nutriplan.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import nutriplan.api.service.TestService;

/**
 * A catalog's history in the web form (issue 29), in a real browser against the real service: an editor edits a
 * product saying why, finds the new version in the catalog's History with their name and message, opens what changed
 * since the version before (the field, before → after), reads the product's own history, restores the earlier version
 * with a message (and is told plainly when a restore would change nothing), and a plan's share link carries the
 * catalog version it was planned on. Screenshots go to target/screenshots.
 */
class CatalogHistoryBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.start();
    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String EDITOR = "ed";
    private static final String PASSWORD = "correct horse battery";
    private static final String GEL = "maurten-gel-100";

    @BeforeAll
    static void an_editor_may_sign_in() {
        service.createUser(EDITOR, "editor", PASSWORD);
    }

    @AfterEach
    void the_page_logged_no_error() {
        assertThat(browser.consoleErrors()).as("script errors and Content-Security-Policy violations").isEmpty();
    }

    @AfterEach
    void signed_out() {
        browser.signOut();
    }

    @Test
    void an_edit_with_its_message_shows_in_the_history_with_its_diff_and_the_version_before_is_restored() {
        createCatalog("hist");
        var sodiumBefore = json(service.get("/api/v1/catalogs/hist/products/" + GEL)).at("/nutrients/sodium");
        browser.open(service.uri("/#catalog"));
        browser.signIn(EDITOR, PASSWORD);
        browser.select("browse-catalog", "hist");
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog-status"), "of catalog hist (version 1)"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#version-list li[data-version='1']")));

        // given: an edit saying why
        openProduct(GEL);
        browser.find(By.xpath("//section[@id='product-panel']//button[text()='Edit']")).click();
        browser.type("p-n-sodium", "45 mg");
        browser.type("p-message", "New label: more sodium (café → 45 mg)");
        browser.find(By.cssSelector("#product-form button[type=submit]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-panel"), "catalog hist is at version 2"));

        // then: the history's newest version names its author, message and product
        var newest = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#version-list li[data-version='2']")));
        assertThat(browser.find(By.cssSelector("#version-list > li")).getAttribute("data-version")).isEqualTo("2");
        assertThat(newest.getText()).contains("v2", "current", "user:" + EDITOR, "New label: more sodium (café → 45 mg)", "changed: " + GEL);

        // when: the changes since version 1 are opened
        browser.find(By.cssSelector("#version-list li[data-version='1'] button[data-compare]")).click();
        var change = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#diff-list li[data-product='" + GEL + "'][data-change=changed]")));
        assertThat(browser.byId("diff-title").getText()).isEqualTo("Changes from v1 to v2 (current)");
        assertThat(change.getText()).contains("sodium " + amountText(sodiumBefore) + " → 45 mg");
        browser.screenshot("catalog-history-diff");

        // and the product's own history lists the revision with the field it changed
        openProduct(GEL);
        browser.byId("product-history-link").click();
        var revision = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#product-history li[data-version='2']")));
        assertThat(revision.getText()).contains("changed", "user:" + EDITOR, "New label: more sodium", "sodium", "→ 45 mg");
        browser.screenshot("catalog-product-history");

        // when: version 1 is restored, the confirmation insists on a message
        browser.find(By.cssSelector("#version-list li[data-version='1'] button[data-compare]")).click();
        click(By.id("restore-version"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("restore-dialog")));
        browser.byId("restore-confirm").click();
        assertThat(browser.byId("restore-error").getText()).contains("Say why");
        browser.type("restore-message", "The new label was a misprint");
        browser.screenshot("catalog-restore-dialog");
        browser.byId("restore-confirm").click();

        // then: a new version with version 1's content
        var restored = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("restored")));
        assertThat(restored.getText()).isEqualTo("Restored version 1: catalog hist is at version 3 now.");
        var third = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#version-list li[data-version='3']")));
        assertThat(third.getText()).contains("current", "user:" + EDITOR, "The new label was a misprint", "changed: " + GEL);
        assertThat(json(service.get("/api/v1/catalogs/hist/products/" + GEL)).at("/nutrients/sodium")).isEqualTo(sodiumBefore);
        assertThat(browser.byId("catalog-status").getText()).contains("(version 3)");
        browser.screenshot("catalog-history-restored");

        // and restoring it again would change nothing: said so, and not offered
        browser.type("compare-from", "1");
        browser.byId("compare-button").click();
        browser.waitFor(ExpectedConditions.textToBe(By.id("diff-title"), "Changes from v1 to v3 (current)"));
        assertThat(browser.byId("diff-panel").getText()).contains("No product differs between these versions: restoring v1 would change nothing.");
        assertThat(browser.all(By.id("restore-version"))).isEmpty();

        // and a restore refused by the service (someone changed the catalog meanwhile) says so and changes nothing
        browser.type("compare-from", "2");
        browser.byId("compare-button").click();
        browser.waitFor(ExpectedConditions.textToBe(By.id("diff-title"), "Changes from v2 to v3 (current)"));
        click(By.id("restore-version"));
        var other = service.send(service.request("/api/v1/catalogs/hist/products/cola-12oz")
                .header("X-Change-Message", "sold out").DELETE().build());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        browser.type("restore-message", "Back to the new label after all");
        browser.byId("restore-confirm").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("restore-error"), "Not restored: "));
        browser.screenshot("catalog-restore-refused");
        browser.byId("restore-cancel").click();
        assertThat(json(service.get("/api/v1/catalogs/hist/versions")).at("/versions/0/message").asText()).isEqualTo("sold out");
    }

    @Test
    void a_share_link_carries_the_catalog_version_and_plans_on_it_after_the_catalog_moved_on() {
        createCatalog("pinned");
        browser.open(service.uri("/"));
        browser.select("preset", "run-60-min");
        browser.select("catalog", "pinned");
        browser.planAndAwait(() -> browser.byId("plan-button").click());
        browser.waitFor(ExpectedConditions.textToBe(By.id("planned-on"), "Planned on pinned v1."));
        var link = browser.byId("share-link").getAttribute("value");
        assertThat(link).contains("catalog=pinned@1");
        var planned = bestItems();
        assertThat(planned).contains("gatorade-zero-12oz");

        // The product the plan picked leaves the catalog: planned on the current version, the plan would differ.
        var removed = service.send(service.request("/api/v1/catalogs/pinned/products/gatorade-zero-12oz")
                .header("X-Change-Message", "no longer sold").DELETE().build());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);

        browser.open(URI.create(link));
        browser.waitFor(driver -> browser.answers() > 0);
        assertThat(browser.byId("planned-on").getText()).isEqualTo("Planned on pinned v1 (it is at v2 now: plan on the current version).");
        assertThat(bestItems()).as("planned on version 1, as shared").isEqualTo(planned);
        assertThat(browser.byId("link-notice").getText()).contains("version 1", "version 2");
        assertThat(browser.byId("share-link").getAttribute("value")).contains("catalog=pinned@1");
        browser.screenshot("plan-pinned-to-catalog-version");

        browser.planAndAwait(() -> browser.byId("plan-current").click());
        assertThat(browser.byId("planned-on").getText()).isEqualTo("Planned on pinned v2.");
        assertThat(browser.byId("share-link").getAttribute("value")).contains("catalog=pinned@2");
        assertThat(bestItems()).doesNotContain("gatorade-zero-12oz");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Clicks an element once it is there, again when the page redrew it in between (a diff shown anew). */
    private static void click(By by) {
        browser.waitFor(driver -> {
            driver.findElement(by).click();
            return true;
        });
    }

    /** The products of the best plan shown. */
    private static java.util.List<String> bestItems() {
        return browser.all(By.cssSelector("#plans [data-plan=best] table.items tbody tr")).stream()
                .map(row -> row.getAttribute("data-product")).toList();
    }

    private static void openProduct(String id) {
        browser.waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("#product-list tr[data-product='" + id + "'] button"))).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-panel"), "Source:"));
    }

    /** "20 mg" from {"amount": 20, "unit": "mg"}, as the catalog writes it. */
    private static String amountText(JsonNode amount) {
        var value = amount.path("amount").asDouble();
        return (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)) + " " + amount.path("unit").asText();
    }

    private static JsonNode json(java.net.http.HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return TestService.json(answer);
    }

    private static void createCatalog(String name) {
        var created = service.postJson("/api/v1/catalogs", "{\"name\": \"" + name + "\", \"from\": \"default\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}

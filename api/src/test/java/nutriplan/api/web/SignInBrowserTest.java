package nutriplan.api.web;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import nutriplan.api.service.TestService;

/**
 * Signing in to the web form in a real browser (issue 28): the first run's setup link sets the admin's password, an
 * editor signs in and edits a product in the catalog tab, a planner signs in and is offered no editing, and the
 * server refuses the planner's change made directly with its own session and CSRF token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBrowserTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String PRODUCT = "maurten-drink-mix-320";
    private static final Pattern LINK = Pattern.compile(".* at (http://127\\.0\\.0\\.1:\\d+/#setup=[A-Za-z0-9_-]{43})");

    private static final List<String> console = new CopyOnWriteArrayList<>();
    @RegisterExtension
    static final TestService service = TestService.start(TestService.settings(), Clock.systemUTC(), console::add);
    @RegisterExtension
    static final Browser browser = new Browser();

    @AfterEach
    void the_page_logged_no_error() {
        assertThat(browser.consoleErrors()).as("script errors and Content-Security-Policy violations").isEmpty();
    }

    @Test
    @Order(1)
    void the_setup_link_sets_the_admins_password_and_an_editor_signs_in_and_edits_a_product() {
        assertThat(console).hasSize(1);
        var link = LINK.matcher(console.get(0));
        assertThat(link.matches()).as(console.get(0)).isTrue();

        browser.open(java.net.URI.create(link.group(1)));

        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("setup-dialog")));
        assertThat(browser.driver().getCurrentUrl()).as("the token leaves the address bar").doesNotContain("setup=");
        assertThat(browser.byId("setup-name").getAttribute("value")).isEqualTo("admin");
        browser.type("setup-password", PASSWORD);
        browser.screenshot("sign-in-setup");
        browser.byId("setup-button").click();
        browser.waitFor(ExpectedConditions.textToBe(By.id("signed-in-as"), "Signed in as admin (admin)"));
        assertThat(browser.byId("setup-dialog").isDisplayed()).isFalse();

        // The admin adds an editor and a planner (over the API; the form has no user admin).
        var admin = signInOverApi("admin");
        createUser(admin, "ed", "editor");
        createUser(admin, "pat", "planner");

        browser.signOut();
        browser.signIn("ed", PASSWORD);
        browser.waitFor(ExpectedConditions.textToBe(By.id("signed-in-as"), "Signed in as ed (editor)"));
        openProductInCatalogTab();
        assertThat(browser.byId("add-product").isDisplayed()).isTrue();
        assertThat(browser.byId("catalog-access").isDisplayed()).isFalse();
        browser.find(By.xpath("//section[@id='product-panel']//button[text()='Edit']")).click();
        browser.type("p-name", "Maurten Drink Mix 320, edited by ed");
        browser.type("p-message", "Name as on the new pack");
        browser.find(By.xpath("//form[@id='product-form']//button[text()='Save']")).click();

        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("product-panel"),
                "Saved “Maurten Drink Mix 320, edited by ed”"));
        browser.screenshot("sign-in-editor-saved");
        var saved = json(service.get("/api/v1/catalogs/default/products/" + PRODUCT));
        assertThat(saved.path("name").asText()).isEqualTo("Maurten Drink Mix 320, edited by ed");
    }

    @Test
    @Order(2)
    void a_planner_is_offered_no_editing_and_the_server_refuses_its_change_made_directly() {
        browser.open(service.uri("/"));
        browser.signOut();
        browser.signIn("pat", PASSWORD);
        browser.waitFor(ExpectedConditions.textToBe(By.id("signed-in-as"), "Signed in as pat (planner)"));

        openProductInCatalogTab();

        assertThat(browser.byId("add-product").isDisplayed()).isFalse();
        assertThat(browser.byId("new-catalog").isDisplayed()).isFalse();
        assertThat(browser.all(By.xpath("//section[@id='product-panel']//button[text()='Edit' or text()='Delete…']"))).isEmpty();
        assertThat(browser.byId("catalog-access").getText())
                .isEqualTo("Read-only for you (pat, planner): editors and admins may change catalog default.");
        browser.screenshot("sign-in-planner-read-only");

        var before = service.get("/api/v1/catalogs/default/export").body();
        // The planner's own session and CSRF token, from the page: the role is what the server refuses.
        var status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const session = await (await fetch('/api/v1/session')).json();
                  const answer = await fetch('/api/v1/catalogs/default/products/%s', {method: 'DELETE',
                    headers: {'X-CSRF-Token': session.csrfToken}});
                  done([session.user.name, answer.status, (await answer.json()).error]);
                })();""".formatted(PRODUCT));
        assertThat(status).isEqualTo(List.of("pat", 403L, "forbidden"));
        assertThat(service.get("/api/v1/catalogs/default/export").body()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void signed_out_the_catalog_is_read_only_and_planning_still_works_on_loopback() {
        browser.open(service.uri("/"));
        browser.signOut();

        assertThat(browser.planAndAwait(() -> browser.select("preset", "run-60-min"))).isEqualTo("OPTIMAL");
        browser.byId("nav-catalog").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog-access"), "Read-only"));
        assertThat(browser.byId("add-product").isDisplayed()).isFalse();
        assertThat(browser.byId("catalog-access").getText())
                .isEqualTo("Read-only: editors and admins may change catalog default once they sign in.");
    }

    private static void openProductInCatalogTab() {
        browser.byId("nav-catalog").click();
        var row = By.cssSelector("#product-list tr[data-product=" + PRODUCT + "] button");
        browser.waitFor(ExpectedConditions.elementToBeClickable(row));
        browser.find(row).click();
        browser.waitFor(driver -> driver.findElement(By.id("product-panel")).isDisplayed());
    }

    /** {cookie, csrfToken} of a session signed in over the API. */
    private static List<String> signInOverApi(String name) {
        var answer = service.postJson("/api/v1/session", "{\"name\": \"" + name + "\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        var cookie = answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return List.of(cookie, json(answer).path("csrfToken").asText());
    }

    private static void createUser(List<String> admin, String name, String role) {
        HttpResponse<String> created = service.send(service.request("/api/v1/users").header("Cookie", admin.get(0))
                .header("X-CSRF-Token", admin.get(1)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"role\": \"" + role
                        + "\", \"password\": \"" + PASSWORD + "\"}")).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}

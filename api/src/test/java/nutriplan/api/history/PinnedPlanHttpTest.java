package nutriplan.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.service.TestService;

/**
 * A plan pinned to a version equals the plan made when that version was current, however many edits came after, in a
 * batch too.
 */
class PinnedPlanHttpTest {

    @RegisterExtension
    static final TestService SERVICE = TestService.start();

    private static final String PLAN = """
            {"catalog": "%s", "targets": {"carbohydrate": {"min": "60 g"}, "sodium": {"min": "300 mg", "max": "800 mg"},
             "fluid": {"min": "500 mL"}}}""";

    @Test
    void a_plan_pinned_to_a_version_is_the_plan_of_that_version_after_50_later_edits() {
        assertThat(SERVICE.postJson("/api/v1/catalogs", "{\"name\": \"pinned\", \"from\": \"default\"}").statusCode()).isEqualTo(201);
        var then = TestService.json(SERVICE.postJson("/api/v1/plans", PLAN.formatted("pinned")));
        assertThat(then.at("/catalog/version").asLong()).isEqualTo(1);

        for (int edit = 0; edit < 50; edit++) {
            var id = then.at("/items/" + (edit % then.get("items").size()) + "/product").asText();
            var product = TestService.json(SERVICE.get("/api/v1/catalogs/pinned/products/" + id));
            ((com.fasterxml.jackson.databind.node.ObjectNode) product.get("nutrients")).put("sodium", (100 + edit * 37) + " mg");
            var put = SERVICE.send(SERVICE.request("/api/v1/catalogs/pinned/products/" + id)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(product.toString())).build());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }

        var pinned = TestService.json(SERVICE.postJson("/api/v1/plans", PLAN.formatted("pinned@1")));
        var now = TestService.json(SERVICE.postJson("/api/v1/plans", PLAN.formatted("pinned")));

        assertThat(pinned.at("/catalog/version").asLong()).isEqualTo(1);
        assertThat(now.at("/catalog/version").asLong()).isEqualTo(51);
        assertThat(essence(pinned)).isEqualTo(essence(then));
        assertThat(essence(now)).isNotEqualTo(essence(then));

        var batch = TestService.json(SERVICE.postJson("/api/v1/plans:batch", "{\"requests\": [" + PLAN.formatted("pinned@1")
                + ", " + PLAN.formatted("pinned") + "]}"));
        assertThat(batch.at("/results/0/body/catalog/version").asLong()).isEqualTo(1);
        assertThat(essence(batch.at("/results/0/body"))).isEqualTo(essence(then));
        assertThat(batch.at("/results/1/body/catalog/version").asLong()).isEqualTo(51);
    }

    @Test
    void an_unknown_version_is_a_404_naming_the_catalog_field() {
        var unknown = SERVICE.postJson("/api/v1/plans", PLAN.formatted("default@999"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestService.json(unknown).at("/details/0/field").asText()).isEqualTo("catalog");
        assertThat(SERVICE.postJson("/api/v1/plans", PLAN.formatted("default@no-such-tag")).statusCode()).isEqualTo(404);
    }

    /** What a plan is: its status, items and totals. */
    private static String essence(JsonNode plan) {
        return plan.get("status") + " " + plan.get("items") + " " + plan.get("totals");
    }
}

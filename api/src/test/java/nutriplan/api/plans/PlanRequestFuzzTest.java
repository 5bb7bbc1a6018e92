package nutriplan.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nutriplan.api.errors.ErrorJson;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.errors.TooLargeException;
import nutriplan.api.service.TestService;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.Json;
import nutriplan.planner.request.PlanRequest;

/**
 * Coverage-guided fuzzing of a plan request from its bytes to its answer: parsing and validation
 * ({@link PlanRequestJson}), planning with the real engines, and the response JSON. Allowed outcomes are API.md's: a
 * typed error of the error table (400, 404, 413), or a plan result (200, or 422 with its explanation) whose plans
 * meet every target, written as strict JSON (no NaN, no Infinity). Seeds: {@code PlanRequestFuzzTestInputs/}, the
 * {@code data/requests} examples among them.
 */
class PlanRequestFuzzTest {

    private static final PlanService PLANNER = new PlanService();
    /** Enough for the default catalog's requests; a longer solve teaches the fuzzer nothing more per second. */
    private static final long SOLVE_MS = 100;

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"\"targets\"", "\"min\"", "\"max\"", "\"catalog\"", "\"default\"", "\"products\"", "\"include\"",
            "\"exclude\"", "\"tags\"", "\"require\"", "\"limits\"", "\"maxServingsPerProduct\"", "\"maxProducts\"",
            "\"maxServings\"", "\"objective\"", "\"servings\"", "\"mass\"", "\"cost\"", "\"solver\"", "\"auto\"",
            "\"choco\"", "\"timefold\"", "\"timeLimitMs\"", "\"alternatives\"", "\"energy\"", "\"carbohydrate\"",
            "\"protein\"", "\"fat\"", "\"fluid\"", "\"sodium\"", "\"potassium\"", "\"magnesium\"", "\"calcium\"",
            "\"caffeine\"", "\"caffeine-free\"", "\"60 g\"", "\"1 L\"", "\"500 mL\"", "\"40 mmol\"", "\"20 fl oz\"",
            "\"100 kcal\"", "\"kind\"", "\"serving\"", "\"nutrients\"", "\"id\"", "\"name\"", "\"gel\"", "\"drink\"",
            "\"workout\"", "\"durationMin\"", "\"bodyMass\"", "\"sweatRate\"", "\"carbTolerance\"", "\"1.2 L/h\"",
            "\"90 g/h\"", "\"schedule\"", "\"intervalMin\"", "\"singleSourceCarbohydrate\"",
            "null", "1e308", "-0", "30000"})
    void any_body_is_a_plan_or_a_typed_error(byte[] body) throws IOException {
        PlanRequest request;
        try {
            request = PlanRequestJson.read(body, TestService.CATALOGS, PlanRequestJson.DEFAULT_MAX_INLINE_PRODUCTS);
        } catch (InvalidInputException | NotFoundException | TooLargeException e) {
            var response = ErrorJson.of(e);
            assertThat(response.status()).isIn(400, 404, 413);
            assertThat(response.body().path("message").asText()).isNotBlank();
            response.body().path("details").forEach(detail -> assertThat(detail.path("message").asText()).isNotBlank());
            return;
        }
        var solved = request.withTimeLimitMs(Math.min(request.timeLimitMs(), SOLVE_MS));
        var result = PLANNER.plan(solved);
        if (result.hasPlan()) {
            assertThat(result.plan().violations(solved)).isEmpty();
        }
        result.alternatives().forEach(alternative -> assertThat(alternative.violations(solved)).isEmpty());
        int status = PlanResponseJson.httpStatus(result);
        var json = Json.MAPPER.writeValueAsString(PlanResponseJson.write(result, solved));

        assertThat(status).isIn(200, 422);
        assertThat(Json.MAPPER.readTree(json).isObject()).as("strict JSON, no NaN or Infinity: %s", json).isTrue();
    }
}

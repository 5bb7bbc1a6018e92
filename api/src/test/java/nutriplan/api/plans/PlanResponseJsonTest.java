package nutriplan.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import nutriplan.api.catalogs.Catalogs;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.json.Json;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.plan.Infeasibility;
import nutriplan.planner.plan.NutrientReach;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanItem;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.plan.Relaxation;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.SolverChoice;
import nutriplan.planner.request.Target;
import nutriplan.planner.request.UnknownUnderMax;

class PlanResponseJsonTest {

    private static final PlanRequest REQUEST = new PlanRequest(
            List.of(Target.between(Nutrient.CARBOHYDRATE, 60, 90), Target.atLeast(Nutrient.SODIUM, 500)),
            PlanFixtures.DEFAULT, Selection.ALL, Set.of(), Limits.UNLIMITED, Objective.SERVINGS, SolverChoice.AUTO, 2000, 1);

    private static Plan plan(Object... idsAndServings) {
        var items = new java.util.ArrayList<PlanItem>();
        for (int i = 0; i < idsAndServings.length; i += 2) {
            items.add(new PlanItem(PlanFixtures.DEFAULT.product((String) idsAndServings[i]), (Integer) idsAndServings[i + 1]));
        }
        return new Plan(items);
    }

    private static PlanResult result(PlanStatus status, Objective objective, double value, double bound, Plan plan,
                                     List<Plan> alternatives, Infeasibility infeasibility) {
        return new PlanResult(status, "choco", objective, value, bound, plan, alternatives, List.of(), 4, infeasibility);
    }

    /** Compared as text, so that 3 and 3L, or field order, cannot hide a difference. */
    private static void assertJson(JsonNode actual, String expected) throws JsonProcessingException {
        assertThat(Json.MAPPER.writeValueAsString(actual)).isEqualTo(Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(expected)));
    }

    @Test
    void a_plan_is_written_as_api_md_shows_it() throws JsonProcessingException {
        var result = result(PlanStatus.OPTIMAL, Objective.SERVINGS, 3, 3, plan("drink", 2, "gel", 1),
                List.of(plan("gel", 3)), null);

        var body = PlanResponseJson.write(result, REQUEST);

        assertThat(PlanResponseJson.httpStatus(result)).isEqualTo(200);
        assertJson(body, """
                {"status": "OPTIMAL", "solver": "choco",
                 "objective": {"kind": "servings", "value": 3, "bound": 3},
                 "items": [{"product": "drink", "name": "Test drink", "servings": 2, "preparation": null, "water": null},
                           {"product": "gel", "name": "Test gel", "servings": 1, "preparation": null, "water": null}],
                 "totals": {"carbohydrate": {"amount": 85.0, "unit": "g", "min": {"amount": 60.0, "unit": "g"}, "max": {"amount": 90.0, "unit": "g"}, "lowerBound": false},
                            "sodium": {"amount": 650.0, "unit": "mg", "min": {"amount": 500.0, "unit": "mg"}, "max": null, "lowerBound": false}},
                 "concentration": {"amount": 85.0, "unit": "g/L", "max": null},
                 "unproven": [],
                 "alternatives": [{"objective": {"kind": "servings", "value": 3},
                                   "items": [{"product": "gel", "name": "Test gel", "servings": 3, "preparation": null, "water": null}],
                                   "totals": {"carbohydrate": {"amount": 75.0, "unit": "g", "min": {"amount": 60.0, "unit": "g"}, "max": {"amount": 90.0, "unit": "g"}, "lowerBound": false},
                                              "sodium": {"amount": 150.0, "unit": "mg", "min": {"amount": 500.0, "unit": "mg"}, "max": null, "lowerBound": false}},
                                   "concentration": {"amount": null, "unit": "g/L", "max": null},
                                   "unproven": []}],
                 "leftOut": [],
                 "warnings": [],
                 "catalog": {"name": "default", "version": 1},
                 "timeMs": 4}""");
    }

    @Test
    void amounts_are_rounded_to_a_thousandth_and_a_lower_bound_is_rounded_down() {
        var request = REQUEST.withObjective(Objective.MASS).withTargets(List.of(Target.atLeast(Nutrient.SODIUM, 1.0 / 3)));
        var result = result(PlanStatus.FEASIBLE, Objective.MASS, 540.00000001, 123.4569, plan("drink", 1, "gel", 1), List.of(), null);

        var body = PlanResponseJson.write(result, request);

        assertThat(body.at("/objective/value").doubleValue()).isEqualTo(540.0);
        assertThat(body.at("/objective/bound").doubleValue()).isEqualTo(123.456);
        assertThat(body.at("/totals/sodium/min/amount").doubleValue()).isEqualTo(0.333);
    }

    @Test
    void an_unknown_answer_has_no_items_and_says_to_retry_with_more_time() throws JsonProcessingException {
        var result = result(PlanStatus.UNKNOWN, Objective.SERVINGS, Double.NaN, Double.NaN, null, List.of(), null);

        var body = PlanResponseJson.write(result, REQUEST);

        assertThat(PlanResponseJson.httpStatus(result)).isEqualTo(200);
        assertJson(body.get("objective"), "{\"kind\": \"servings\", \"value\": null, \"bound\": null}");
        assertThat(body.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(body.get("items")).isEmpty();
        assertThat(body.get("totals")).isEmpty();
        assertThat(body.get("warnings")).singleElement().satisfies(warning ->
                assertThat(warning.path("message").asText()).contains("2000 ms", "retry with a larger timeLimitMs"));
    }

    @Test
    void an_inline_catalog_has_no_version() throws JsonProcessingException {
        var request = REQUEST.withAlternatives(0);
        var inline = new PlanRequest(request.targets(), new Catalog(Catalogs.INLINE_CATALOG, PlanFixtures.DEFAULT.products()),
                request.selection(), request.required(), request.limits(), request.objective(), request.solver(),
                request.timeLimitMs(), request.alternatives());
        var result = result(PlanStatus.OPTIMAL, Objective.SERVINGS, 2, 2, plan("drink", 2), List.of(), null);

        assertJson(PlanResponseJson.write(result, inline).get("catalog"), "{\"name\": \"inline\", \"version\": null}");
    }

    @Test
    void infeasibility_is_a_422_with_the_reach_of_each_nutrient_then_the_conflict() throws JsonProcessingException {
        var infeasibility = new Infeasibility("no plan meets every target within the limits",
                List.of(new NutrientReach(Nutrient.SODIUM, "min", 1200, 800.00000004, "maxServings 4")),
                List.of(new Relaxation("targets.sodium.min", "sodium at least 1200 mg", "lower sodium min to 800 mg", 800.0),
                        new Relaxation("limits.maxServings", "at most 4 servings", "allow 2 more servings", 6.0)),
                true);
        var result = result(PlanStatus.INFEASIBLE, Objective.SERVINGS, Double.NaN, Double.NaN, null, List.of(), infeasibility);

        var body = PlanResponseJson.write(result, REQUEST);

        assertThat(PlanResponseJson.httpStatus(result)).isEqualTo(422);
        assertJson(body, """
                {"error": "infeasible", "message": "no plan meets every target within the limits",
                 "details": [
                   {"field": "targets.sodium.min", "nutrient": "sodium", "required": {"amount": 1200.0, "unit": "mg"},
                    "reachable": {"amount": 800.0, "unit": "mg"},
                    "withinReach": false, "binding": "maxServings 4",
                    "message": "sodium needs at least 1200 mg; the allowed products reach at most 800 mg; what binds: maxServings 4"},
                   {"message": "these targets and limits cannot hold together; each relaxation given below would, on its own, make the request feasible",
                    "complete": true,
                    "conflict": [
                      {"field": "targets.sodium.min", "constraint": "sodium at least 1200 mg",
                       "relaxation": "lower sodium min to 800 mg",
                       "to": {"amount": 800.0, "unit": "mg"}},
                      {"field": "limits.maxServings", "constraint": "at most 4 servings",
                       "relaxation": "allow 2 more servings", "to": 6}]}],
                 "leftOut": []}""");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "exclude": {"tags": ["caffeine", "caffeine-free"]}  | exclude.tags     | caffeine
            "exclude": {"products": ["gel"]}                    | exclude.products | gel
            "include": {"products": ["drink"]}                  | include          |
            """)
    void a_relaxation_of_a_list_says_what_to_take_out_of_it(String selection, String field, String removed) {
        var request = PlanRequestJson.read(PlanFixtures.bytes("""
                {"targets": {"caffeine": {"min": "40 mg"}}, "solver": "choco", %s}""".formatted(selection)), PlanFixtures.CATALOGS);

        var member = conflictMember(PlanResponseJson.write(new PlanService().plan(request), request), field);

        if (removed == null) {
            assertThat(member.path("to").toString()).isEqualTo("{\"products\":[],\"tags\":[],\"kinds\":[]}");
        } else {
            assertThat(member.path("remove").asText()).isEqualTo(removed);
        }
    }

    @Test
    void a_requirement_that_cannot_hold_is_relaxed_by_removing_it() {
        var request = PlanRequestJson.read(PlanFixtures.bytes("""
                {"targets": {"caffeine": {"max": "0 mg"}}, "require": ["gel", "drink"], "solver": "choco"}"""), PlanFixtures.CATALOGS);

        var member = conflictMember(PlanResponseJson.write(new PlanService().plan(request), request), "require");

        assertThat(member.path("remove").asText()).isEqualTo("gel");
    }

    @Test
    void a_concentration_limit_in_a_conflict_is_relaxed_to_a_limit_in_grams_per_litre() {
        // Carbohydrate 60 g in at most 750 mL is at least 80 g/L: a limit of 60 g/L cannot hold with both.
        var request = new PlanRequest(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 60), Target.atMost(Nutrient.FLUID, 750)),
                PlanFixtures.DEFAULT, Selection.ALL, Set.of(), Limits.UNLIMITED, Objective.SERVINGS, SolverChoice.CHOCO, 2000,
                0, UnknownUnderMax.EXCLUDE, new Concentration(60));

        var member = conflictMember(PlanResponseJson.write(new PlanService().plan(request), request), "concentration.max");

        assertThat(member.path("constraint").asText()).isEqualTo("carbohydrate at most 60 g per litre of fluid");
        assertThat(member.path("relaxation").asText()).startsWith("raise the concentration limit to ").endsWith(" g/L");
        assertThat(member.path("to").path("unit").asText()).isEqualTo("g/L");
        double to = member.path("to").path("amount").asDouble();
        assertThat(to).isGreaterThanOrEqualTo(80);
        assertThat(new PlanService().plan(request.withConcentration(new Concentration(to)))
                .hasPlan()).isTrue();
    }

    private static JsonNode conflictMember(JsonNode body, String field) {
        for (var detail : body.path("details")) {
            for (var member : detail.path("conflict")) {
                if (member.path("field").asText().equals(field)) {
                    return member;
                }
            }
        }
        throw new AssertionError("no conflict member for " + field + " in " + body);
    }

    @Test
    void an_unreachable_max_says_how_low_the_products_can_go() {
        var infeasibility = new Infeasibility("no plan", List.of(new NutrientReach(Nutrient.CAFFEINE, "max", 0, 40, null)),
                List.of(), false);

        var body = PlanResponseJson.write(result(PlanStatus.INFEASIBLE, Objective.SERVINGS, Double.NaN, Double.NaN, null,
                List.of(), infeasibility), REQUEST);

        assertThat(body.at("/details/0/field").asText()).isEqualTo("targets.caffeine.max");
        assertThat(body.at("/details/0/binding").isNull()).isTrue();
        assertThat(body.at("/details/0/message").asText())
                .isEqualTo("caffeine may be at most 0 mg; the allowed products cannot go below 40 mg");
        assertThat(body.get("details")).hasSize(1);
    }

    @Test
    void a_target_within_reach_says_so_so_that_it_is_not_taken_for_the_cause() {
        var infeasibility = new Infeasibility("no plan", List.of(
                new NutrientReach(Nutrient.CARBOHYDRATE, "min", 60, 189, null),
                new NutrientReach(Nutrient.FLUID, "max", 500, 0, null)), List.of(), true);

        var body = PlanResponseJson.write(result(PlanStatus.INFEASIBLE, Objective.SERVINGS, Double.NaN, Double.NaN, null,
                List.of(), infeasibility), REQUEST);

        assertThat(body.get("details").findValuesAsText("message")).containsExactly(
                "carbohydrate needs at least 60 g; the allowed products reach up to 189 g, so it is within reach",
                "fluid may be at most 500 mL; the allowed products can stay as low as 0 mL, so it is within reach");
        assertThat(body.get("details").findValues("withinReach")).allMatch(JsonNode::booleanValue);
    }
}

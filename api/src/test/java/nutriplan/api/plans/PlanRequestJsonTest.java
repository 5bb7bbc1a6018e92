package nutriplan.api.plans;

import static nutriplan.api.plans.PlanFixtures.CATALOGS;
import static nutriplan.api.plans.PlanFixtures.PRODUCTS;
import static nutriplan.api.plans.PlanFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;

import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.errors.TooLargeException;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Phase;
import nutriplan.catalog.product.Product;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.SolverChoice;
import nutriplan.planner.request.Target;

class PlanRequestJsonTest {

    private static PlanRequest read(String json) {
        return PlanRequestJson.read(bytes(json), CATALOGS);
    }

    /** One fault of an invalid request, as a caller sees it in the 400's details. */
    record Fault(String field, String message) {
    }

    private static Fault fault(String field, String message) {
        return new Fault(field, message);
    }

    private static ListAssert<Fault> faultsOf(String json) {
        return faultsOf(bytes(json));
    }

    private static ListAssert<Fault> faultsOf(byte[] body) {
        var thrown = catchThrowableOfType(InvalidInputException.class, () -> PlanRequestJson.read(body, CATALOGS));
        assertThat(thrown).as("an InvalidInputException").isNotNull();
        return assertThat(thrown.errors().stream().map(finding -> fault(finding.path(), finding.message())).toList());
    }

    /** Guidelines §14 E5: 150 min moderate, 70 kg, 1.2 L/h, 950 mg/L, 28 °C, 90 g/h, 3 mg/kg caffeine. */
    private static final String WORKOUT = "{\"durationMin\": 150, \"intensity\": \"moderate\", \"bodyMass\": \"70 kg\","
            + " \"sweatRate\": \"1.2 L/h\", \"sweatSodium\": \"950 mg/L\", \"temperature\": \"28 °C\","
            + " \"carbTolerance\": \"90 g/h\", \"caffeine\": \"3 mg/kg\"}";

    private static String withTargets(String rest) {
        return "{\"targets\": {\"sodium\": {\"min\": \"500 mg\"}}" + (rest.isEmpty() ? "" : ", " + rest) + "}";
    }

    @Nested
    class A_valid_request {

        @Test
        void a_workout_plans_during_the_session_and_a_request_with_targets_for_any_phase() {
            assertThat(read("{\"workout\": " + WORKOUT + "}").selection().phase()).isEqualTo(Phase.DURING);
            assertThat(read(withTargets("")).selection().phase()).isNull();
            assertThat(read(withTargets("\"phase\": \"before\"")).selection().phase()).isEqualTo(Phase.BEFORE);
            assertThat(read("{\"workout\": " + WORKOUT + ", \"phase\": \"during\"}").selection().phase())
                    .isEqualTo(Phase.DURING);
        }

        @Test
        void a_workout_after_the_session_plans_its_recovery_targets() {
            var workout = WORKOUT.replace("}", ", \"recovery\": 6}");

            var request = read("{\"workout\": " + workout + ", \"phase\": \"after\"}");

            assertThat(request.selection().phase()).isEqualTo(Phase.AFTER);
            assertThat(request.targets()).extracting(Target::nutrient)
                    .containsExactly(Nutrient.PROTEIN, Nutrient.CARBOHYDRATE, Nutrient.FLUID);
            assertThat(request.concentration()).isNull();
        }

        @Test
        void kinds_narrow_and_exclude_as_ids_and_tags_do() {
            var request = read(withTargets("\"include\": {\"kinds\": [\"gel\", \"drink\"]},"
                    + " \"exclude\": {\"kinds\": [\"food\"]}"));

            assertThat(request.selection().includeKinds()).containsExactlyInAnyOrder(Kind.GEL, Kind.DRINK);
            assertThat(request.selection().excludeKinds()).containsExactly(Kind.FOOD);
        }

        @Test
        void a_workout_carries_its_concentration_limit_and_the_request_may_set_its_own() {
            assertThat(read("{\"workout\": " + WORKOUT + "}").concentration()).isEqualTo(new Concentration(80));
            assertThat(read("{\"workout\": " + WORKOUT + ", \"concentration\": {\"max\": \"120 g/L\"}}").concentration())
                    .isEqualTo(new Concentration(120));
            assertThat(read(withTargets("\"concentration\": {\"max\": \"0.1 kg/L\"}")).concentration())
                    .isEqualTo(new Concentration(100));
            assertThat(read(withTargets("")).concentration()).isNull();
        }

        @Test
        void a_workout_gives_the_targets_its_needs_can_plan() {
            var scheduled = PlanRequestJson.readScheduled(bytes("{\"workout\": " + WORKOUT + ", \"schedule\": {}}"),
                    CATALOGS, PlanRequestJson.DEFAULT_MAX_INLINE_PRODUCTS);

            assertThat(scheduled.needs()).isNotNull();
            assertThat(scheduled.plan().targets()).extracting(Target::nutrient, Target::min, Target::max).contains(
                    tuple(Nutrient.SODIUM, 640.0, 2750.0),
                    tuple(Nutrient.CAFFEINE, 0.0, 210.0));
            // 30–60 g/h: no carbohydrate beyond what a single source carries, so no cap on it.
            assertThat(scheduled.plan().targets()).extracting(Target::nutrient).doesNotContain(Nutrient.SINGLE_SOURCE_CARBOHYDRATE);
            assertThat(scheduled.schedule().durationMin()).isEqualTo(150);
            assertThat(scheduled.schedule().carbPerHourG()).isEqualTo(90);
            assertThat(scheduled.schedule().fluidPerHourMl()).isEqualTo(1000);
        }

        @Test
        void a_schedule_may_lower_a_workouts_hourly_caps_but_never_raise_them() {
            var limits = PlanRequestJson.readScheduled(bytes("{\"workout\": " + WORKOUT + ", \"schedule\":"
                    + " {\"carbohydratePerHour\": \"120 g\", \"fluidPerHour\": \"600 mL\"}}"), CATALOGS,
                    PlanRequestJson.DEFAULT_MAX_INLINE_PRODUCTS).schedule();

            assertThat(limits.carbPerHourG()).isEqualTo(90);
            assertThat(limits.fluidPerHourMl()).isEqualTo(600);
        }

        @Test
        void a_workout_of_a_fraction_of_a_minute_has_a_one_minute_schedule() {
            var limits = PlanRequestJson.readScheduled(bytes("{\"workout\": {\"durationMin\": 0.4, \"bodyMass\": \"70 kg\"},"
                    + " \"schedule\": {}}"), CATALOGS, PlanRequestJson.DEFAULT_MAX_INLINE_PRODUCTS).schedule();

            assertThat(limits.durationMin()).isEqualTo(1);
        }

        @Test
        void without_caffeine_asked_for_a_workout_plans_none() {
            var request = read("{\"workout\": {\"durationMin\": 60, \"bodyMass\": \"70 kg\"}}");

            assertThat(request.targets()).extracting(Target::nutrient, Target::max).contains(tuple(Nutrient.CAFFEINE, 0.0));
        }

        @Test
        void is_read_field_by_field() {
            var request = read("""
                    {
                      "description": "every field of API.md",
                      "targets": {
                        "carbohydrate": {"min": "60 g", "max": "90 g"},
                        "fluid": {"min": "750 mL", "max": "1 L"},
                        "sodium": {"min": "500 mg", "max": "1000 mg"},
                        "potassium": {"min": "150 mg"}
                      },
                      "catalog": "default",
                      "products": [],
                      "include": {"products": ["drink", "gel"], "tags": ["caffeine-free"]},
                      "exclude": {"products": ["salt-tab"], "tags": ["caffeine"]},
                      "require": ["drink"],
                      "limits": {"maxServingsPerProduct": 4, "maxProducts": 3, "maxServings": 12},
                      "objective": "cost",
                      "solver": "choco",
                      "timeLimitMs": 1500,
                      "alternatives": 2
                    }""");

            assertThat(request.targets()).containsExactly(
                    Target.between(Nutrient.CARBOHYDRATE, 60, 90),
                    Target.between(Nutrient.FLUID, 750, 1000),
                    Target.between(Nutrient.SODIUM, 500, 1000),
                    Target.atLeast(Nutrient.POTASSIUM, 150));
            assertThat(request.catalog()).isSameAs(PlanFixtures.DEFAULT);
            assertThat(request.selection()).isEqualTo(new Selection(Set.of("drink", "gel"), Set.of("caffeine-free"),
                    Set.of("salt-tab"), Set.of("caffeine")));
            assertThat(request.required()).containsExactly("drink");
            assertThat(request.limits()).isEqualTo(new Limits(4, 3, 12));
            assertThat(request.objective()).isEqualTo(Objective.COST);
            assertThat(request.solver()).isEqualTo(SolverChoice.CHOCO);
            assertThat(request.timeLimitMs()).isEqualTo(1500);
            assertThat(request.alternatives()).isEqualTo(2);
        }

        @Test
        void gets_the_defaults_of_api_md_for_every_field_left_out() {
            var request = read("{\"targets\": {\"sodium\": {\"min\": \"500 mg\"}}}");

            assertThat(request.catalog().name()).isEqualTo("default");
            assertThat(request.selection()).isEqualTo(Selection.ALL);
            assertThat(request.required()).isEmpty();
            assertThat(request.limits()).isEqualTo(Limits.UNLIMITED);
            assertThat(request.objective()).isEqualTo(Objective.SERVINGS);
            assertThat(request.solver()).isEqualTo(SolverChoice.AUTO);
            assertThat(request.timeLimitMs()).isEqualTo(2000);
            assertThat(request.alternatives()).isZero();
        }

        @ParameterizedTest(name = "{0} {1} = {2} in the canonical unit")
        @CsvSource(delimiter = '|', textBlock = """
                fluid        | "20 fl oz" | 591.4705
                fluid        | "1.2 L"    | 1200
                fluid        | 591        | 591
                sodium       | "40 mmol"  | 919.6
                sodium       | "0.5 g"    | 500
                potassium    | "10 mmol"  | 391
                carbohydrate | "0.036 kg" | 36
                energy       | "586 kJ"   | 140.057
                caffeine     | 200        | 200
                """)
        void reads_targets_given_with_units_or_as_plain_numbers_in_the_canonical_unit(String nutrient, String amount, double canonical) {
            var request = read("{\"targets\": {\"" + nutrient + "\": {\"min\": " + amount + "}}}");

            assertThat(request.targets()).singleElement().satisfies(target -> {
                assertThat(target.nutrient()).isEqualTo(Nutrient.fromJsonName(nutrient));
                assertThat(target.min()).isCloseTo(canonical, within(0.001));
            });
        }

        @Test
        void target_with_only_a_max_has_no_min_and_one_with_only_a_min_has_no_max() {
            var request = read("{\"targets\": {\"sodium\": {\"max\": \"1 g\"}, \"fluid\": {\"min\": \"500 mL\"}}}");

            assertThat(request.targets()).containsExactly(Target.atMost(Nutrient.SODIUM, 1000),
                    Target.atLeast(Nutrient.FLUID, 500));
        }

        @Test
        void inline_products_are_used_instead_of_a_stored_catalog() {
            var request = read(withTargets("\"products\": " + PRODUCTS.replace("\"id\": \"drink\"", "\"id\": \"my-drink\"")));

            assertThat(request.catalog().name()).isEqualTo(Catalogs.INLINE_CATALOG);
            assertThat(request.catalog().products()).extracting(Product::id).containsExactly("my-drink", "gel", "salt-tab");
        }

        @Test
        void require_and_include_may_name_products_of_the_inline_catalog() {
            var request = read(withTargets("\"products\": " + PRODUCTS + ", \"require\": [\"gel\"], \"include\": {\"products\": [\"drink\"]}"));

            assertThat(request.required()).containsExactly("gel");
            assertThat(request.selection().includeProducts()).containsExactly("drink");
        }

        @Test
        void a_null_field_counts_as_left_out() {
            var request = read(withTargets("\"limits\": null, \"objective\": null, \"include\": {\"tags\": null}"));

            assertThat(request.limits()).isEqualTo(Limits.UNLIMITED);
            assertThat(request.objective()).isEqualTo(Objective.SERVINGS);
        }
    }

    @Nested
    class A_body_that_is_not_a_json_object {

        @Test
        void malformed_json_is_one_fault_about_the_body_with_its_location() {
            faultsOf("{\"targets\": {\"sodium\" {}}}").singleElement().satisfies(fault -> {
                assertThat(fault.field()).isEqualTo("");
                assertThat(fault.message()).startsWith("the body is not valid JSON: ").contains("at line 1, column");
            });
        }

        @Test
        void truncated_json_is_malformed() {
            faultsOf("{\"targets\": {\"sodium\": {\"min\": \"500 mg\"").singleElement()
                    .satisfies(fault -> assertThat(fault.message()).startsWith("the body is not valid JSON: "));
        }

        @Test
        void trailing_junk_after_the_object_is_malformed() {
            faultsOf(withTargets("") + " {}").singleElement()
                    .satisfies(fault -> assertThat(fault.message()).startsWith("the body is not valid JSON: "));
        }

        @Test
        void a_duplicate_key_is_malformed() {
            faultsOf("{\"targets\": {\"sodium\": {\"min\": 1}}, \"targets\": {}}").singleElement()
                    .satisfies(fault -> assertThat(fault.message()).contains("Duplicate field 'targets'"));
        }

        @Test
        void invalid_utf8_is_refused_not_replaced() {
            byte[] body = {'{', '"', 't', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};

            faultsOf(body).containsExactly(fault("", "the body is not valid UTF-8"));
        }

        @Test
        void an_empty_body_says_what_was_expected() {
            faultsOf("  \n").containsExactly(fault("", "the body is empty; expected a JSON object"));
        }

        @Test
        void an_array_is_not_a_request() {
            faultsOf("[1, 2]").containsExactly(fault("", "must be a JSON object, got an array"));
        }
    }

    @Nested
    class A_fault_is_reported_with_its_field_path {

        @Test
        void an_unknown_field_is_named_with_the_known_ones() {
            faultsOf(withTargets("\"colour\": \"red\"")).singleElement().satisfies(fault -> {
                assertThat(fault.field()).isEqualTo("colour");
                assertThat(fault.message()).startsWith("unknown field \"colour\"; known fields: alternatives, catalog,");
            });
        }

        @Test
        void an_unknown_phase_kind_or_concentration_is_named_with_what_is_expected() {
            faultsOf(withTargets("\"phase\": \"race-day\", \"include\": {\"kinds\": [\"gel\", \"smoothie\"]},"
                    + " \"concentration\": {\"max\": \"80 g\"}")).satisfiesExactlyInAnyOrder(
                    fault -> assertThat(fault).isEqualTo(fault("phase", "unknown value \"race-day\"; expected one of"
                            + " before, during, after or any")),
                    fault -> assertThat(fault.field()).isEqualTo("include.kinds[1]"),
                    fault -> assertThat(fault.field()).isEqualTo("concentration.max"));
        }

        @Test
        void a_concentration_of_nothing_or_more_than_dissolves_is_a_fault() {
            faultsOf(withTargets("\"concentration\": {\"max\": \"0 g/L\"}")).extracting(Fault::field)
                    .containsExactly("concentration.max");
            faultsOf(withTargets("\"concentration\": {\"max\": \"3000 g/L\"}")).extracting(Fault::field)
                    .containsExactly("concentration.max");
            faultsOf(withTargets("\"concentration\": {}")).extracting(Fault::field).containsExactly("concentration.max");
        }

        @Test
        void a_workout_before_the_session_or_after_it_without_recovery_says_what_to_send() {
            faultsOf("{\"workout\": " + WORKOUT + ", \"phase\": \"before\"}").singleElement()
                    .satisfies(fault -> assertThat(fault.message()).contains("send \"targets\" instead"));
            faultsOf("{\"workout\": " + WORKOUT + ", \"phase\": \"after\"}").extracting(Fault::field)
                    .containsExactly("workout.recovery");
        }

        @Test
        void a_schedule_for_another_phase_than_during_is_a_fault() {
            faultsOf(withTargets("\"durationMin\": 60, \"schedule\": {}, \"phase\": \"before\""))
                    .extracting(Fault::field).containsExactly("phase");
            assertThat(read(withTargets("\"durationMin\": 60, \"schedule\": {}, \"phase\": \"any\"")).selection().phase())
                    .isNull();
        }

        @Test
        void an_unknown_phase_with_a_workout_and_a_schedule_is_one_fault() {
            faultsOf("{\"workout\": " + WORKOUT + ", \"schedule\": {}, \"phase\": \"race-day\"}")
                    .extracting(Fault::field).containsExactly("phase");
        }

        @Test
        void an_unknown_field_inside_limits_is_named_with_its_path() {
            faultsOf(withTargets("\"limits\": {\"maxGels\": 2}")).extracting(Fault::field)
                    .containsExactly("limits.maxGels");
        }

        @Test
        void a_fraction_where_a_whole_number_belongs() {
            faultsOf(withTargets("\"limits\": {\"maxProducts\": 1.5}"))
                    .containsExactly(fault("limits.maxProducts", "must be a whole number from 1 to 100000, got 1.5"));
        }

        @Test
        void a_limit_below_one() {
            faultsOf(withTargets("\"limits\": {\"maxServings\": 0}"))
                    .containsExactly(fault("limits.maxServings", "must be from 1 to 100000, got 0"));
        }

        @Test
        void an_unknown_nutrient() {
            faultsOf("{\"targets\": {\"vitaminC\": {\"min\": \"90 mg\"}}}").containsExactly(fault("targets.vitaminC",
                    "unknown nutrient \"vitaminC\"; known nutrients: " + Nutrient.knownNames()));
        }

        @Test
        void a_min_above_the_max_names_the_target() {
            faultsOf("{\"targets\": {\"sodium\": {\"min\": \"1 g\", \"max\": \"500 mg\"}}}").containsExactly(fault(
                    "targets.sodium", "min 1000 mg is above max 500 mg; no plan can meet this target"));
        }

        @Test
        void a_unit_of_the_wrong_dimension_names_the_bound() {
            faultsOf("{\"targets\": {\"fluid\": {\"min\": \"3 kg\"}}}").containsExactly(fault(
                    "targets.fluid.min", "\"3 kg\" is a mass; fluid needs a volume such as \"3 L\""));
        }

        @Test
        void an_unknown_unit() {
            faultsOf("{\"targets\": {\"carbohydrate\": {\"max\": \"5 bananas\"}}}").singleElement().satisfies(fault -> {
                assertThat(fault.field()).isEqualTo("targets.carbohydrate.max");
                assertThat(fault.message()).startsWith("\"5 bananas\": unknown unit \"bananas\"");
            });
        }

        @Test
        void a_number_too_large_for_a_double_is_not_finite() {
            faultsOf("{\"targets\": {\"sodium\": {\"min\": 1e400}}}")
                    .containsExactly(fault("targets.sodium.min", "must be a finite number"));
        }

        @Test
        void a_number_too_large_for_a_double_is_not_a_whole_number_either() {
            faultsOf(withTargets("\"timeLimitMs\": 1e400"))
                    .containsExactly(fault("timeLimitMs", "must be a whole number from 1 to 30000, got Infinity"));
        }

        @Test
        void a_negative_amount() {
            faultsOf("{\"targets\": {\"sodium\": {\"max\": \"-5 mg\"}}}")
                    .containsExactly(fault("targets.sodium.max", "\"-5 mg\" is negative; amounts cannot be"));
        }

        @Test
        void a_target_with_neither_min_nor_max() {
            faultsOf("{\"targets\": {\"sodium\": {}}}")
                    .containsExactly(fault("targets.sodium", "needs a min, a max or both, such as {\"min\": \"500 mg\"}"));
        }

        @Test
        void a_request_without_targets() {
            faultsOf("{\"catalog\": \"default\"}").extracting(Fault::field).containsExactly("targets");
        }

        @ParameterizedTest(name = "timeLimitMs {0}")
        @CsvSource({"0", "30001", "-1"})
        void a_time_limit_out_of_range(String value) {
            faultsOf(withTargets("\"timeLimitMs\": " + value))
                    .containsExactly(fault("timeLimitMs", "must be from 1 to 30000, got " + value));
        }

        @Test
        void more_than_five_alternatives() {
            faultsOf(withTargets("\"alternatives\": 6")).containsExactly(fault("alternatives", "must be from 0 to 5, got 6"));
        }

        @Test
        void an_unknown_objective_or_solver_lists_the_known_ones() {
            faultsOf(withTargets("\"objective\": \"fastest\", \"solver\": \"gurobi\"")).containsExactly(
                    fault("objective", "unknown value \"fastest\"; expected one of servings, products, mass, cost"),
                    fault("solver", "unknown value \"gurobi\"; expected one of auto, choco, timefold"));
        }

        @Test
        void a_required_id_not_in_the_catalog() {
            faultsOf(withTargets("\"require\": [\"drink\", \"unicorn-gel\"]"))
                    .containsExactly(fault("require[1]", "no product \"unicorn-gel\" in catalog \"default\""));
        }

        @Test
        void ids_and_tags_of_include_and_exclude_are_checked_item_by_item() {
            faultsOf(withTargets("\"include\": {\"tags\": [\"Caffeine\"]}, \"exclude\": {\"products\": [\"gel\", 7, \"no-such\"]}"))
                    .containsExactly(
                            fault("include.tags[0]", "\"Caffeine\" is not a tag: tags are lowercase words of letters, digits and '-', such as \"caffeine\""),
                            fault("exclude.products[1]", "must be a string, got 7"),
                            fault("exclude.products[2]", "no product \"no-such\" in catalog \"default\""));
        }

        @Test
        void an_inline_products_fault_carries_its_index_and_field() {
            var products = PRODUCTS.replace("\"fluid\": \"500 mL\"", "\"fluid\": \"3 kg\"");

            faultsOf(withTargets("\"products\": " + products)).containsExactly(
                    fault("products[0].nutrients.fluid", "\"3 kg\" is a mass; fluid needs a volume such as \"3 L\""));
        }

        @Test
        void inline_products_beside_a_catalog_name_are_ambiguous() {
            faultsOf(withTargets("\"catalog\": \"default\", \"products\": " + PRODUCTS)).extracting(Fault::field)
                    .containsExactly("catalog");
        }

        @Test
        void a_workout_beside_targets_or_a_duration_is_ambiguous() {
            faultsOf(withTargets("\"durationMin\": 90, \"workout\": " + WORKOUT)).extracting(Fault::field)
                    .containsExactly("targets", "durationMin");
        }

        @Test
        void a_workout_fault_carries_its_path_in_the_workout() {
            faultsOf("{\"workout\": {\"durationMin\": 90, \"bodyMass\": \"500 kg\", \"sweatRate\": \"20 L/h\"}}")
                    .extracting(Fault::field).containsExactlyInAnyOrder("workout.bodyMass", "workout.sweatRate");
        }

        @Test
        void a_workout_with_no_carbohydrate_tolerance_cannot_be_scheduled() {
            faultsOf("{\"workout\": {\"durationMin\": 90, \"bodyMass\": \"70 kg\", \"carbTolerance\": \"0 g/h\"},"
                    + " \"schedule\": {}}").extracting(Fault::field).containsExactly("workout.carbTolerance");
        }

        @Test
        void single_source_carbohydrate_takes_a_max_only() {
            faultsOf("{\"targets\": {\"singleSourceCarbohydrate\": {\"min\": \"10 g\", \"max\": \"60 g\"}}}")
                    .extracting(Fault::field).containsExactly("targets.singleSourceCarbohydrate.min");
        }

        @Test
        void every_fault_is_reported_at_once() {
            faultsOf("""
                    {
                      "targets": {"sodium": {"min": "2 kg", "max": "x"}, "fluid": {"min": "3 kg"}, "zinc": {"min": 1}},
                      "limits": {"maxProducts": 1.5, "maxServings": "12"},
                      "require": ["nope"],
                      "include": {"tags": ["OK"]},
                      "objective": "fastest",
                      "timeLimitMs": 99999,
                      "alternatives": -1,
                      "extra": true
                    }""").extracting(Fault::field).containsExactly(
                    "extra", "targets.sodium.min", "targets.sodium.max", "targets.fluid.min", "targets.zinc",
                    "include.tags[0]", "require[0]", "limits.maxProducts", "limits.maxServings",
                    "objective", "timeLimitMs", "alternatives");
        }
    }

    @Nested
    class A_fault_that_is_not_a_400 {

        @Test
        void an_unknown_catalog_is_not_found() {
            assertThatThrownBy(() -> read(withTargets("\"catalog\": \"trial\"")))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.field()).isEqualTo("catalog");
                        assertThat(e.getMessage()).startsWith("no catalog named \"trial\"");
                    });
        }

        @Test
        void an_unknown_catalog_waits_until_the_request_has_no_400_faults() {
            faultsOf(withTargets("\"catalog\": \"trial\", \"alternatives\": 9, \"require\": [\"anything\"]"))
                    .extracting(Fault::field).containsExactly("alternatives");
        }

        @Test
        void an_inline_catalog_over_the_limit_is_too_large_before_its_products_are_read() {
            var body = bytes(withTargets("\"products\": [{}, {}, {}]"));

            assertThatThrownBy(() -> PlanRequestJson.read(body, CATALOGS, 2))
                    .isInstanceOfSatisfying(TooLargeException.class, e -> {
                        assertThat(e.field()).isEqualTo("products");
                        assertThat(e.getMessage()).isEqualTo("the inline catalog holds 3 products; at most 2 are accepted");
                    });
        }

        @Test
        void an_inline_catalog_at_the_limit_is_accepted() {
            var request = PlanRequestJson.read(bytes(withTargets("\"products\": " + PRODUCTS)), CATALOGS, 3);

            assertThat(request.catalog().products()).hasSize(3);
        }
    }
}

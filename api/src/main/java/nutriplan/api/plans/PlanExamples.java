package nutriplan.api.plans;

/**
 * Examples for the OpenAPI document, each a real exchange with the default catalog (as JSON text: annotation
 * values must be constants). {@code OpenApiDocumentTest} sends {@link #REQUEST} and checks each error example
 * against the body the service gives for the same fault.
 */
final class PlanExamples {

    static final String REQUEST = """
            {"targets": {"carbohydrate": {"min": "60 g", "max": "90 g"}, "fluid": {"min": "750 mL", "max": "1 L"},
                         "sodium": {"min": "500 mg", "max": "1000 mg"}, "potassium": {"min": "150 mg"}},
             "catalog": "default",
             "exclude": {"tags": ["caffeine"]},
             "limits": {"maxServingsPerProduct": 4, "maxProducts": 3, "maxServings": 12},
             "objective": "servings",
             "timeLimitMs": 2000,
             "alternatives": 1}""";

    static final String RESPONSE = """
            {"status": "OPTIMAL", "solver": "choco", "objective": {"kind": "servings", "value": 2, "bound": 2},
             "items": [{"product": "gatorade-thirst-quencher-32oz", "name": "Gatorade Thirst Quencher, 32 fl oz bottle", "servings": 1},
                       {"product": "white-bread-slice", "name": "White bread, commercially prepared, 1 slice", "servings": 1}],
             "totals": {"carbohydrate": {"amount": 70.3, "unit": "g", "min": 60.0, "max": 90.0},
                        "fluid": {"amount": 957.0, "unit": "mL", "min": 750.0, "max": 1000.0},
                        "sodium": {"amount": 569.0, "unit": "mg", "min": 500.0, "max": 1000.0},
                        "potassium": {"amount": 157.0, "unit": "mg", "min": 150.0, "max": null}},
             "alternatives": [{"objective": {"kind": "servings", "value": 2},
                               "items": [{"product": "gatorade-thirst-quencher-28oz", "name": "Gatorade Thirst Quencher, 28 fl oz bottle", "servings": 1},
                                         {"product": "pretzels-salted-1oz", "name": "Pretzels, hard, plain, salted, 1 oz", "servings": 1}],
                               "totals": {"carbohydrate": {"amount": 71.8, "unit": "g", "min": 60.0, "max": 90.0},
                                          "fluid": {"amount": 829.0, "unit": "mL", "min": 750.0, "max": 1000.0},
                                          "sodium": {"amount": 725.0, "unit": "mg", "min": 500.0, "max": 1000.0},
                                          "potassium": {"amount": 168.0, "unit": "mg", "min": 150.0, "max": null}}}],
             "warnings": [],
             "catalog": {"name": "default", "version": 1},
             "timeMs": 12}""";

    /** The answer to {"targets": {"sodium": {"min": "3 L"}}, "timeLimitMs": 0, "colour": "red"}. */
    static final String INVALID = """
            {"error": "invalid_request", "message": "3 faults in the request: colour, targets.sodium.min, timeLimitMs",
             "details": [{"field": "colour", "message": "unknown field \\"colour\\"; known fields: alternatives, catalog, description, durationMin, exclude, include, limits, objective, products, require, schedule, solver, targets, timeLimitMs, workout"},
                         {"field": "targets.sodium.min", "message": "\\"3 L\\" is a volume; sodium needs a mass such as \\"3 g\\" or an amount of substance such as \\"3 mmol\\""},
                         {"field": "timeLimitMs", "message": "must be from 1 to 30000, got 0"}]}""";

    static final String NOT_FOUND = """
            {"error": "not_found", "message": "no catalog named \\"trial\\"; send the products inline in \\"products\\", or name a stored catalog such as \\"default\\"",
             "details": [{"field": "catalog", "message": "no catalog named \\"trial\\"; send the products inline in \\"products\\", or name a stored catalog such as \\"default\\""}]}""";

    static final String TOO_LARGE = """
            {"error": "too_large", "message": "the inline catalog holds 5001 products; at most 5000 are accepted",
             "details": [{"field": "products", "message": "the inline catalog holds 5001 products; at most 5000 are accepted"}]}""";

    static final String UNSUPPORTED = """
            {"error": "unsupported_media_type", "message": "the body must be JSON with Content-Type: application/json, not \\"text/plain\\"",
             "details": []}""";

    /** The answer to {"targets": {"sodium": {"min": "1500 mg"}, "fluid": {"max": "500 mL"}}, "limits": {"maxServings": 2}}. */
    static final String INFEASIBLE = """
            {"error": "infeasible", "message": "no plan meets every target within the limits: sodium at least 1500 mg, fluid at most 500 mL, at most 2 servings in total cannot hold together",
             "details": [{"field": "targets.sodium.min", "nutrient": "sodium", "required": 1500.0, "reachable": 1250.0, "unit": "mg", "withinReach": false,
                          "binding": "the max targets on other nutrients, which cap the servings of the richest products",
                          "message": "sodium needs at least 1500 mg; the allowed products reach at most 1250 mg; what binds: the max targets on other nutrients, which cap the servings of the richest products"},
                         {"field": "targets.fluid.max", "nutrient": "fluid", "required": 500.0, "reachable": 0.0, "unit": "mL", "withinReach": true, "binding": null,
                          "message": "fluid may be at most 500 mL; the allowed products can stay as low as 0 mL, so it is within reach"},
                         {"message": "these targets and limits cannot hold together; each relaxation given below would, on its own, make the request feasible", "complete": true,
                          "conflict": [{"field": "targets.sodium.min", "constraint": "sodium at least 1500 mg", "relaxation": "lower sodium min to 1250 mg", "value": 1250.0, "unit": "mg",
                                        "to": {"amount": 1250.0, "unit": "mg"}},
                                       {"field": "targets.fluid.max", "constraint": "fluid at most 500 mL", "relaxation": "raise fluid max to 1000 mL", "value": 1000.0, "unit": "mL",
                                        "to": {"amount": 1000.0, "unit": "mL"}},
                                       {"field": "limits.maxServings", "constraint": "at most 2 servings in total", "relaxation": "allow 1 more serving in total", "value": 3.0,
                                        "to": 3}]}]}""";

    static final String BUSY = """
            {"error": "busy", "message": "the service is busy: all 2 solvers are busy and 8 requests are waiting; retry in 1 second",
             "details": []}""";

    private PlanExamples() {
    }
}

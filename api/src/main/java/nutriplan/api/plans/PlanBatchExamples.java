package nutriplan.api.plans;

/**
 * Examples of {@code POST /api/v1/plans:batch} for the OpenAPI document, each a real exchange with the default catalog
 * (as JSON text: annotation values must be constants). {@code PlanBatchHttpTest} sends {@link #REQUEST} and checks
 * that the answer is {@link #RESPONSE} (but for timeMs), and each error example against the service's answer.
 */
final class PlanBatchExamples {

    static final String REQUEST = """
            {"requests": [
              {"targets": {"carbohydrate": {"min": "60 g"}, "sodium": {"min": "500 mg"}}, "exclude": {"tags": ["caffeine"]}},
              {"targets": {"sodium": {"min": "3 L"}}},
              {"targets": {"sodium": {"min": "2000 mg"}}, "limits": {"maxServings": 1}}]}""";

    static final String RESPONSE = """
            {"results": [
              {"status": 200, "body": {"status": "OPTIMAL", "solver": "choco", "objective": {"kind": "servings", "value": 2, "bound": 2},
                                       "items": [{"product": "gatorade-thirst-quencher-20oz", "name": "Gatorade Thirst Quencher, 20 fl oz bottle", "servings": 2, "preparation": null, "water": null}],
                                       "totals": {"carbohydrate": {"amount": 72.0, "unit": "g", "min": {"amount": 60.0, "unit": "g"}, "max": null, "lowerBound": false}, "sodium": {"amount": 540.0, "unit": "mg", "min": {"amount": 500.0, "unit": "mg"}, "max": null, "lowerBound": false}},
                                       "concentration": {"amount": 60.914, "unit": "g/L", "max": null}, "unproven": [], "alternatives": [], "leftOut": [], "warnings": [], "catalog": {"name": "default", "version": 1}, "timeMs": 1}},
              {"status": 400, "body": {"error": "invalid_request", "message": "1 fault in the request: targets.sodium.min",
                                       "details": [{"field": "targets.sodium.min", "message": "\\"3 L\\" is a volume; sodium needs a mass such as \\"3 g\\" or an amount of substance such as \\"3 mmol\\""}]}},
              {"status": 422, "body": {"error": "infeasible", "message": "no plan meets every target within the limits: sodium at least 2000 mg, at most 1 servings in total cannot hold together",
                                       "details": [{"field": "targets.sodium.min", "nutrient": "sodium", "required": {"amount": 2000.0, "unit": "mg"}, "reachable": {"amount": 1700.0, "unit": "mg"}, "withinReach": false, "binding": "maxServings 1", "message": "sodium needs at least 2000 mg; the allowed products reach at most 1700 mg; what binds: maxServings 1"},
                                                   {"message": "these targets and limits cannot hold together; each relaxation given below would, on its own, make the request feasible", "complete": true, "conflict": [{"field": "targets.sodium.min", "constraint": "sodium at least 2000 mg", "relaxation": "lower sodium min to 1700 mg", "to": {"amount": 1700.0, "unit": "mg"}}, {"field": "limits.maxServings", "constraint": "at most 1 servings in total", "relaxation": "allow 1 more serving in total", "to": 2}]}],
                                       "leftOut": []}}]}""";

    /** The answer to {"request": []}. */
    static final String INVALID = """
            {"error": "invalid_request", "message": "2 faults in the request: request, requests",
             "details": [{"field": "request", "message": "unknown field \\"request\\"; known fields: requests"},
                         {"field": "requests", "message": "is required: an array of 1 to 100 plan requests"}]}""";

    static final String TOO_LARGE = """
            {"error": "too_large", "message": "the batch holds 101 plan requests; at most 100 are accepted (MAX_BATCH_REQUESTS): send them in several batches",
             "details": [{"field": "requests", "message": "the batch holds 101 plan requests; at most 100 are accepted (MAX_BATCH_REQUESTS): send them in several batches"}]}""";

    private PlanBatchExamples() {
    }
}

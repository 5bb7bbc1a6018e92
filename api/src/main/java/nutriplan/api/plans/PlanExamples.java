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
            {"status": "OPTIMAL",
             "solver": "choco",
             "objective": {"kind": "servings", "value": 2, "bound": 2},
             "items": [{"product": "gatorade-thirst-quencher-32oz", "name": "Gatorade Thirst Quencher, 32 fl oz bottle", "servings": 1, "preparation": null, "water": null},
                      {"product": "white-bread-slice", "name": "White bread, commercially prepared, 1 slice", "servings": 1, "preparation": null, "water": null}],
             "totals": {"carbohydrate": {"amount": 70.3, "unit": "g", "min": {"amount": 60.0, "unit": "g"}, "max": {"amount": 90.0, "unit": "g"}, "lowerBound": false}, "fluid": {"amount": 957.0, "unit": "mL", "min": {"amount": 750.0, "unit": "mL"}, "max": {"amount": 1000.0, "unit": "mL"}, "lowerBound": false}, "sodium": {"amount": 569.0, "unit": "mg", "min": {"amount": 500.0, "unit": "mg"}, "max": {"amount": 1000.0, "unit": "mg"}, "lowerBound": false}, "potassium": {"amount": 157.0, "unit": "mg", "min": {"amount": 150.0, "unit": "mg"}, "max": null, "lowerBound": false}},
             "concentration": {"amount": 73.459, "unit": "g/L", "max": null},
             "unproven": [],
             "alternatives": [{"objective": {"kind": "servings", "value": 2}, "items": [{"product": "gatorade-thirst-quencher-28oz", "name": "Gatorade Thirst Quencher, 28 fl oz bottle", "servings": 1, "preparation": null, "water": null}, {"product": "pretzels-salted-1oz", "name": "Pretzels, hard, plain, salted, 1 oz", "servings": 1, "preparation": null, "water": null}], "totals": {"carbohydrate": {"amount": 71.8, "unit": "g", "min": {"amount": 60.0, "unit": "g"}, "max": {"amount": 90.0, "unit": "g"}, "lowerBound": false}, "fluid": {"amount": 829.0, "unit": "mL", "min": {"amount": 750.0, "unit": "mL"}, "max": {"amount": 1000.0, "unit": "mL"}, "lowerBound": false}, "sodium": {"amount": 725.0, "unit": "mg", "min": {"amount": 500.0, "unit": "mg"}, "max": {"amount": 1000.0, "unit": "mg"}, "lowerBound": false}, "potassium": {"amount": 168.0, "unit": "mg", "min": {"amount": 150.0, "unit": "mg"}, "max": null, "lowerBound": false}}, "concentration": {"amount": 86.61, "unit": "g/L", "max": null}, "unproven": []}],
             "leftOut": [{"product": "gatorade-endurance-chews", "name": "Gatorade Endurance Energy Chews, 1 sleeve (6 chews)", "cause": "unknown", "use": ["before", "during"], "nutrients": ["sodium"], "reason": "sodium is not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, sodium counted as 0 and the total marked a lower bound; or give sodium in the catalog"}},
                        {"product": "gatorade-protein-bar", "name": "Gatorade Whey Protein (Recover) bar", "cause": "unknown", "use": ["after"], "nutrients": ["carbohydrate", "fluid", "sodium"], "reason": "carbohydrate, fluid and sodium are not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, carbohydrate, fluid and sodium counted as 0 and the total marked a lower bound; or give carbohydrate, fluid and sodium in the catalog"}},
                        {"product": "gatorade-thirst-quencher-powder-scoop", "name": "Gatorade Thirst Quencher powder (orange), 1 scoop", "cause": "unknown", "use": ["before", "during", "after"], "nutrients": ["sodium"], "reason": "sodium is not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, sodium counted as 0 and the total marked a lower bound; or give sodium in the catalog"}},
                        {"product": "maurten-drink-mix-160", "name": "Maurten DRINK MIX 160, 1 sachet (40 g)", "cause": "unknown", "use": ["before", "during"], "nutrients": ["sodium"], "reason": "sodium is not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, sodium counted as 0 and the total marked a lower bound; or give sodium in the catalog"}},
                        {"product": "maurten-drink-mix-320", "name": "Maurten DRINK MIX 320, 1 sachet (80 g)", "cause": "unknown", "use": ["before", "during"], "nutrients": ["sodium"], "reason": "sodium is not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, sodium counted as 0 and the total marked a lower bound; or give sodium in the catalog"}},
                        {"product": "sis-go-isotonic-gel", "name": "SiS GO Isotonic Energy Gel", "cause": "unknown", "use": ["before", "during"], "nutrients": ["sodium"], "reason": "sodium is not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, sodium counted as 0 and the total marked a lower bound; or give sodium in the catalog"}},
                        {"product": "clif-bloks-sleeve", "name": "Clif Bloks energy chews, 1 sleeve (6 pieces), caffeine-free flavours", "cause": "unknown", "use": ["before", "during"], "nutrients": ["sodium"], "reason": "sodium is not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, sodium counted as 0 and the total marked a lower bound; or give sodium in the catalog"}},
                        {"product": "honey-stinger-waffle", "name": "Honey Stinger Organic Waffle (honey)", "cause": "unknown", "use": ["before", "during"], "nutrients": ["carbohydrate", "fluid", "sodium"], "reason": "carbohydrate, fluid and sodium are not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, carbohydrate, fluid and sodium counted as 0 and the total marked a lower bound; or give carbohydrate, fluid and sodium in the catalog"}},
                        {"product": "ph-1000-tablet", "name": "Precision Fuel & Hydration PH 1000 tablet, 1 tablet dissolved in 500 mL water", "cause": "unknown", "use": ["before", "during", "after"], "nutrients": ["carbohydrate"], "reason": "carbohydrate is not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, carbohydrate counted as 0 and the total marked a lower bound; or give carbohydrate in the catalog"}}],
             "warnings": [],
             "catalog": {"name": "default", "version": 1},
             "timeMs": 12}""";

    /** The answer to {"targets": {"sodium": {"min": "3 L"}}, "timeLimitMs": 0, "colour": "red"}. */
    static final String INVALID = """
            {"error": "invalid_request",
             "message": "3 faults in the request: colour, targets.sodium.min, timeLimitMs",
             "details": [{"field": "colour", "message": "unknown field \\"colour\\"; known fields: alternatives, catalog, concentration, description, durationMin, exclude, include, limits, objective, phase, products, require, schedule, solver, targets, timeLimitMs, unknownUnderMax, workout"},
                        {"field": "targets.sodium.min", "message": "\\"3 L\\" is a volume; sodium needs a mass such as \\"3 g\\" or an amount of substance such as \\"3 mmol\\""},
                        {"field": "timeLimitMs", "message": "must be from 1 to 30000, got 0"}]}""";

    static final String NOT_FOUND = """
            {"error": "not_found", "message": "no catalog named \\"trial\\"; send the products inline in \\"products\\", or name a stored catalog such as \\"default\\"",
             "details": [{"field": "catalog", "message": "no catalog named \\"trial\\"; send the products inline in \\"products\\", or name a stored catalog such as \\"default\\""}]}""";

    static final String TOO_LARGE = """
            {"error": "too_large", "message": "the inline catalog holds 5001 products; at most 5000 are accepted",
             "details": [{"field": "products", "message": "the inline catalog holds 5001 products; at most 5000 are accepted"}]}""";

    /** The answer to {"targets": {"sodium": {"min": "3000 mg"}, "fluid": {"max": "500 mL"}}, "limits": {"maxServings": 2}}. */
    static final String INFEASIBLE = """
            {"error": "infeasible",
             "message": "no plan meets every target within the limits: sodium at least 3000 mg, fluid at most 500 mL, at most 2 servings in total cannot hold together",
             "details": [{"field": "targets.sodium.min", "nutrient": "sodium", "required": {"amount": 3000.0, "unit": "mg"}, "reachable": {"amount": 2700.0, "unit": "mg"}, "withinReach": false, "binding": "the max targets on other nutrients, which cap the servings of the richest products", "message": "sodium needs at least 3000 mg; the allowed products reach at most 2700 mg; what binds: the max targets on other nutrients, which cap the servings of the richest products"},
                        {"field": "targets.fluid.max", "nutrient": "fluid", "required": {"amount": 500.0, "unit": "mL"}, "reachable": {"amount": 0.0, "unit": "mL"}, "withinReach": true, "binding": null, "message": "fluid may be at most 500 mL; the allowed products can stay as low as 0 mL, so it is within reach"},
                        {"message": "these targets and limits cannot hold together; each relaxation given below would, on its own, make the request feasible", "complete": true, "conflict": [{"field": "targets.sodium.min", "constraint": "sodium at least 3000 mg", "relaxation": "lower sodium min to 2121 mg", "to": {"amount": 2121.0, "unit": "mg"}}, {"field": "targets.fluid.max", "constraint": "fluid at most 500 mL", "relaxation": "raise fluid max to 946 mL", "to": {"amount": 946.0, "unit": "mL"}}, {"field": "limits.maxServings", "constraint": "at most 2 servings in total", "relaxation": "allow 3 more servings in total", "to": 5}]}],
             "leftOut": [{"product": "gatorade-protein-bar", "name": "Gatorade Whey Protein (Recover) bar", "cause": "unknown", "use": ["after"], "nutrients": ["fluid"], "reason": "fluid is not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, fluid counted as 0 and the total marked a lower bound; or give fluid in the catalog"}},
                        {"product": "honey-stinger-waffle", "name": "Honey Stinger Organic Waffle (honey)", "cause": "unknown", "use": ["before", "during"], "nutrients": ["fluid"], "reason": "fluid is not known for this product, so it cannot be shown to stay under the max", "bringBack": {"field": "unknownUnderMax", "to": "allow", "message": "send \\"unknownUnderMax\\": \\"allow\\" to use it, fluid counted as 0 and the total marked a lower bound; or give fluid in the catalog"}}]}""";

    static final String BUSY = """
            {"error": "busy", "message": "the service is busy: all 2 solvers are busy and 8 requests are waiting; retry in 1 second",
             "details": []}""";

    private PlanExamples() {
    }
}

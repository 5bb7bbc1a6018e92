package nutriplan.api.plans;

/**
 * A small catalog of sports products (drinks, a drink mix, gels, chews, water) with every amount a schedule tracks
 * known, for plans sent with it inline: tests of the intake schedule that do not move when the default catalog does.
 * Round numbers close to real labels: 6 % and 8 % sports drinks, an 80 g mix made up to 500 mL, 22–30 g gels, 24 g and
 * 48 g chews.
 */
final class SportsProducts {

    static final String JSON = """
            [
              {"id": "drink-500", "name": "Sports drink 6 %, 500 mL", "kind": "drink", "use": ["during"], "serving": "500 mL",
               "nutrients": {"carbohydrate": "30 g", "fluid": "500 mL", "sodium": "250 mg", "potassium": "60 mg", "caffeine": "0 mg"},
               "carbohydrateType": "multiple-transportable", "maxServings": 24, "source": "test"},
              {"id": "drink-750", "name": "Sports drink 8 %, 750 mL", "kind": "drink", "use": ["during"], "serving": "750 mL",
               "nutrients": {"carbohydrate": "60 g", "fluid": "750 mL", "sodium": "400 mg", "potassium": "90 mg", "caffeine": "0 mg"},
               "carbohydrateType": "multiple-transportable", "maxServings": 24, "source": "test"},
              {"id": "mix-80", "name": "High-carbohydrate mix, 80 g sachet", "kind": "powder", "use": ["during"], "serving": "85 g",
               "nutrients": {"carbohydrate": "80 g", "fluid": "0 mL", "sodium": "300 mg", "potassium": "0 mg", "caffeine": "0 mg"},
               "preparation": {"water": "500 mL", "unit": "sachet"},
               "carbohydrateType": "multiple-transportable", "maxServings": 24, "source": "test"},
              {"id": "electrolyte-500", "name": "Electrolyte drink, 500 mL", "kind": "drink", "use": ["during"], "serving": "500 mL",
               "nutrients": {"carbohydrate": "0 g", "fluid": "500 mL", "sodium": "500 mg", "potassium": "100 mg", "caffeine": "0 mg"},
               "maxServings": 24, "source": "test"},
              {"id": "water-500", "name": "Water, 500 mL", "kind": "drink", "use": ["during"], "serving": "500 mL",
               "nutrients": {"carbohydrate": "0 g", "fluid": "500 mL", "sodium": "10 mg", "potassium": "0 mg", "caffeine": "0 mg"},
               "maxServings": 24, "source": "test"},
              {"id": "gel-25", "name": "Energy gel, 25 g", "kind": "gel", "use": ["during"], "serving": "40 g",
               "nutrients": {"carbohydrate": "25 g", "fluid": "15 mL", "sodium": "30 mg", "potassium": "20 mg", "caffeine": "0 mg"},
               "carbohydrateType": "multiple-transportable", "maxServings": 24, "source": "test"},
              {"id": "gel-30", "name": "Energy gel, 30 g", "kind": "gel", "use": ["during"], "serving": "50 g",
               "nutrients": {"carbohydrate": "30 g", "fluid": "20 mL", "sodium": "50 mg", "potassium": "0 mg", "caffeine": "0 mg"},
               "carbohydrateType": "multiple-transportable", "maxServings": 24, "source": "test"},
              {"id": "isotonic-gel", "name": "Isotonic gel, 60 mL", "kind": "gel", "use": ["during"], "serving": "60 mL",
               "nutrients": {"carbohydrate": "22 g", "fluid": "40 mL", "sodium": "10 mg", "potassium": "0 mg", "caffeine": "0 mg"},
               "carbohydrateType": "single", "maxServings": 24, "source": "test"},
              {"id": "chews-24", "name": "Energy chews, 4 pieces", "kind": "chew", "use": ["during"], "serving": "30 g",
               "nutrients": {"carbohydrate": "24 g", "fluid": "2 mL", "sodium": "50 mg", "potassium": "20 mg", "caffeine": "0 mg"},
               "carbohydrateType": "multiple-transportable", "maxServings": 24, "source": "test"},
              {"id": "chews-48", "name": "Energy chews, sleeve", "kind": "chew", "use": ["during"], "serving": "60 g",
               "nutrients": {"carbohydrate": "48 g", "fluid": "4 mL", "sodium": "100 mg", "potassium": "40 mg", "caffeine": "0 mg"},
               "carbohydrateType": "multiple-transportable", "maxServings": 24, "source": "test"}
            ]""";

    private SportsProducts() {
    }
}

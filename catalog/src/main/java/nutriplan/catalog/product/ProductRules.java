package nutriplan.catalog.product;

import static nutriplan.catalog.nutrient.Nutrient.CAFFEINE;
import static nutriplan.catalog.nutrient.Nutrient.CARBOHYDRATE;
import static nutriplan.catalog.nutrient.Nutrient.ENERGY;
import static nutriplan.catalog.nutrient.Nutrient.FAT;
import static nutriplan.catalog.nutrient.Nutrient.FLUID;
import static nutriplan.catalog.nutrient.Nutrient.POTASSIUM;
import static nutriplan.catalog.nutrient.Nutrient.PROTEIN;
import static nutriplan.catalog.nutrient.Nutrient.SODIUM;

import java.util.List;

import nutriplan.catalog.json.Findings;
import nutriplan.catalog.nutrient.Dimension;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.nutrient.Quantities;

/**
 * The checks of API.md's {@code check-catalog} on one well-formed product. Errors are faults that
 * make the product wrong; warnings are implausibilities. Real food composition tables round
 * (100.01 g of fat in 100 g of oil) and use their own energy factors: those give warnings only.
 */
public final class ProductRules {

    /** Macronutrients may exceed a mass serving by this much before it is an error, not rounding. */
    static final double ROUNDING_GRAMS = 0.5;
    static final double ROUNDING_SHARE = 0.02;
    /** Energy is flagged when it is both this share and this many kcal away from the Atwater estimate. */
    static final double ENERGY_SHARE = 0.15;
    static final double ENERGY_KCAL = 20;
    static final double HIGH_ELECTROLYTE_MG = 2000;
    static final double HIGH_CAFFEINE_MG = 400;

    /** Pairs of tags that cannot both be true of one product. */
    private static final List<List<String>> CONTRADICTIONS = List.of(
            List.of("vegan", "dairy"), List.of("vegan", "egg"));

    private ProductRules() {
    }

    /** Reports every rule the product breaks to {@code findings}, scoped to the product. */
    public static void check(Product product, Findings findings) {
        checkFluidWithinServing(product, findings);
        checkMacronutrientsWithinServing(product, findings);
        checkWaterAndMacronutrientsWithinServing(product, findings);
        checkDrinkSuppliesFluid(product, findings);
        checkTags(product, findings);
        checkEnergyMatchesMacronutrients(product, findings);
        checkElectrolytesPlausible(product, findings);
        checkCaffeinePlausible(product, findings);
        checkSourceGiven(product, findings);
    }

    private static void checkFluidWithinServing(Product product, Findings findings) {
        var serving = product.serving();
        if (serving.dimension() == Dimension.VOLUME && product.amount(FLUID) > serving.value() * (1 + 1e-9)) {
            findings.error("nutrients.fluid", "supplies " + ProductJson.format(product.amount(FLUID), FLUID)
                    + " of water, more than the serving of " + serving + "; fluid is the water one serving supplies");
        }
    }

    private static void checkMacronutrientsWithinServing(Product product, Findings findings) {
        var serving = product.serving();
        if (serving.dimension() != Dimension.MASS) {
            return;
        }
        double macronutrients = product.amount(CARBOHYDRATE) + product.amount(PROTEIN) + product.amount(FAT);
        double excess = macronutrients - serving.value();
        if (excess <= 1e-9) {
            return;
        }
        var message = "carbohydrate + protein + fat = " + grams(macronutrients) + ", more than the serving of " + serving;
        if (excess > ROUNDING_GRAMS + ROUNDING_SHARE * serving.value()) {
            findings.error("nutrients", message);
        } else {
            findings.warning("nutrients", message + " (within rounding)");
        }
    }

    private static void checkWaterAndMacronutrientsWithinServing(Product product, Findings findings) {
        var serving = product.serving();
        if (serving.dimension() != Dimension.MASS) {
            return;
        }
        // 1 mL of water weighs about 1 g; ash, fibre and alcohol are not counted, so this can only understate.
        double macronutrients = product.amount(CARBOHYDRATE) + product.amount(PROTEIN) + product.amount(FAT);
        double known = product.amount(FLUID) + macronutrients;
        if (macronutrients <= serving.value() && known > serving.value() * 1.1 + 1) {
            findings.warning("nutrients", "water + carbohydrate + protein + fat = " + grams(known)
                    + ", well above the serving of " + serving);
        }
    }

    private static void checkDrinkSuppliesFluid(Product product, Findings findings) {
        if (product.kind() == Kind.DRINK && !(product.amount(FLUID) > 0)) {
            findings.error("nutrients.fluid", "a drink must supply fluid: give the water one serving supplies, such as \"500 mL\"");
        }
    }

    private static void checkTags(Product product, Findings findings) {
        for (var tag : product.tags()) {
            if (product.hasTag(tag + "-free")) {
                findings.error("tags", "\"" + tag + "\" and \"" + tag + "-free\" contradict each other");
            }
        }
        for (var pair : CONTRADICTIONS) {
            if (product.hasTag(pair.get(0)) && product.hasTag(pair.get(1))) {
                findings.error("tags", "\"" + pair.get(0) + "\" and \"" + pair.get(1) + "\" contradict each other");
            }
        }
        if (product.hasTag("caffeine-free") && product.amount(CAFFEINE) > 0) {
            findings.error("tags", "tagged \"caffeine-free\" but has " + ProductJson.format(product.amount(CAFFEINE), CAFFEINE) + " of caffeine");
        }
        if (product.hasTag("caffeine") && !product.nutrients().containsKey(CAFFEINE)) {
            findings.warning("nutrients.caffeine", "tagged \"caffeine\" but gives no caffeine amount; give it, or null when not known");
        }
    }

    private static void checkEnergyMatchesMacronutrients(Product product, Findings findings) {
        List<Nutrient> needed = List.of(ENERGY, CARBOHYDRATE, PROTEIN, FAT);
        if (needed.stream().anyMatch(product::isUnknown)) {
            return;
        }
        double atwater = 4 * product.amount(CARBOHYDRATE) + 4 * product.amount(PROTEIN) + 9 * product.amount(FAT);
        double energy = product.amount(ENERGY);
        double difference = Math.abs(energy - atwater);
        if (difference > ENERGY_KCAL && difference > ENERGY_SHARE * Math.max(energy, atwater)) {
            findings.warning("nutrients.energy", Quantities.format(round(energy)) + " kcal is far from 4·carbohydrate + 4·protein + 9·fat = "
                    + Quantities.format(round(atwater)) + " kcal");
        }
    }

    private static void checkElectrolytesPlausible(Product product, Findings findings) {
        for (var nutrient : List.of(SODIUM, POTASSIUM)) {
            if (product.amount(nutrient) > HIGH_ELECTROLYTE_MG) {
                findings.warning("nutrients." + nutrient.jsonName(), ProductJson.format(product.amount(nutrient), nutrient)
                        + " in one serving is unusually high (above " + Quantities.format(HIGH_ELECTROLYTE_MG) + " mg)");
            }
        }
    }

    private static void checkCaffeinePlausible(Product product, Findings findings) {
        if (product.amount(CAFFEINE) > HIGH_CAFFEINE_MG) {
            findings.warning("nutrients.caffeine", ProductJson.format(product.amount(CAFFEINE), CAFFEINE)
                    + " in one serving is above the 400 mg a day EFSA considers safe for adults");
        }
    }

    private static void checkSourceGiven(Product product, Findings findings) {
        if (product.source() == null || product.source().isBlank()) {
            findings.warning("source", "no source: say where the numbers come from (label, USDA FoodData Central id, or the page)");
        }
    }

    private static String grams(double value) {
        return Quantities.format(round(value)) + " g";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

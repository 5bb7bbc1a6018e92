package nutriplan.catalog.product;

import static nutriplan.catalog.nutrient.Nutrient.CAFFEINE;
import static nutriplan.catalog.nutrient.Nutrient.CARBOHYDRATE;
import static nutriplan.catalog.nutrient.Nutrient.ENERGY;
import static nutriplan.catalog.nutrient.Nutrient.FAT;
import static nutriplan.catalog.nutrient.Nutrient.FLUID;
import static nutriplan.catalog.nutrient.Nutrient.POTASSIUM;
import static nutriplan.catalog.nutrient.Nutrient.PROTEIN;
import static nutriplan.catalog.nutrient.Nutrient.SODIUM;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    /** Kinds taken mixed into water or dry, never as they are: they must give a preparation. */
    static final Set<Kind> TAKEN_PREPARED = EnumSet.of(Kind.POWDER, Kind.SUPPLEMENT);
    /** A listed fluid at least this share of the preparation's water most likely includes that water already. */
    static final double PREPARED_FLUID_SHARE = 0.5;

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
        checkPreparationGiven(product, findings);
        checkPreparationMatchesFluid(product, findings);
        checkCarbohydrateType(product, findings);
        checkUseGiven(product, findings);
    }

    private static void checkFluidWithinServing(Product product, Findings findings) {
        var serving = product.serving();
        if (serving.dimension() == Dimension.VOLUME && product.listed(FLUID) > serving.value() * (1 + 1e-9)) {
            findings.error("nutrients.fluid", "supplies " + ProductJson.format(product.listed(FLUID), FLUID)
                    + " of water, more than the serving of " + serving + "; fluid is the water one serving supplies");
        }
    }

    private static void checkMacronutrientsWithinServing(Product product, Findings findings) {
        var serving = product.serving();
        if (serving.dimension() != Dimension.MASS) {
            return;
        }
        double macronutrients = product.listed(CARBOHYDRATE) + product.listed(PROTEIN) + product.listed(FAT);
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
        double macronutrients = product.listed(CARBOHYDRATE) + product.listed(PROTEIN) + product.listed(FAT);
        double known = product.listed(FLUID) + macronutrients;
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
        if (product.hasTag("caffeine-free") && product.listed(CAFFEINE) > 0) {
            findings.error("tags", "tagged \"caffeine-free\" but has " + ProductJson.format(product.listed(CAFFEINE), CAFFEINE) + " of caffeine");
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
        double atwater = 4 * product.listed(CARBOHYDRATE) + 4 * product.listed(PROTEIN) + 9 * product.listed(FAT);
        double energy = product.listed(ENERGY);
        double difference = Math.abs(energy - atwater);
        if (difference > ENERGY_KCAL && difference > ENERGY_SHARE * Math.max(energy, atwater)) {
            findings.warning("nutrients.energy", Quantities.format(round(energy)) + " kcal is far from 4·carbohydrate + 4·protein + 9·fat = "
                    + Quantities.format(round(atwater)) + " kcal");
        }
    }

    private static void checkElectrolytesPlausible(Product product, Findings findings) {
        for (var nutrient : List.of(SODIUM, POTASSIUM)) {
            if (product.listed(nutrient) > HIGH_ELECTROLYTE_MG) {
                findings.warning("nutrients." + nutrient.jsonName(), ProductJson.format(product.listed(nutrient), nutrient)
                        + " in one serving is unusually high (above " + Quantities.format(HIGH_ELECTROLYTE_MG) + " mg)");
            }
        }
    }

    private static void checkCaffeinePlausible(Product product, Findings findings) {
        if (product.listed(CAFFEINE) > HIGH_CAFFEINE_MG) {
            findings.warning("nutrients.caffeine", ProductJson.format(product.listed(CAFFEINE), CAFFEINE)
                    + " in one serving is above the 400 mg a day EFSA considers safe for adults");
        }
    }

    private static void checkSourceGiven(Product product, Findings findings) {
        if (product.source() == null || product.source().isBlank()) {
            findings.warning("source", "no source: say where the numbers come from (label, USDA FoodData Central id, or the page)");
        }
    }

    /**
     * A powder, tablet or capsule is taken mixed into water or dry, and only the label says which: without it the
     * planner would count a scoop of drink powder as 0 mL of fluid where the athlete drinks 355 mL.
     */
    private static void checkPreparationGiven(Product product, Findings findings) {
        if (TAKEN_PREPARED.contains(product.kind()) && product.preparation() == null) {
            findings.error("preparation", "a " + product.kind() + " must say how it is taken: the water one serving is"
                    + " mixed into, from the label's directions, such as {\"water\": \"355 mL\", \"unit\": \"scoop\"},"
                    + " or {\"dry\": true} when it is taken without water");
        }
    }

    /**
     * The preparation's water is added to the listed fluid, so a listed fluid that already holds it counts it
     * twice; and a drink is never taken dry.
     */
    private static void checkPreparationMatchesFluid(Product product, Findings findings) {
        var preparation = product.preparation();
        if (preparation == null) {
            return;
        }
        if (preparation.isDry() && product.kind() == Kind.DRINK) {
            findings.error("preparation.dry", "a drink is not taken dry; a drink mixed from a powder gives its water as"
                    + " \"water\", or lists the mixed drink's fluid and no preparation");
        }
        double listed = product.listed(FLUID);
        if (!preparation.isDry() && listed >= PREPARED_FLUID_SHARE * preparation.water()) {
            findings.warning("nutrients.fluid", ProductJson.format(listed, FLUID) + " of fluid besides the "
                    + ProductJson.format(preparation.water(), FLUID) + " of water it is mixed into: the planner counts "
                    + ProductJson.format(product.amount(FLUID), FLUID) + "; fluid is the water the serving itself supplies"
                    + " (0 mL for a powder), and the preparation's water is added to it");
        }
    }

    /**
     * A branded product that supplies carbohydrate says what it is made of (a glucose or maltodextrin + fructose
     * blend, a single source, or null when the maker does not say), because how much an hour is tolerable depends
     * on it; a product without carbohydrate has no type.
     */
    private static void checkCarbohydrateType(Product product, Findings findings) {
        var type = product.carbohydrateType();
        boolean carbohydrate = product.listed(CARBOHYDRATE) > 0 || product.isUnknown(CARBOHYDRATE);
        if (type != null && type != CarbohydrateType.UNKNOWN && !carbohydrate) {
            findings.error("carbohydrateType", "is \"" + type.jsonName() + "\" but the product lists no carbohydrate");
        }
        if (type == null && carbohydrate && isSportsProduct(product)) {
            findings.warning("carbohydrateType", "a sports product gives its carbohydrate type from the label or the"
                    + " maker: \"multiple-transportable\" (glucose or maltodextrin with fructose), \"single\", or null"
                    + " when the maker does not say (and the source says so)");
        }
    }

    /**
     * A plan for a session uses only products the catalog says are fit for it, so a product that does not say when
     * it is taken is never planned during a session.
     */
    private static void checkUseGiven(Product product, Findings findings) {
        if (product.use() == null) {
            findings.warning("use", "does not say when the product is taken, so no plan for a phase uses it: give"
                    + " \"use\", such as [\"during\"] for a gel or [\"before\", \"after\"] for cooked rice");
        }
    }

    /** A branded product that is not an everyday food. */
    static boolean isSportsProduct(Product product) {
        return product.brand() != null && product.kind() != Kind.FOOD;
    }

    private static String grams(double value) {
        return Quantities.format(round(value)) + " g";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

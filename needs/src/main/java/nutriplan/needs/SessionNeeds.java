package nutriplan.needs;

import static nutriplan.needs.NeedsRules.n;

import java.util.ArrayList;
import java.util.List;

/** Applies the rules of {@link NeedsRules} to a workout, in the order of the guidelines, and says why. */
public final class SessionNeeds {

    private SessionNeeds() {
    }

    /**
     * The needs of a session.
     *
     * @throws InvalidWorkoutException when an input is out of the range any rule covers (guidelines §2)
     */
    public static Needs of(Workout w) {
        var rejects = NeedsRules.rejects(w);
        if (!rejects.isEmpty()) {
            throw new InvalidWorkoutException(rejects);
        }
        var assumed = new ArrayList<Assumption>();
        var rationale = new ArrayList<Rationale>();
        double hours = w.hours();

        double sweatRate = sweatRate(w, assumed, rationale);
        double sweatNa = w.sweatSodiumMgPerL() != null ? w.sweatSodiumMgPerL() : NeedsRules.DEFAULT_SWEAT_SODIUM_MG_PER_L;
        if (w.sweatSodiumMgPerL() == null) {
            assumed.add(new Assumption("sweatSodium", "825.3 mg/L (35.9 mmol/L)", "BAK16 [B]: mean predicted whole-body value"
                    + " of 506 athletes; forearm patches read higher (42.9 ± 18.7 mmol/L, LARA16)",
                    "±1 SD (586–1064 mg/L) moves the sodium loss by ±" + n(NeedsRules.SWEAT_SODIUM_SD_MG_PER_L * sweatRate * hours) + " mg"));
        }
        if (w.intensity() == null) {
            assumed.add(new Assumption("intensity", "moderate", "API.md", "low would lower the carbohydrate maximum to the band's midpoint"));
        }
        assumed.add(new Assumption("sweatPotassium", "195.5 mg/L (5 mmol/L)", "IOM05; LARA16 [B]",
                "±1 SD (0.9 mmol/L) moves the potassium loss by ±" + n(0.9 * 39.10 * sweatRate * hours) + " mg"));

        double tolerance = carbTolerance(w, assumed);
        var choPerHour = NeedsRules.carbohydratePerHour(w, tolerance);
        var carbohydrate = new Range("carbohydrate", choPerHour[0] * hours, choPerHour[1] * hours, "g");
        boolean multiple = choPerHour[1] > Needs.SINGLE_SOURCE_G_PER_H;
        rationale.add(new Rationale("carbohydrate", "R-CHO-DURING", carbohydrateArithmetic(w, choPerHour, tolerance, multiple),
                List.of("ACSM16 [B] (table via AIS-GEL)", "BUR11 [A]", "JEU14 [A]", "WAL22 [B]")));

        var fluidL = NeedsRules.fluid(w, sweatRate);
        double lossL = sweatRate * hours;
        var warnings = new ArrayList<>(NeedsRules.warnings(w, sweatRate));
        double deficitPct = (lossL - fluidL[1]) / w.bodyMassKg() * 100;
        if (lossL - 0.02 * w.bodyMassKg() > fluidL[1]) {
            warnings.add(new Fault("fluid", "projected deficit " + n(deficitPct) + " % of body mass: the sweat loss ("
                    + n(lossL) + " L) is more than 2 % of body mass above the most that is safe to plan (" + n(fluidL[1]) + " L)"));
        }
        var fluid = new Range("fluid", fluidL[0] * 1000, fluidL[1] * 1000, "mL");
        rationale.add(new Rationale("fluid", "R-FLUID-DURING", "loss " + n(sweatRate) + " L/h × " + n(hours) + " h = " + n(lossL)
                + " L; allowance 2 % × " + n(w.bodyMassKg()) + " kg = " + n(0.02 * w.bodyMassKg()) + " L; min = max(0, loss −"
                + " allowance) = " + n(Math.max(0, lossL - 0.02 * w.bodyMassKg())) + " L; max = min(loss, 1 L/h × h) = "
                + n(fluidL[1]) + " L. Sources disagree: 2–3 % is tolerable [JEU11], 2 % matters mainly above 30 °C [COY04],"
                + " thirst should lead [HB15]",
                List.of("ACSM07 [A]", "NATA17 [A]", "KEN18 [A]", "HB15 [A]"), fluidSteps(w, sweatRate, fluidL)));

        var sodiumMg = NeedsRules.sodium(w, lossL, fluidL, sweatNa);
        double lossNa = lossL * sweatNa;
        boolean required = NeedsRules.sodiumRequired(w, lossNa);
        var sodium = new Range("sodium", sodiumMg[0], sodiumMg[1], "mg");
        rationale.add(new Rationale("sodium", "R-NA-DURING", "loss " + n(lossL) + " L × " + n(sweatNa) + " mg/L = " + n(lossNa)
                + " mg; " + (required ? "required (over 120 min or over 3000 mg): min = " + n(fluidL[0]) + " L × 400 mg/L, max"
                + " = min(" + n(fluidL[1]) + " L × 1100 mg/L, loss)" : "optional (120 min or less and under 3000 mg): 0 up to"
                + " the loss") + ". Sources disagree on drink sodium: 20–30 mmol/L [ACSM07], 30–50 mmol/L [JEU05], 400–1100"
                + " mg/L [DGE20]; sodium never justifies more fluid [HB15]",
                List.of("COY04 [B]", "DGE20 [A]", "ACSM07 [B] (via CLARK)", "JEU05 [B]")));

        var potassiumMg = NeedsRules.potassium(required, lossL, fluidL);
        var potassium = new Range("potassium", potassiumMg[0], potassiumMg[1], "mg");
        rationale.add(new Rationale("potassium", "R-K-DURING", "loss " + n(lossL) + " L × 195.5 mg/L = "
                + n(lossL * NeedsRules.DEFAULT_SWEAT_POTASSIUM_MG_PER_L) + " mg; " + (required ? "with sodium required, "
                + n(fluidL[0]) + " L × 78.2 to " + n(fluidL[1]) + " L × 195.5 mg/L, never above the loss" : "0 up to the loss"),
                List.of("ACSM07 [B] (via CLARK)", "IOM05 [B]", "LARA16 [B]")));

        var targets = new ArrayList<>(List.of(carbohydrate, fluid, sodium, potassium));
        var caffeine = NeedsRules.caffeine(w);
        if (w.caffeineMgPerKg() != null) {
            targets.add(new Range("caffeine", 0, caffeine[0], "mg"));
            rationale.add(new Rationale("caffeine", "R-CAFFEINE", n(w.caffeineMgPerKg()) + " mg/kg × " + n(w.bodyMassKg())
                    + " kg = " + n(caffeine[0]) + " mg, in doses of at most 200 mg, the first ~60 min before the start. Sources"
                    + " disagree: 3–6 mg/kg is ergogenic [ISSN21], ≤ 200 mg per dose raises no concern [EFSA15]",
                    List.of("ISSN21 [A]", "EFSA15 [A]", "IOC18 [B]", "AIS-CAF [A]")));
            caffeineWarnings(caffeine, warnings);
        }

        var recovery = List.<Range>of();
        if (w.recoveryH() != null) {
            double deficitL = w.weighIn() != null ? w.weighIn().beforeKg() - w.weighIn().afterKg() : lossL - fluidL[1];
            recovery = NeedsRules.recovery(w, deficitL);
            rationale.add(new Rationale("recovery", "R-RECOVERY", "protein 0.25–0.30 g/kg × " + n(w.bodyMassKg()) + " kg;"
                    + " carbohydrate 1.0–1.2 g/kg/h for 4 h only when the next session is under 8 h away; fluid 1.5 × the deficit"
                    + " of " + n(Math.max(0, deficitL)) + " L (the often quoted 1.25 lower bound is not verified). Sources"
                    + " disagree on protein: 0.25 g/kg or 20–40 g [ISSN17], ~0.3 g/kg [ACSM16][MOO19]",
                    List.of("ISSN17 [A]", "MOO19 [B]", "WAL22 [B]", "DGE20 [A]", "JEU05 [A]")));
            double protein = recovery.get(0).min();
            if (protein < 20 || recovery.get(0).max() > 40) {
                warnings.add(new Fault("recovery", "protein " + n(protein) + "–" + n(recovery.get(0).max())
                        + " g is outside the 20–40 g per serving of [ISSN17]"));
            }
        }

        var concentration = NeedsRules.concentration(carbohydrate.min(), fluidL[1]);
        rationale.add(new Rationale("concentration", "R-CONCENTRATION", concentrationArithmetic(carbohydrate.min(),
                fluidL[1], concentration), List.of("DGE20 [A]", "ISSN08 [A]", "MUR99 [B]", "OLI14 [B]", "MCC20 [B]",
                "GU-VP [B]")));
        concentrationWarnings(carbohydrate.min(), concentration, warnings);

        var plannable = new ArrayList<>(targets.stream().map(NeedsRules::plannable).toList());
        if (concentration[1] < carbohydrate.min()) {
            // The most concentrated intake allowed cannot carry the band's minimum in the fluid that is safe: less is planned.
            plannable.replaceAll(range -> range.nutrient().equals("carbohydrate")
                    ? new Range("carbohydrate", Math.min(range.min(), concentration[1]), range.max(), range.unit()) : range);
        }
        if (multiple) {
            // Above 60 g/h the plan must take the rest from multiple transportable carbohydrates (§5).
            plannable.add(new Range(Needs.SINGLE_SOURCE_CARBOHYDRATE, 0, Needs.SINGLE_SOURCE_G_PER_H * hours, "g"));
        }
        if (w.caffeineMgPerKg() == null) {
            plannable.add(new Range("caffeine", 0, 0, "mg"));
            rationale.add(new Rationale("caffeine", "R-CAFFEINE", "caffeine is opt-in and none was asked for: at most 0 mg;"
                    + " a product whose caffeine is not known is left out of the plan", List.of("AIS-CAF [A]")));
        }
        var safety = new Safety(fluidL[1] / hours * 1000, sodiumMg[1] / hours, caffeine[0], caffeine[1], concentration[0],
                NeedsRules.SLOT_G_PER_L, confidence(w));
        return new Needs(w.durationMin(), tolerance, multiple, targets, plannable, recovery, rationale, assumed, warnings, safety);
    }

    /**
     * The fluid target's way from the sweat loss to the plannable range, one rule a step (a schedule adds its own step
     * when it plans less, in the plan's answer).
     */
    private static List<Rationale.Step> fluidSteps(Workout w, double sweatRate, double[] fluidL) {
        double lossMl = sweatRate * w.hours() * 1000;
        double allowMl = 0.02 * w.bodyMassKg() * 1000;
        double capMl = NeedsRules.FLUID_CAP_L_PER_H * w.hours() * 1000;
        var steps = new ArrayList<Rationale.Step>();
        steps.add(new Rationale.Step("sweat loss: " + n(sweatRate) + " L/h × " + n(w.hours()) + " h", Double.NaN, lossMl,
                "mL", "R-FLUID-DURING"));
        steps.add(new Rationale.Step("to drink: at least the loss less 2 % of body mass (" + n(allowMl) + " mL), at most"
                + " the loss", Math.max(0, lossMl - allowMl), lossMl, "mL", "R-FLUID-DURING [ACSM07][NATA17]"));
        if (capMl < lossMl) {
            steps.add(new Rationale.Step("ceiling: at most 1 L per hour × " + n(w.hours()) + " h" + (lossMl - allowMl > capMl
                    ? "; the min above it is lowered to it (a projected deficit)" : ""), Math.min(Math.max(0, lossMl - allowMl),
                    capMl), capMl, "mL", "R-FLUID-DURING (API ceiling) [LAM08][DAR00]"));
        }
        var plannable = NeedsRules.plannable(new Range("fluid", fluidL[0] * 1000, fluidL[1] * 1000, "mL"));
        if (plannable.min() < fluidL[0] * 1000 - 1e-9) {
            steps.add(new Rationale.Step("plannable: the min lowered to 95 % of the max, so that whole servings can meet it",
                    plannable.min(), plannable.max(), "mL", "plannable range [C]"));
        }
        return steps;
    }

    private static String concentrationArithmetic(double carbMinG, double fluidMaxL, double[] concentration) {
        return "carbohydrate min " + n(carbMinG) + " g ÷ (" + n(NeedsRules.CONCENTRATION_HEADROOM * 100) + " % of the "
                + n(fluidMaxL) + " L of fluid that is safe) = " + n(carbMinG / (NeedsRules.CONCENTRATION_HEADROOM * fluidMaxL))
                + " g/L; the plan may hold at most " + n(concentration[0]) + " g of carbohydrate per litre of its fluid"
                + (concentration[0] <= NeedsRules.DRINK_G_PER_L ? " (8 %, the top of what is advised for drinks)"
                : " (raised from 8 % in 1 % steps so that the safe fluid can carry the minimum; fluid is never raised for it)")
                + ", and at any one moment at least 4 mL of fluid per g (" + n(NeedsRules.SLOT_G_PER_L) + " g/L: a gel is"
                + " taken with a sip). Sources disagree: 4–8 % [DGE20], 6–8 % [ISSN08], glucose + fructose 8–10 % [OLI14];"
                + " no position stand gives a limit for a session's whole intake";
    }

    private static void concentrationWarnings(double carbMinG, double[] concentration, List<Fault> warnings) {
        if (concentration[0] > NeedsRules.DRINK_G_PER_L) {
            warnings.add(new Fault("concentration", "carbohydrate is planned at up to " + n(concentration[0]) + " g per litre"
                    + " of fluid, above the 8 % advised for drinks [DGE20][ISSN08]: the fluid that is safe to drink cannot"
                    + " carry the carbohydrate minimum more dilute; glucose + fructose products tolerate 8–10 % [OLI14]"
                    + (concentration[0] > NeedsRules.LIKELY_GI_G_PER_L
                    ? ", and at 16 % GI symptoms were common [MCC20]: practise it in training" : "")));
        }
        if (concentration[1] < carbMinG - 1e-9) {
            warnings.add(new Fault("carbohydrate", "the carbohydrate min is lowered from " + n(carbMinG) + " to "
                    + n(concentration[1]) + " g: at " + n(NeedsRules.MOST_G_PER_L) + " g/L, the most concentrated intake any"
                    + " trial gave [MCC20][SAU22], the fluid that is safe to drink carries no more"));
        }
    }

    private static double sweatRate(Workout w, List<Assumption> assumed, List<Rationale> rationale) {
        if (w.sweatRateLPerH() != null) {
            return w.sweatRateLPerH();
        }
        if (w.weighIn() != null) {
            var weighIn = w.weighIn();
            double rate = NeedsRules.sweatRate(weighIn);
            rationale.add(new Rationale("sweatRate", "R-SWEAT-RATE", "(" + n(weighIn.beforeKg()) + " − " + n(weighIn.afterKg())
                    + " kg + " + n(weighIn.drankL()) + " L − " + n(weighIn.urineL()) + " L urine) / " + n(weighIn.durationMin() / 60)
                    + " h = " + n(rate) + " L/h; mass loss " + n(NeedsRules.massLossPercent(weighIn)) + " %",
                    List.of("NATA17 [A]", "AIS-HYD [B]", "BAK17 [B]")));
            return rate;
        }
        assumed.add(new Assumption("sweatRate", "1.21 L/h", "BAK16 [B] (506 athletes; no default by intensity or heat exists)",
                "±1 SD (0.68 L/h) moves the sweat loss by ±" + n(NeedsRules.SWEAT_RATE_SD_L_PER_H * w.hours() * 1000) + " mL"));
        return NeedsRules.DEFAULT_SWEAT_RATE_L_PER_H;
    }

    /** R-DEFAULTS: without a tolerance, 90 g/h (multiple transportable products may be used) [JEU14] [A]. */
    private static double carbTolerance(Workout w, List<Assumption> assumed) {
        if (w.carbToleranceGPerH() != null) {
            return Math.min(w.carbToleranceGPerH(), 120);
        }
        assumed.add(new Assumption("carbTolerance", "90 g/h", "JEU14 [A]: about 90 g/h with glucose + fructose; 60 g/h from a"
                + " single sugar", "60 g/h would lower a carbohydrate maximum above 60 g/h to 60 g/h"));
        return 90;
    }

    private static String carbohydrateArithmetic(Workout w, double[] perHour, double tolerance, boolean multiple) {
        double d = w.durationMin();
        var band = d < 45 ? "under 45 min: not needed" : d < 75 ? "45–75 min: small amounts or a mouth rinse (mouthRinse: true;"
                + " no source gives grams, 30 g/h is a convention)" : d <= 150 ? "75–150 min: 30–60 g/h" : "over 150 min: 60–90 g/h";
        return band + "; tolerance " + n(tolerance) + " g/h; " + n(perHour[0]) + "–" + n(perHour[1]) + " g/h × " + n(w.hours())
                + " h" + (multiple ? "; above 60 g/h from multiple transportable carbohydrates (glucose/maltodextrin +"
                + " fructose): single-source carbohydrate at most 60 g/h × h = " + n(60 * w.hours()) + " g" : "")
                + ". Sources disagree: ~60 g/h for 2–3 h [JEU14], 30–90 g/h beyond 1 h [WAL22]";
    }

    private static void caffeineWarnings(double[] caffeine, List<Fault> warnings) {
        if (caffeine[0] > Safety.CAFFEINE_SINGLE_DOSE_MG) {
            warnings.add(new Fault("caffeine", n(caffeine[0]) + " mg is above EFSA's 200 mg single dose [EFSA15]: take it in "
                    + (int) Math.ceil(caffeine[0] / Safety.CAFFEINE_SINGLE_DOSE_MG) + " doses of at most 200 mg"));
        }
        if (caffeine[0] > Safety.CAFFEINE_DAY_MG) {
            warnings.add(new Fault("caffeine", n(caffeine[0]) + " mg is above EFSA's 400 mg a day [EFSA15]"));
        }
    }

    private static String confidence(Workout w) {
        var measured = new ArrayList<String>();
        var assumed = new ArrayList<String>();
        (w.sweatRateLPerH() != null || w.weighIn() != null ? measured : assumed).add("sweat rate");
        (w.sweatSodiumMgPerL() != null ? measured : assumed).add("sweat sodium");
        assumed.add("sweat potassium");
        return "measured: " + (measured.isEmpty() ? "nothing" : String.join(", ", measured)) + "; assumed: "
                + String.join(", ", assumed);
    }
}

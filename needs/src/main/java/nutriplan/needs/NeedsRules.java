package nutriplan.needs;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the sports-nutrition guidelines (shared/guidelines.md), one method per {@code R-…} block, each
 * naming its sources. Inputs are canonical numbers (kg, L, min, mg/L, °C); targets come out in g, mL and mg.
 */
public final class NeedsRules {

    /** R-CONV: molar mass of sodium, g/mol = mg/mmol (standard atomic weight). */
    public static final double SODIUM_MG_PER_MMOL = 22.99;
    /** R-DEFAULTS: mean predicted whole-body sweat sodium of 506 athletes, 35.9 ± 10.4 mmol/L [BAK16] [B]. */
    static final double DEFAULT_SWEAT_SODIUM_MG_PER_L = 35.9 * SODIUM_MG_PER_MMOL;
    static final double SWEAT_SODIUM_SD_MG_PER_L = 239;
    /** R-DEFAULTS: 5 mmol/L × 39.10 [IOM05][LARA16] [B]. */
    static final double DEFAULT_SWEAT_POTASSIUM_MG_PER_L = 195.5;
    /** R-DEFAULTS: 1.21 ± 0.68 L/h, 506 athletes [BAK16][BAR19] [B]. */
    static final double DEFAULT_SWEAT_RATE_L_PER_H = 1.21;
    static final double SWEAT_RATE_SD_L_PER_H = 0.68;
    /** API.md contract: at most 1 L of fluid per hour is planned. */
    static final double FLUID_CAP_L_PER_H = 1.0;
    /** R-CONCENTRATION: 8 %, the top of the ranges for what is drunk [DGE20][ISSN08] [A]. */
    public static final double DRINK_G_PER_L = 80;
    /** R-CONCENTRATION: 16 %, the most a trial gave during exercise, GI symptoms in every runner [MCC20] [B]. */
    public static final double MOST_G_PER_L = 160;
    /** R-CONCENTRATION: above 12 % GI symptoms are likely [MCC20] [B]; the answer warns. */
    static final double LIKELY_GI_G_PER_L = 120;
    /** R-CONCENTRATION: the limit is raised in steps of 1 %. */
    static final double CONCENTRATION_STEP_G_PER_L = 10;
    /** R-CONCENTRATION: the share of the safe fluid the limit counts on, so that whole servings can meet it [C]. */
    static final double CONCENTRATION_HEADROOM = 0.8;
    /**
     * R-CONCENTRATION, per schedule slot: at least 4 mL of fluid per g of carbohydrate taken at one moment (a 25 g gel
     * chased with 100 mL of water, as GU's head of research advises [GU-VP] [B]), 250 g/L.
     */
    public static final double SLOT_G_PER_L = 250;
    /** A point target is widened to this share of its capped value so that whole servings can meet it [C]. */
    static final double PLANNABLE_SHARE = 0.95;

    private NeedsRules() {
    }

    /**
     * R-VALIDATE (guidelines §2): the faults that reject the workout; empty when it may be planned.
     * Cut-offs [C], resting on the ranges observed in [BAK16][LARA16][ACSM16][ISSN21][NATA17].
     */
    public static List<Fault> rejects(Workout w) {
        var faults = new ArrayList<Fault>();
        if (!(w.durationMin() > 0) || w.durationMin() > 1440) {
            faults.add(new Fault("durationMin", "must be above 0 and at most 1440 minutes (a day), got " + n(w.durationMin())));
        }
        if (!(w.bodyMassKg() > 20) || w.bodyMassKg() > 300) {
            faults.add(new Fault("bodyMass", "must be above 20 kg and at most 300 kg, got " + n(w.bodyMassKg()) + " kg"));
        }
        if (w.sweatRateLPerH() != null && (!(w.sweatRateLPerH() > 0) || w.sweatRateLPerH() > 6.0)) {
            faults.add(new Fault("sweatRate", "must be above 0 and at most 6 L/h (the highest observed is 5.73 L/h),"
                    + " got " + n(w.sweatRateLPerH()) + " L/h"));
        }
        var sodium = w.sweatSodiumMgPerL();
        if (sodium != null && (sodium < 5 * SODIUM_MG_PER_MMOL || sodium > 150 * SODIUM_MG_PER_MMOL)) {
            faults.add(new Fault("sweatSodium", "must be 5 to 150 mmol/L (115 to 3449 mg/L), got " + n(sodium) + " mg/L ("
                    + n(sodium / SODIUM_MG_PER_MMOL) + " mmol/L); sweat is hypotonic to plasma. Maybe a value in mg/L"
                    + " was written with mmol/L?"));
        }
        if (w.temperatureC() != null && (w.temperatureC() < -40 || w.temperatureC() > 60)) {
            faults.add(new Fault("temperature", "must be −40 to 60 °C, got " + n(w.temperatureC()) + " °C"));
        }
        if (w.carbToleranceGPerH() != null && (w.carbToleranceGPerH() < 0 || w.carbToleranceGPerH() > 150)) {
            faults.add(new Fault("carbTolerance", "must be 0 to 150 g/h, got " + n(w.carbToleranceGPerH()) + " g/h"));
        }
        if (w.caffeineMgPerKg() != null && (w.caffeineMgPerKg() < 0 || w.caffeineMgPerKg() >= 9)) {
            faults.add(new Fault("caffeine", "must be at least 0 and below 9 mg/kg (frequent side effects, [ISSN21]),"
                    + " got " + n(w.caffeineMgPerKg()) + " mg/kg"));
        }
        if (w.recoveryH() != null && !(w.recoveryH() >= 0)) {
            faults.add(new Fault("recovery", "must be the hours until the next demanding session (0 or more), got "
                    + n(w.recoveryH())));
        }
        var weighIn = w.weighIn();
        if (weighIn != null) {
            if (!(weighIn.durationMin() > 0)) {
                faults.add(new Fault("weighIn.durationMin", "must be above 0 minutes, got " + n(weighIn.durationMin())));
            } else if (weighIn.afterKg() > weighIn.beforeKg() + weighIn.drankL()) {
                faults.add(new Fault("weighIn.after", "is " + n(weighIn.afterKg()) + " kg, more than before ("
                        + n(weighIn.beforeKg()) + " kg) plus what was drunk (" + n(weighIn.drankL()) + " L): the sweat"
                        + " rate would be negative. Maybe before and after are swapped?"));
            } else if (w.sweatRateLPerH() == null && !(sweatRate(weighIn) > 0)) {
                faults.add(new Fault("weighIn", "gives a sweat rate of 0 L/h; weigh nude or in the same dry clothes"));
            } else if (w.sweatRateLPerH() == null && sweatRate(weighIn) > 6.0) {
                faults.add(new Fault("weighIn", "gives a sweat rate of " + n(sweatRate(weighIn))
                        + " L/h, above 6 L/h (the highest observed is 5.73 L/h)"));
            }
        }
        return faults;
    }

    /** R-VALIDATE (guidelines §2), warn column: the answer stands, with these notes. */
    static List<Fault> warnings(Workout w, double sweatRate) {
        var warnings = new ArrayList<Fault>();
        if (w.bodyMassKg() < 40 || w.bodyMassKg() > 150) {
            warnings.add(new Fault("bodyMass", n(w.bodyMassKg()) + " kg is outside 40–150 kg; every guideline used comes"
                    + " from adult athletes"));
        }
        if (w.durationMin() > 720) {
            warnings.add(new Fault("durationMin", "over 12 h: gut problems and hyponatraemia are common in long events [JEU11]"));
        } else if (w.durationMin() > 240) {
            warnings.add(new Fault("durationMin", "over 4 h: gut problems and hyponatraemia are flagged for long events [JEU11]"));
        }
        if (sweatRate < 0.25 || sweatRate > 3.0 || sweatRate * 1000 / w.bodyMassKg() > 40) {
            warnings.add(new Fault("sweatRate", n(sweatRate) + " L/h (" + n(sweatRate * 1000 / w.bodyMassKg())
                    + " mL/kg/h) is outside the usual 0.25–3.0 L/h or 40 mL/kg/h [BAK16]; check the sweat test"));
        }
        var sodium = w.sweatSodiumMgPerL();
        if (sodium != null && (sodium < 10 * SODIUM_MG_PER_MMOL || sodium > 90 * SODIUM_MG_PER_MMOL)) {
            warnings.add(new Fault("sweatSodium", n(sodium) + " mg/L is outside the usual 10–90 mmol/L (230–2069 mg/L)"
                    + " [LARA16][BAK16]"));
        }
        var temperature = w.temperatureC();
        if (temperature != null && temperature >= 30) {
            warnings.addAll(heat(w));
        } else if (temperature != null && (temperature < 15 || temperature > 50)) {
            warnings.add(new Fault("temperature", n(temperature) + " °C is outside 15–50 °C, where the sweat data were"
                    + " collected [BAK16]"));
        }
        if (w.carbToleranceGPerH() != null && w.carbToleranceGPerH() > 90) {
            warnings.add(new Fault("carbTolerance", "above 90 g/h, the consensus ceiling [ACSM16][JEU14]: 120 g/h was studied"
                    + " only in small trials of gut-trained athletes [POD22][VIR20]; this assumes a trained gut"));
        }
        if (w.caffeineMgPerKg() != null && w.caffeineMgPerKg() > 3) {
            warnings.add(new Fault("caffeine", n(w.caffeineMgPerKg()) + " mg/kg is above 3 mg/kg, where benefits plateau"
                    + " [AIS-CAF]"));
        }
        var weighIn = w.weighIn();
        if (weighIn != null) {
            if (weighIn.afterKg() > weighIn.beforeKg()) {
                warnings.add(new Fault("weighIn.after", "body mass rose during the test: overdrinking [HB15][KEN18]"));
            } else if (massLossPercent(weighIn) > 3) {
                warnings.add(new Fault("weighIn.after", "mass loss of " + n(massLossPercent(weighIn))
                        + " % is above 3 % of body mass [NATA17]"));
            }
            if (weighIn.durationMin() < 30) {
                warnings.add(new Fault("weighIn.durationMin", "a test under 30 minutes magnifies scale error"));
            }
        }
        return warnings;
    }

    /** R-SWEAT-RATE (guidelines §4) [A]: (before − after + drank − urine) / h [NATA17][AIS-HYD][BAK17]. */
    public static double sweatRate(WeighIn weighIn) {
        return (weighIn.beforeKg() - weighIn.afterKg() + weighIn.drankL() - weighIn.urineL()) / (weighIn.durationMin() / 60);
    }

    /** R-SWEAT-RATE: the test's body-mass change as a percentage of the mass before [NATA17]. */
    public static double massLossPercent(WeighIn weighIn) {
        return (weighIn.beforeKg() - weighIn.afterKg()) / weighIn.beforeKg() * 100;
    }

    /**
     * R-CHO-DURING (guidelines §5) [ACSM16 via AIS-GEL][BUR11][JEU14][WAL22]: g/h by duration band, capped by
     * the tolerance; {@code low} intensity lowers max to the band's midpoint [C].
     *
     * @return {min, max} in g/h
     */
    static double[] carbohydratePerHour(Workout w, double tolerance) {
        double d = w.durationMin();
        double min;
        double max;
        if (d < 45) {
            min = 0;
            max = 0;
        } else if (d < 75) {
            min = 0;
            max = 30;
        } else if (d <= 150) {
            min = 30;
            max = 60;
        } else {
            min = 60;
            max = 90;
        }
        if (intensity(w) == Intensity.LOW) {
            max = (min + max) / 2;
        }
        max = Math.min(max, tolerance);
        return new double[] {Math.min(min, max), max};
    }

    /**
     * R-FLUID-DURING (guidelines §6) [ACSM07][NATA17][KEN18] [A]: keep loss below 2 % of body mass, never drink
     * more than the sweat loss, never more than 1 L/h.
     *
     * @return {min, max} in L
     */
    static double[] fluid(Workout w, double sweatRate) {
        double loss = sweatRate * w.hours();
        double allow = 0.02 * w.bodyMassKg();
        double cap = FLUID_CAP_L_PER_H * w.hours();
        double min = Math.max(0, loss - allow);
        double max = Math.min(loss, cap);
        return new double[] {Math.min(min, max), max};
    }

    /**
     * R-NA-DURING (guidelines §7): required for > 120 min or a loss above 3000 mg [COY04] [B], then 400–1100 mg
     * per litre drunk [DGE20] [A], never above the loss (mass balance [C]).
     *
     * @return {min, max} in mg
     */
    static double[] sodium(Workout w, double lossL, double[] fluidL, double sweatNaMgPerL) {
        double lossNa = lossL * sweatNaMgPerL;
        if (sodiumRequired(w, lossNa)) {
            double max = Math.min(fluidL[1] * 1100, lossNa);
            return new double[] {Math.min(fluidL[0] * 400, max), max};
        }
        return new double[] {0, lossNa};
    }

    static boolean sodiumRequired(Workout w, double lossNaMg) {
        return w.durationMin() > 120 || lossNaMg > 3000;
    }

    /**
     * R-K-DURING (guidelines §8) [B]: with sodium required, 2–5 mmol/L of what is drunk (78.2–195.5 mg/L,
     * [ACSM07] via [CLARK]), never above the loss; otherwise up to the loss.
     *
     * @return {min, max} in mg
     */
    static double[] potassium(boolean sodiumRequired, double lossL, double[] fluidL) {
        double lossK = lossL * DEFAULT_SWEAT_POTASSIUM_MG_PER_L;
        if (sodiumRequired) {
            double max = Math.min(fluidL[1] * 195.5, lossK);
            return new double[] {Math.min(fluidL[0] * 78.2, max), max};
        }
        return new double[] {0, lossK};
    }

    /** R-HEAT (guidelines §9) [C]: notes at 30 °C and above; heat changes the inputs, so no multiplier. */
    static List<Fault> heat(Workout w) {
        var notes = new ArrayList<Fault>();
        notes.add(new Fault("temperature", n(w.temperatureC()) + " °C is hot (≥ 30 °C): the 2 % allowance is kept, since"
                + " dehydration costs most in heat [COY04]; use a sweat test made in similar conditions [KEN18][BAK17]"));
        if (w.sweatRateLPerH() == null && w.weighIn() == null) {
            notes.add(new Fault("sweatRate", "was assumed in heat: sweat rate in heat can be far above the population mean;"
                    + " measure it [BAK17]"));
        }
        if (w.caffeineMgPerKg() != null) {
            notes.add(new Fault("caffeine", "EFSA's \"no concern\" levels cover normal environmental conditions only [EFSA15]"));
        }
        notes.add(new Fault("sweatSodium", "heat acclimation changes sweat sodium and heat exposure can raise sweat"
                + " potassium [BAK17][IOM05]"));
        return notes;
    }

    /**
     * R-CONCENTRATION (docs/needs.md) [C, on per-drink evidence]: how much carbohydrate the plan may hold per litre of
     * the fluid it holds. What is drunk should be at most 8 % (80 g/L: the top of 4–8 % [DGE20] [A] and 6–8 % [ISSN08]
     * [A]; 8 % already slows gastric emptying [MUR99] [B]); no position stand gives a limit for a session's whole
     * intake, so the 8 % of a drink is applied to it. Fluid comes first and is never raised for it [HB15]: when the
     * safe fluid cannot hold the carbohydrate minimum at 8 %, the limit rises in steps of 10 g/L to what it needs, up to
     * 160 g/L (16 %: the most any trial gave, with frequent GI symptoms [MCC20][SAU22] [B]); beyond that the
     * carbohydrate minimum is lowered. A plan only reaches the fluid maximum to within whole servings, and a schedule
     * plans 85 % of its hourly cap, so the limit leaves {@link #CONCENTRATION_HEADROOM} of the safe fluid as room [C].
     *
     * @param carbMinG   the carbohydrate minimum of the session, g
     * @param fluidMaxL  the most fluid that is safe to plan, L
     * @return {the limit in g/L, the most carbohydrate minimum that limit lets the safe fluid hold, g}
     */
    static double[] concentration(double carbMinG, double fluidMaxL) {
        double room = CONCENTRATION_HEADROOM * fluidMaxL;
        double needed = Math.ceil(carbMinG / room / CONCENTRATION_STEP_G_PER_L - 1e-9) * CONCENTRATION_STEP_G_PER_L;
        double limit = Math.min(MOST_G_PER_L, Math.max(DRINK_G_PER_L, needed));
        return new double[] {limit, Math.min(carbMinG, limit * room)};
    }

    /**
     * R-CAFFEINE (guidelines §10) [C]: opt-in, mg/kg × body mass, split into doses of at most 200 mg [EFSA15] [A].
     *
     * @return {total, largest dose} in mg
     */
    static double[] caffeine(Workout w) {
        if (w.caffeineMgPerKg() == null) {
            return new double[] {0, 0};
        }
        double total = w.caffeineMgPerKg() * w.bodyMassKg();
        double doses = Math.max(1, Math.ceil(total / Safety.CAFFEINE_SINGLE_DOSE_MG));
        return new double[] {total, total / doses};
    }

    /**
     * R-RECOVERY (guidelines §11): protein 0.25–0.30 g/kg [ISSN17] [A][MOO19] [B]; carbohydrate 1.0–1.2 g/kg/h for
     * 4 h when the next session is under 8 h away [WAL22] [B]; fluid 1.5 × the deficit [DGE20][JEU05] [A].
     */
    static List<Range> recovery(Workout w, double deficitL) {
        var ranges = new ArrayList<Range>();
        ranges.add(new Range("protein", 0.25 * w.bodyMassKg(), 0.30 * w.bodyMassKg(), "g"));
        if (w.recoveryH() < 8) {
            ranges.add(new Range("carbohydrate", 1.0 * w.bodyMassKg() * 4, 1.2 * w.bodyMassKg() * 4, "g"));
        }
        if (deficitL > 0) {
            ranges.add(new Range("fluid", 1.5 * deficitL * 1000, 1.5 * deficitL * 1000, "mL"));
        }
        return ranges;
    }

    /**
     * A planning range whole servings can meet [C]: a point or near-point target (min above 95 % of max) gets its
     * min lowered to 95 % of max; max is never raised, so no safety cap moves.
     */
    static Range plannable(Range range) {
        if (range.max() > 0 && range.min() > PLANNABLE_SHARE * range.max()) {
            return new Range(range.nutrient(), PLANNABLE_SHARE * range.max(), range.max(), range.unit());
        }
        return range;
    }

    static Intensity intensity(Workout w) {
        return w.intensity() == null ? Intensity.MODERATE : w.intensity();
    }

    static String n(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}

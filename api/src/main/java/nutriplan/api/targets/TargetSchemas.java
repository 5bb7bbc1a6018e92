package nutriplan.api.targets;

import java.util.List;
import java.util.Map;

import io.javalin.openapi.OneOf;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.SharedSchemas.Amount;

/**
 * The workout and the answer of {@code POST /api/v1/targets} as the OpenAPI document shows them; like the other
 * schema records, nothing reads or writes these ({@code WorkoutJson} and {@link NeedsJson} do).
 */
public final class TargetSchemas {

    private TargetSchemas() {
    }

    @OpenApiDescription("A session and the athlete's sweat test; every quantity with its unit. An input left out falls back"
            + " to a published default, which the answer lists in assumed.")
    public record Workout(
            @OpenApiRequired @OpenApiDescription("the session's length in minutes") @OpenApiExample("150") Double durationMin,
            @OpenApiRequired @OpenApiDescription("above 20 kg, at most 300 kg") @OpenApiExample("70 kg") String bodyMass,
            @OpenApiDescription("low, moderate (default) or high") @OpenApiExample("moderate") String intensity,
            @OpenApiDescription("a volume per hour; or give a weighIn") @OpenApiExample("1.2 L/h") String sweatRate,
            WeighIn weighIn,
            @OpenApiDescription("sodium per litre of sweat, mg/L or mmol/L") @OpenApiExample("950 mg/L") String sweatSodium,
            @OpenApiDescription("°C, °F or K") @OpenApiExample("28 °C") String temperature,
            @OpenApiDescription("the most carbohydrate per hour the athlete's gut is trained for") @OpenApiExample("90 g/h")
            String carbTolerance,
            @OpenApiDescription("caffeine wanted, per kg of body mass; none when left out") @OpenApiExample("3 mg/kg") String caffeine,
            @OpenApiDescription("hours until the next demanding session, for recovery targets") @OpenApiExample("6") Double recovery) {
    }

    @OpenApiDescription("A weigh-in around a training session, from which the sweat rate is worked out.")
    public record WeighIn(@OpenApiRequired @OpenApiExample("70.4 kg") String before,
                          @OpenApiRequired @OpenApiExample("69.1 kg") String after,
                          @OpenApiExample("500 mL") String drank,
                          @OpenApiExample("0 mL") String urine,
                          @OpenApiRequired @OpenApiExample("60") Double durationMin) {
    }

    @OpenApiDescription("What a session needs: plannable targets, the rules' values and reasons, the defaults assumed, and"
            + " the safety block.")
    public record Needs(
            @OpenApiRequired @OpenApiDescription("plannable ranges, which a plan request reads as they are: whole servings can meet them,"
                    + " never above a safety cap; with singleSourceCarbohydrate capped at 60 g/h × hours when more is"
                    + " planned, and caffeine at 0 mg unless asked for") Map<String, TargetRange> targets,
            @OpenApiRequired @OpenApiDescription("each rule's own value, before it is made plannable") List<RuleValue> ruleValues,
            @OpenApiRequired List<Rationale> rationale,
            @OpenApiRequired List<Assumed> assumed,
            @OpenApiRequired @OpenApiDescription("inputs that are allowed but unusual (guidelines §2), and projected deficits")
            List<NeedsWarning> warnings,
            @OpenApiRequired @OpenApiDescription("after-session targets; empty without recovery") List<RuleValue> recovery,
            @OpenApiRequired Safety safety) {
    }

    public record TargetRange(@OpenApiRequired Amount min, @OpenApiRequired Amount max) {
    }

    public record RuleValue(@OpenApiRequired @OpenApiExample("sodium") String nutrient,
                            @OpenApiRequired Amount min, @OpenApiRequired Amount max) {
    }

    public record Rationale(@OpenApiRequired @OpenApiExample("carbohydrate") String target,
                            @OpenApiRequired @OpenApiExample("R-CHO-DURING") String rule,
                            @OpenApiRequired @OpenApiDescription("the inputs and the arithmetic, and where sources disagree")
                            String arithmetic,
                            @OpenApiRequired @OpenApiDescription("reference keys with their evidence grade")
                            @OpenApiExample("[\"JEU14 [A]\"]") List<String> sources,
                            @OpenApiRequired @OpenApiDescription("where a target passes several rules on its way to the"
                                    + " plan (fluid), each step in order with its value and rule; empty otherwise")
                            List<Step> steps) {
    }

    @OpenApiDescription("One step from a rule's input to the planned value, such as the sweat loss, the 2 % allowance, the"
            + " hourly ceiling, the plannable range, the schedule's headroom.")
    public record Step(@OpenApiRequired @OpenApiExample("sweat loss: 1.5 L/h × 4 h") String step,
                       @OpenApiRequired @OpenApiNullable @OpenApiDescription("the range's low end after this step; null for a"
                               + " single value") Amount min,
                       @OpenApiRequired @OpenApiDescription("its high end, or the single value") Amount max,
                       @OpenApiRequired @OpenApiExample("R-FLUID-DURING") String rule) {
    }

    public record Assumed(@OpenApiRequired @OpenApiExample("sweatSodium") String input,
                          @OpenApiRequired @OpenApiExample("825.3 mg/L (35.9 mmol/L)") String value,
                          @OpenApiRequired String source,
                          @OpenApiRequired @OpenApiDescription("what ±1 SD of the default does to the targets") String effect) {
    }

    public record NeedsWarning(@OpenApiRequired @OpenApiExample("caffeine") String field, @OpenApiRequired String message) {
    }

    public record Safety(@OpenApiRequired @OpenApiDescription("the most fluid per hour safe to plan: never above the sweat"
                                 + " loss nor 1 L") Amount fluidPerHour,
                         @OpenApiRequired Amount sodiumPerHour,
                         @OpenApiRequired @OpenApiDescription("0 when no caffeine was asked for") Amount caffeineTotal,
                         @OpenApiRequired @OpenApiDescription("at most EFSA's 200 mg single dose") Amount caffeinePerDose,
                         @OpenApiRequired @OpenApiDescription("the tolerance the carbohydrate target was built with")
                         Amount carbohydratePerHour,
                         @OpenApiRequired @OpenApiDescription("60 g/h × hours") Amount singleSourceCarbohydrateMax,
                         @OpenApiRequired @OpenApiDescription("the most carbohydrate the plan may hold per litre of its"
                                 + " fluid (R-CONCENTRATION): 80 g/L, raised up to 160 g/L only when the fluid that is safe"
                                 + " cannot carry the carbohydrate minimum more dilute") Amount carbohydratePerLitre,
                         @OpenApiRequired @OpenApiDescription("the most per litre of the fluid taken at the same moment in an"
                                 + " intake schedule: at least 4 mL of fluid per g, so a gel is taken with a sip")
                         Amount carbohydratePerLitreInSlot,
                         @OpenApiRequired @OpenApiDescription("what was measured and what assumed")
                         @OpenApiExample("measured: sweat rate, sweat sodium; assumed: sweat potassium") String confidence) {
    }

    /** The roster variant's body, for the OpenAPI document. */
    public record TargetsBatchRequest(@OpenApiRequired @OpenApiDescription("1 to MAX_BATCH_REQUESTS (default 100) workouts,"
            + " each as POST /api/v1/targets takes it") List<Workout> workouts) {
    }

    @OpenApiDescription("One result per workout, in the order sent: results[i] answers workouts[i].")
    public record TargetsBatchResponse(@OpenApiRequired List<TargetsResult> results) {
    }

    @OpenApiDescription("The status and body POST /api/v1/targets gives this workout alone: 200 its targets, 400"
            + " invalid_request (field paths as in a single request).")
    public record TargetsResult(@OpenApiRequired @OpenApiExample("200") Integer status,
                                @OpenApiRequired @OneOf({Needs.class, ErrorSchemas.Error.class}) Object body) {
    }
}

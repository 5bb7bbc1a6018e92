package nutriplan.api.plans;

import java.util.List;
import java.util.Map;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import nutriplan.api.catalogs.CatalogSchemas;
import nutriplan.api.json.SharedSchemas.Amount;
import nutriplan.api.json.SharedSchemas.CatalogRef;
import nutriplan.api.json.SharedSchemas.Quantity;
import nutriplan.api.targets.TargetSchemas;

/**
 * The plan request and response of API.md as the OpenAPI document shows them. Nothing reads or writes these
 * records ({@link PlanRequestJson} and {@link PlanResponseJson} do); the annotation processor turns them into
 * the document's schemas at compile time, and {@code OpenApiDocumentTest} checks the document's examples
 * against the real reader.
 */
public final class PlanSchemas {

    private PlanSchemas() {
    }

    @OpenApiDescription("What to plan for: targets per nutrient, the products to choose from, the limits and the objective.")
    public record PlanRequest(
            @OpenApiDescription("per nutrient (energy, carbohydrate, protein, fat, fluid, sodium, potassium, magnesium, calcium,"
                    + " caffeine, and singleSourceCarbohydrate with a max only): a min, a max or both; required unless a"
                    + " workout is sent instead") Map<String, Target> targets,
            @OpenApiDescription("a session and sweat test to derive the targets from, instead of targets (as POST"
                    + " /api/v1/targets does); the answer carries them in needs") TargetSchemas.Workout workout,
            @OpenApiDescription("a stored catalog (GET /api/v1/catalogs), default \"default\"; not together with products")
            @OpenApiExample("default") String catalog,
            @OpenApiDescription("an inline catalog, used instead of a stored one (at most MAX_INLINE_PRODUCTS products)")
            List<CatalogSchemas.Product> products,
            Selection include,
            Selection exclude,
            @OpenApiDescription("product ids that must appear in the plan") List<String> require,
            Limits limits,
            @OpenApiDescription("servings (default), products, mass or cost") @OpenApiExample("servings") String objective,
            @OpenApiDescription("auto (default), choco or timefold") @OpenApiExample("auto") String solver,
            @OpenApiDescription("the solve's budget, 1 to 30000 ms (default 2000)") @OpenApiExample("2000") Integer timeLimitMs,
            @OpenApiDescription("0 to 5 further plans, each with a different set of products") @OpenApiExample("2") Integer alternatives,
            @OpenApiDescription("a product whose value is not known for a nutrient with a max: exclude (default) leaves it out"
                    + " and lists it in leftOut; allow uses it with the unknown counted as 0, its totals marked lowerBound"
                    + " and listed in unproven") @OpenApiExample("exclude") String unknownUnderMax,
            @OpenApiDescription("free text for people; not used") String description,
            @OpenApiDescription("the session's length in minutes, 1 to 1440; required with schedule") @OpenApiExample("180")
            Integer durationMin,
            @OpenApiDescription("ask for an intake schedule over the session: the plan is then kept within the hourly limits")
            ScheduleRequest schedule,
            @OpenApiDescription("when the plan is taken: only products whose catalog use lists it are planned (before, during,"
                    + " after), or any; default during for a request with a workout (after plans its recovery targets),"
                    + " any otherwise") @OpenApiExample("during") String phase,
            Concentration concentration) {
    }

    @OpenApiDescription("The most carbohydrate the plan may hold per litre of the fluid it holds, as a whole; a workout's"
            + " plan during the session carries its rule's (needs.safety.carbohydratePerLitre) unless this is sent.")
    public record Concentration(@OpenApiRequired @OpenApiDescription("grams of carbohydrate per litre of fluid")
                                @OpenApiExample("80 g/L") String max) {
    }

    @OpenApiDescription("An intake schedule's slots and limits; the limits default to 60 g carbohydrate and 1 L fluid per hour.")
    public record ScheduleRequest(
            @OpenApiDescription("minutes between slots, 10 to 20 (default 15)") @OpenApiExample("15") Integer intervalMin,
            @OpenApiDescription("the carbohydrate tolerance per 60-minute window, above 0 and at most 120 g") Quantity carbohydratePerHour,
            @OpenApiDescription("the most fluid per 60-minute window, above 0 and at most 1 L") Quantity fluidPerHour,
            @OpenApiDescription("the least carbohydrate each clock hour should hold (the band's minimum), 0 to"
                    + " carbohydratePerHour; a workout's is its carbohydrate min per hour, this replaces it") Quantity carbohydrateMinPerHour) {
    }

    @OpenApiDescription("A nutrient's bounds: a quantity with its unit (\"500 mg\", \"1 L\", \"20 fl oz\", \"40 mmol\")"
            + " or a number in the nutrient's canonical unit.")
    public record Target(Quantity min, Quantity max) {
    }

    @OpenApiDescription("Products by id, tags (a product with any of the tags matches) and kinds. include narrows the"
            + " catalog to the products matching any entry; exclude removes every product matching one.")
    public record Selection(@OpenApiExample("[]") List<String> products, List<String> tags,
                            @OpenApiDescription("kinds of product, such as [\"gel\", \"chew\", \"drink\", \"powder\"]")
                            List<String> kinds) {
    }

    @OpenApiDescription("Caps on the plan.")
    public record Limits(@OpenApiExample("4") Integer maxServingsPerProduct, @OpenApiExample("3") Integer maxProducts,
                         @OpenApiExample("12") Integer maxServings) {
    }

    @OpenApiDescription("A plan (OPTIMAL: proven best; FEASIBLE: time ran out, bound is proven) or none found in time (UNKNOWN).")
    public record PlanResponse(
            @OpenApiRequired @OpenApiDescription("OPTIMAL, FEASIBLE or UNKNOWN") @OpenApiExample("OPTIMAL") String status,
            @OpenApiRequired @OpenApiExample("choco") String solver,
            @OpenApiRequired Objective objective,
            @OpenApiRequired List<Item> items,
            @OpenApiRequired @OpenApiDescription("per targeted nutrient") Map<String, Total> totals,
            @OpenApiRequired PlanConcentration concentration,
            @OpenApiRequired @OpenApiDescription("nutrients whose max the plan is not proven to meet: a product used does not"
                    + " state them (unknownUnderMax allow, or a required product)") List<String> unproven,
            @OpenApiRequired List<Alternative> alternatives,
            @OpenApiRequired @OpenApiDescription("products include and exclude allow that the plan could not use: a nutrient"
                    + " with a max not known for them, or a phase they are not fit for; each with the change that brings"
                    + " it back") List<LeftOut> leftOut,
            @OpenApiRequired List<Warning> warnings,
            @OpenApiRequired CatalogRef catalog,
            @OpenApiRequired @OpenApiExample("4") Long timeMs,
            @OpenApiDescription("with schedule in the request: every slot of the session in time order, empty ones too")
            List<Slot> schedule,
            @OpenApiDescription("with schedule in the request: its limits, per-hour totals and the score explained")
            ScheduleInfo scheduleInfo,
            @OpenApiDescription("only for a request with a workout: the targets derived from it, their reasons and the"
                    + " safety block") TargetSchemas.Needs needs) {
    }

    @OpenApiDescription("A moment of the session and what to take then; totals of carbohydrate, fluid, sodium and caffeine.")
    public record Slot(@OpenApiRequired @OpenApiExample("15") Integer atMin, @OpenApiRequired List<SlotItem> items,
                       @OpenApiRequired TrackedTotals totals) {
    }

    @OpenApiDescription("A serving, or a sip of a drink (servings then a fraction, amount the sip's fluid).")
    /**
     * What a schedule tracks, per slot or hour. A record, not a map: the annotation processor gives every map named
     * "totals" the value type of the first (the plan's Total).
     */
    public record TrackedTotals(@OpenApiRequired Amount carbohydrate, @OpenApiRequired Amount fluid,
                                @OpenApiRequired Amount sodium, @OpenApiRequired Amount caffeine) {
    }

    public record SlotItem(@OpenApiRequired @OpenApiExample("gu-energy-gel") String product,
                           @OpenApiRequired @OpenApiExample("1") Double servings,
                           @OpenApiRequired Amount amount) {
    }

    @OpenApiDescription("How the schedule was made and what it costs.")
    public record ScheduleInfo(
            @OpenApiRequired ScheduleLimits limits,
            @OpenApiRequired @OpenApiDescription("products left out of the plan: one serving breaks a cap however placed, or"
                    + " cannot share a 60-minute window with the drinks of its plan") List<String> excluded,
            @OpenApiRequired @OpenApiDescription("each carbohydrate or fluid bound changed for the session (a maximum lowered or"
                    + " set, a carbohydrate min raised off the band's floor), and why") List<String> capped,
            @OpenApiRequired @OpenApiDescription("plans made, 1 when the first met every rule; the schedule returned is the best"
                    + " of them") Integer attempts,
            @OpenApiRequired @OpenApiDescription("per clock hour from the start (the last cut at the end)") List<HourTotals> perHour,
            @OpenApiRequired @OpenApiDescription("true: no hard rule broken (always, in a 200)") Boolean feasible,
            @OpenApiRequired List<String> broken,
            @OpenApiRequired @OpenApiDescription("the medium rules the schedule misses, each with where and by how much; empty"
                    + " when every hour is within its band and every slot within the carbohydrate per litre") List<Miss> misses,
            @OpenApiRequired @OpenApiExample("0hard/0medium/-40soft") String score,
            @OpenApiRequired @OpenApiDescription("each soft rule with a cost, and its costliest reasons") List<RuleCost> explanation,
            @OpenApiRequired Long timeMs) {
    }

    public record ScheduleLimits(@OpenApiRequired Integer durationMin, @OpenApiRequired Integer intervalMin,
                                 @OpenApiRequired Amount carbohydratePerHour, @OpenApiRequired Amount fluidPerHour,
                                 @OpenApiRequired Amount caffeinePerSlot, @OpenApiRequired Amount sipMax,
                                 @OpenApiRequired @OpenApiNullable @OpenApiDescription("the least carbohydrate each clock hour"
                                         + " should hold, g; null when no hour is asked for any") Amount carbohydrateMinPerHour,
                                 @OpenApiRequired @OpenApiNullable @OpenApiDescription("the most carbohydrate a slot should hold"
                                         + " per litre of the fluid taken at it, unit g/L; null for no such limit")
                                 Amount slotCarbohydratePerLitre,
                                 @OpenApiRequired @OpenApiDescription("the limits that are defaults, not the caller's") List<String> assumed) {
    }

    public record HourTotals(@OpenApiRequired Integer fromMin, @OpenApiRequired Integer toMin,
                             @OpenApiRequired TrackedTotals totals,
                             @OpenApiRequired @OpenApiNullable @OpenApiDescription("what the band asks of this hour: its minimum"
                                     + " per hour, or a share of it for a last part of 30 minutes or more; null when nothing")
                             Amount carbohydrateMin,
                             @OpenApiRequired @OpenApiDescription("the hourly cap") Amount carbohydrateMax,
                             @OpenApiRequired @OpenApiDescription("the hour's carbohydrate lies within [carbohydrateMin, carbohydrateMax]")
                             Boolean withinBand) {
    }

    @OpenApiDescription("A medium rule the schedule misses: an hour below its band, or a slot with more carbohydrate than its"
            + " fluid allows.")
    public record Miss(@OpenApiRequired @OpenApiDescription("Carbohydrate every hour, or Carbohydrate per litre in a slot")
                       @OpenApiExample("Carbohydrate every hour") String rule,
                       @OpenApiRequired @OpenApiDescription("the hour's or the slot's first minute") @OpenApiExample("180") Integer fromMin,
                       @OpenApiRequired @OpenApiDescription("the minute it ends (exclusive)") @OpenApiExample("240") Integer toMin,
                       @OpenApiRequired @OpenApiDescription("by how much: carbohydrate missing, or too much for the fluid") Amount by,
                       @OpenApiRequired @OpenApiExample("carbohydrate 48 g from 180 to 240 min is 12 g below the 60 g per hour band")
                       String message) {
    }

    public record RuleCost(@OpenApiRequired @OpenApiExample("Even fluid") String rule, @OpenApiRequired @OpenApiExample("40") Long cost,
                           @OpenApiRequired List<String> reasons) {
    }

    public record Objective(
            @OpenApiRequired @OpenApiExample("servings") String kind,
            @OpenApiNullable @OpenApiDescription("the plan's value; null without a plan") @OpenApiExample("3") Double value,
            @OpenApiNullable @OpenApiDescription("a proven lower bound; equal to value when OPTIMAL") @OpenApiExample("3") Double bound) {
    }

    public record Item(@OpenApiRequired @OpenApiExample("gatorade-endurance-formula-20oz") String product,
                       @OpenApiRequired String name,
                       @OpenApiRequired @OpenApiExample("2") Integer servings,
                       @OpenApiRequired @OpenApiNullable @OpenApiDescription("one serving's directions; null when the catalog gives none")
                       @OpenApiExample("1 scoop in 355 mL water") String preparation,
                       @OpenApiRequired @OpenApiNullable @OpenApiDescription("the water these servings are mixed into, counted in"
                               + " the fluid total; null without a preparation") Amount water) {
    }

    public record LeftOut(@OpenApiRequired @OpenApiExample("maurten-drink-mix-320") String product,
                          @OpenApiRequired String name,
                          @OpenApiRequired @OpenApiDescription("unknown: a nutrient with a max is not known for it; phase:"
                                  + " the catalog does not say it is fit for the plan's phase") @OpenApiExample("unknown")
                          String cause,
                          @OpenApiRequired @OpenApiNullable @OpenApiDescription("the phases the catalog says the product is"
                                  + " fit for; null when it does not say") @OpenApiExample("[\"before\", \"after\"]")
                          List<String> use,
                          @OpenApiRequired @OpenApiDescription("the nutrients with a max the product does not state (empty for"
                                  + " phase)") List<String> nutrients,
                          @OpenApiRequired String reason,
                          @OpenApiRequired BringBack bringBack) {
    }

    @OpenApiDescription("The one change to the request that brings the product back: set field to the value to, or add"
            + " add to the list field (require, for a plan from a workout).")
    public record BringBack(@OpenApiRequired @OpenApiExample("unknownUnderMax") String field,
                            @OpenApiDescription("the field's new value: allow, or a phase") @OpenApiExample("allow") String to,
                            @OpenApiDescription("the product id to add to the list") String add,
                            @OpenApiRequired @OpenApiDescription("the change in words, and the catalog's way") String message) {
    }

    @OpenApiDescription("The plan's carbohydrate per litre of its fluid.")
    public record PlanConcentration(@OpenApiRequired @OpenApiNullable @OpenApiDescription("null without a plan or without"
                                            + " fluid") @OpenApiExample("74.1") Double amount,
                                    @OpenApiRequired @OpenApiExample("g/L") String unit,
                                    @OpenApiRequired @OpenApiNullable @OpenApiDescription("the request's limit; null without one")
                                    Amount max) {
    }

    @OpenApiDescription("A nutrient's total in the plan and the request's bounds, each an amount in the nutrient's canonical unit.")
    public record Total(@OpenApiRequired @OpenApiExample("78.0") Double amount,
                        @OpenApiRequired @OpenApiExample("g") String unit,
                        @OpenApiRequired @OpenApiNullable @OpenApiDescription("the target's min; null without one") Amount min,
                        @OpenApiRequired @OpenApiNullable @OpenApiDescription("the target's max; null without one") Amount max,
                        @OpenApiRequired @OpenApiDescription("true when a product used does not state this nutrient (counted as 0):"
                                + " the amount is a lower bound") @OpenApiExample("false") Boolean lowerBound) {
    }

    @OpenApiDescription("What the caller should know: a sentence for people and, where it concerns a nutrient's bound, the"
            + " nutrient, the bound (min or max) and the total as amounts; a product whose value is not known is named.")
    public record Warning(@OpenApiRequired @OpenApiExample("gu-energy-gel: sodium is not known for this product and counts as 0"
                                  + " in the totals") String message,
                          @OpenApiExample("sodium") String nutrient,
                          @OpenApiDescription("the product whose value is not known") @OpenApiExample("gu-energy-gel") String product,
                          @OpenApiDescription("the best attempt's total, when it misses the bound") Amount total,
                          @OpenApiDescription("the target's min the warning concerns") Amount min,
                          @OpenApiDescription("the target's max the warning concerns") Amount max) {
    }

    public record Alternative(@OpenApiRequired Objective objective, @OpenApiRequired List<Item> items,
                              @OpenApiRequired Map<String, Total> totals, @OpenApiRequired PlanConcentration concentration,
                              @OpenApiRequired List<String> unproven) {
    }
}

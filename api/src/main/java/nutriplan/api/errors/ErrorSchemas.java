package nutriplan.api.errors;

import java.util.List;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import nutriplan.api.json.SharedSchemas.Amount;

/**
 * The error body of API.md as the OpenAPI document shows it. Nothing reads or writes these records: {@link ErrorJson}
 * builds the bodies; the annotation processor turns these into the document's schemas at compile time.
 */
public final class ErrorSchemas {

    private ErrorSchemas() {
    }

    @OpenApiDescription("Every error: a code from the error table, a message for people, and details (for a 400, one per"
            + " faulty field; for a 422, the reach of each nutrient and a smallest conflicting set of targets and limits).")
    public record Error(
            @OpenApiRequired @OpenApiDescription("invalid_request (400), unauthenticated (401), forbidden (403), not_found (404), method_not_allowed (405),"
                    + " conflict (409), too_large (413), unsupported_media_type (415), infeasible (422), unschedulable (422),"
                    + " rate_limited (429), too_large (431), busy (503), internal_error (500)")
            @OpenApiExample("invalid_request") String error,
            @OpenApiRequired @OpenApiExample("1 fault in the request: targets.sodium.min") String message,
            @OpenApiRequired List<Detail> details,
            @OpenApiDescription("422 only: the products the request could not use (a value not known under a max, or a"
                    + " phase they are not fit for), which may be why no plan exists, each with the change that brings it"
                    + " back") List<nutriplan.api.plans.PlanSchemas.LeftOut> leftOut,
            @OpenApiDescription("422 infeasible for a plan request with a workout: the targets derived from it, their reasons"
                    + " and the safety block, as a plan's needs") nutriplan.api.targets.TargetSchemas.Needs needs) {
    }

    @OpenApiDescription("One fault. A 422's details are first one per nutrient (nutrient, required, reachable,"
            + " withinReach, binding), then one holding the smallest conflicting set (complete, conflict).")
    public record Detail(
            @OpenApiNullable @OpenApiDescription("the request field at fault, such as targets.sodium.min; null for the body as a whole")
            @OpenApiExample("targets.sodium.min") String field,
            @OpenApiRequired @OpenApiExample("\"3 L\" is a volume; sodium needs a mass such as \"500 mg\"") String message,
            @OpenApiDescription("422: the targeted nutrient") @OpenApiExample("sodium") String nutrient,
            @OpenApiDescription("422: the target's bound") Amount required,
            @OpenApiDescription("422: the most (for a min) or least (for a max) the allowed products reach") Amount reachable,
            @OpenApiDescription("422: whether the bound alone is reachable") Boolean withinReach,
            @OpenApiNullable @OpenApiDescription("422: the restriction that keeps it out of reach") String binding,
            @OpenApiDescription("422: false when the search for a smallest set ran out of time") Boolean complete,
            @OpenApiDescription("422: a smallest set of targets and limits that cannot hold together") List<ConflictMember> conflict) {
    }

    @OpenApiDescription("A target or limit of a smallest conflicting set, and the change to it alone that makes the request"
            + " feasible: in words (relaxation) and as data (to, or remove), absent when none was found in time.")
    public record ConflictMember(
            @OpenApiRequired @OpenApiExample("targets.sodium.max") String field,
            @OpenApiRequired @OpenApiExample("sodium at most 1000 mg") String constraint,
            @OpenApiRequired @OpenApiNullable @OpenApiExample("raise sodium max to 1150 mg") String relaxation,
            Change to,
            @OpenApiDescription("for exclude.tags, exclude.products and require: the entry to take out of the list")
            @OpenApiExample("caffeine") String remove) {
    }

    @OpenApiDescription("The field's new value: for a target a bound {\"amount\", \"unit\"}, for a limit a whole number,"
            + " for include the emptied lists {\"products\": [], \"tags\": []}.")
    public record Change() {
    }
}

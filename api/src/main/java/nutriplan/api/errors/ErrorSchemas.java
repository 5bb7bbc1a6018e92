package nutriplan.api.errors;

import java.util.List;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

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
            @OpenApiRequired @OpenApiDescription("invalid_request (400), not_found (404), method_not_allowed (405), too_large (413),"
                    + " unsupported_media_type (415), infeasible (422), busy (503), internal_error (500)")
            @OpenApiExample("invalid_request") String error,
            @OpenApiRequired @OpenApiExample("1 fault in the request: targets.sodium.min") String message,
            @OpenApiRequired List<Detail> details,
            @OpenApiDescription("422 only: the products the request left out because a nutrient with a max is not known for"
                    + " them, which may be why no plan exists") List<nutriplan.api.plans.PlanSchemas.LeftOut> leftOut) {
    }

    @OpenApiDescription("One fault; 422 details carry more fields (nutrient, required, reachable, unit, binding, conflict).")
    public record Detail(
            @OpenApiNullable @OpenApiDescription("the request field at fault, such as targets.sodium.min; null for the body as a whole")
            @OpenApiExample("targets.sodium.min") String field,
            @OpenApiRequired @OpenApiExample("\"3 L\" is a volume; sodium needs a mass such as \"500 mg\"") String message) {
    }
}

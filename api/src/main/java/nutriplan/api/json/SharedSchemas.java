package nutriplan.api.json;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

/**
 * Schemas that both the catalog and the plan endpoints show, so that neither borrows from the other.
 * Like {@code CatalogSchemas} and {@code PlanSchemas}, nothing reads or writes these records: the annotation
 * processor turns them into the OpenAPI document's schemas.
 */
public final class SharedSchemas {

    private SharedSchemas() {
    }

    @OpenApiDescription("A quantity: a string of a number and a unit, or a number in the canonical unit"
            + " (kcal, g, mL or mg).")
    public record Quantity() {
    }

    @OpenApiDescription("An amount that leaves the service: a number in the unit named beside it.")
    public record Amount(@OpenApiRequired @OpenApiExample("1000") Double amount, @OpenApiRequired @OpenApiExample("mL") String unit) {
    }

    /**
     * The catalog an answer came from. One schema for both: the document can hold only one named
     * {@code CatalogRef}, and a product list always has a version while a plan on an inline catalog has none.
     */
    @OpenApiDescription("The catalog an answer used: its name and version.")
    public record CatalogRef(@OpenApiRequired @OpenApiExample("default") String name,
                             @OpenApiNullable @OpenApiDescription("null for an inline catalog") @OpenApiExample("1") Integer version) {
    }
}

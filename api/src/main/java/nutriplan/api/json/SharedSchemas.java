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

    @OpenApiDescription("A quantity as the service reads it: a string of a number and a unit, a number in the canonical"
            + " unit (kcal, g, mL or mg), or an amount as the service writes it.")
    public record Quantity() {
    }

    /** The one shape of every quantity the service writes (docs/API.md, "Quantities"). */
    @OpenApiDescription("An amount and its unit: the nutrient's canonical unit (kcal, g, mL, mg), or for a serving g or mL.")
    public record Amount(@OpenApiRequired @OpenApiExample("270.0") Double amount, @OpenApiRequired @OpenApiExample("mg") String unit) {
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

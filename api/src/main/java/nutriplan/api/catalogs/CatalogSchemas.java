package nutriplan.api.catalogs;

import java.util.List;
import java.util.Map;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import nutriplan.api.json.SharedSchemas.CatalogRef;
import nutriplan.api.json.SharedSchemas.Quantity;

/**
 * Products and catalogs as the OpenAPI document shows them. Nothing reads or writes these records
 * ({@code ProductJson} and {@link CatalogJson} do); the annotation processor turns them into schemas.
 */
public final class CatalogSchemas {

    private CatalogSchemas() {
    }

    @OpenApiDescription("A product or food; nutrients are per serving, a nutrient left out is 0, one set to null is not known.")
    public record Product(
            @OpenApiRequired @OpenApiDescription("lowercase slug, at most 80 characters, unique in its catalog")
            @OpenApiExample("gatorade-thirst-quencher-20oz") String id,
            @OpenApiRequired @OpenApiExample("Gatorade Thirst Quencher, 20 fl oz bottle") String name,
            @OpenApiExample("Gatorade") String brand,
            @OpenApiRequired @OpenApiDescription("drink, powder, gel, chew, bar, shake, food or supplement")
            @OpenApiExample("drink") String kind,
            @OpenApiRequired @OpenApiDescription("one serving's size, a mass or a volume") Quantity serving,
            @OpenApiRequired @OpenApiDescription("per serving, by nutrient") Map<String, Quantity> nutrients,
            @OpenApiDescription("lowercase words such as caffeine-free") List<String> tags,
            @OpenApiDescription("the most servings of this product one plan may hold") @OpenApiExample("4") Integer maxServings,
            Price price,
            @OpenApiExample("product label") String source,
            @OpenApiDescription("how a serving is taken, from the label's directions; required for a powder or supplement."
                    + " Its water counts as fluid in every total") Preparation preparation,
            @OpenApiNullable @OpenApiDescription("multiple-transportable (glucose or maltodextrin with fructose), single, or"
                    + " null when the maker does not say; expected of every branded sports product with carbohydrate")
            @OpenApiExample("multiple-transportable") String carbohydrateType,
            @OpenApiDescription("when the product is meant to be taken: before, during and/or after a session; a plan for a"
                    + " phase uses only the products that list it, so a product without use is never planned during a"
                    + " session") @OpenApiExample("[\"before\", \"during\"]") List<String> use) {
    }

    @OpenApiDescription("Mixed into water (water) or taken dry (dry: true), never both.")
    public record Preparation(
            @OpenApiDescription("the water one serving is mixed into, a volume") @OpenApiExample("355 mL") Quantity water,
            @OpenApiDescription("true when a serving is taken without water") Boolean dry,
            @OpenApiDescription("what the label calls one serving, for the plan's directions (default \"serving\")")
            @OpenApiExample("scoop") String unit) {
    }

    public record Price(@OpenApiRequired @OpenApiExample("2.29") Double amount,
                        @OpenApiRequired @OpenApiDescription("ISO 4217") @OpenApiExample("USD") String currency) {
    }

    public record CatalogList(@OpenApiRequired List<CatalogSummary> catalogs) {
    }

    public record CatalogSummary(@OpenApiRequired @OpenApiExample("default") String name,
                                 @OpenApiRequired @OpenApiExample("1") Integer version,
                                 @OpenApiRequired @OpenApiDescription("how many products it holds") @OpenApiExample("59") Integer products) {
    }

    public record ProductList(@OpenApiRequired CatalogRef catalog,
                              @OpenApiRequired @OpenApiDescription("how many products matched") @OpenApiExample("1") Integer count,
                              @OpenApiRequired List<Product> products) {
    }

    @OpenApiDescription("A catalog after a change: its new version (also the ETag) and product count.")
    public record CatalogChange(@OpenApiRequired CatalogSummary catalog) {
    }

    @OpenApiDescription("A new catalog: empty, or a copy of another.")
    public record CatalogCreate(
            @OpenApiRequired @OpenApiDescription("lowercase slug, at most 80 characters") @OpenApiExample("trial") String name,
            @OpenApiDescription("the catalog to copy; left out: an empty catalog") @OpenApiExample("default") String from) {
    }

    @OpenApiDescription("The products another product of the catalog makes useless: that one has at least as much of"
            + " every nutrient (as taken; unknown counted as 0), no larger serving, no higher price and no maxServings, so"
            + " under minimum targets a plan never needs the dominated one (docs/catalog.md states the rule).")
    public record DominatedList(@OpenApiRequired CatalogRef catalog, @OpenApiRequired List<Dominated> dominated) {
    }

    public record Dominated(@OpenApiRequired @OpenApiExample("gatorade-thirst-quencher-12oz") String product,
                            @OpenApiRequired String name,
                            @OpenApiRequired @OpenApiDescription("a product that dominates it") @OpenApiExample("gatorade-thirst-quencher-20oz") String by,
                            @OpenApiRequired String byName) {
    }

    @OpenApiDescription("A catalog file, as check-catalog reads it.")
    public record CatalogFile(@OpenApiRequired @OpenApiExample("default") String name,
                              @OpenApiRequired List<Product> products) {
    }
}

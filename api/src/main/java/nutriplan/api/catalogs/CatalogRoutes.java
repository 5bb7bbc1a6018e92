package nutriplan.api.catalogs;

import java.util.Objects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.plans.Catalogs;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.product.Product;
import nutriplan.catalog.product.ProductJson;

/** The stored catalogs, read-only: list them, list and filter a catalog's products, read one product. */
public final class CatalogRoutes {

    public static final String CATALOGS = "/api/v1/catalogs";
    public static final String PRODUCTS = "/api/v1/catalogs/{catalog}/products";
    public static final String PRODUCT = "/api/v1/catalogs/{catalog}/products/{id}";

    private static final String PRODUCT_LIST_EXAMPLE = """
            {"catalog": {"name": "default", "version": 1}, "count": 1,
             "products": [{"id": "gatorade-thirst-quencher-20oz", "name": "Gatorade Thirst Quencher, 20 fl oz bottle",
                           "brand": "Gatorade", "kind": "drink", "serving": "591 mL",
                           "nutrients": {"energy": "140 kcal", "carbohydrate": "36 g", "protein": "0 g", "fat": "0 g",
                                         "fluid": "591 mL", "sodium": "270 mg", "potassium": "75 mg", "caffeine": "0 mg"},
                           "tags": ["caffeine-free", "gluten-free", "dairy-free"], "maxServings": 4,
                           "source": "product label"}]}""";
    private static final String INVALID_FILTER_EXAMPLE = """
            {"error": "invalid_request", "message": "\\"candy\\" is not a kind; known: drink, powder, gel, chew, bar, shake, food, supplement",
             "details": [{"field": "kind", "message": "\\"candy\\" is not a kind; known: drink, powder, gel, chew, bar, shake, food, supplement"}]}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"error": "not_found", "message": "no catalog named \\"trial\\"",
             "details": [{"field": "catalog", "message": "no catalog named \\"trial\\""}]}""";

    private final Catalogs catalogs;

    public CatalogRoutes(Catalogs catalogs) {
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
    }

    public void register(RoutesConfig routes) {
        routes.get(CATALOGS, this::list);
        routes.get(PRODUCTS, this::products);
        routes.get(PRODUCT, this::product);
    }

    @OpenApi(path = CATALOGS, methods = HttpMethod.GET, operationId = "listCatalogs", tags = "catalogs",
            summary = "The stored catalogs: names, versions and product counts",
            responses = @OpenApiResponse(status = "200", description = "every stored catalog",
                    content = @OpenApiContent(from = CatalogSchemas.CatalogList.class,
                            example = "{\"catalogs\": [{\"name\": \"default\", \"version\": 1, \"products\": 59}]}")))
    void list(Context ctx) {
        ctx.json(CatalogJson.list(catalogs.all()));
    }

    @OpenApi(path = PRODUCTS, methods = HttpMethod.GET, operationId = "listProducts", tags = "catalogs",
            summary = "A catalog's products, filtered",
            description = "Every product of the catalog that matches all the filters given; unknown query parameters are a 400.",
            pathParams = @OpenApiParam(name = "catalog", required = true, description = "the catalog's name", example = "default"),
            queryParams = {
                @OpenApiParam(name = "kind", description = "drink, powder, gel, chew, bar, shake, food or supplement", example = "drink"),
                @OpenApiParam(name = "tag", description = "a tag every product must carry; repeat for more", example = "caffeine-free"),
                @OpenApiParam(name = "q", description = "text found, ignoring case, in the id, name or brand (at most 100 characters)",
                        example = "gatorade")},
            responses = {
                @OpenApiResponse(status = "200", description = "the matching products, in catalog order",
                        content = @OpenApiContent(from = CatalogSchemas.ProductList.class, example = PRODUCT_LIST_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: an unknown kind, a malformed tag, q too long,"
                        + " a parameter given twice, an unknown parameter",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID_FILTER_EXAMPLE)),
                @OpenApiResponse(status = "404", description = "not_found: no catalog of that name",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void products(Context ctx) {
        var catalog = catalog(ctx);
        var filter = ProductFilter.fromQuery(ctx.queryParamMap());
        ctx.json(CatalogJson.products(catalog, catalog.products().stream().filter(filter::matches).toList()));
    }

    @OpenApi(path = PRODUCT, methods = HttpMethod.GET, operationId = "getProduct", tags = "catalogs",
            summary = "One product",
            pathParams = {
                @OpenApiParam(name = "catalog", required = true, description = "the catalog's name", example = "default"),
                @OpenApiParam(name = "id", required = true, description = "the product's id", example = "gatorade-thirst-quencher-20oz")},
            responses = {
                @OpenApiResponse(status = "200", description = "the product, as API.md shows it",
                        content = @OpenApiContent(from = CatalogSchemas.Product.class)),
                @OpenApiResponse(status = "404", description = "not_found: no catalog of that name, or no such product in it",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void product(Context ctx) {
        ctx.json(ProductJson.write(product(catalog(ctx), ctx.pathParam("id"))));
    }

    private Catalog catalog(Context ctx) {
        var name = ctx.pathParam("catalog");
        var catalog = catalogs.find(name);
        if (catalog == null) {
            throw new NotFoundException("catalog", "no catalog named " + quoted(name));
        }
        return catalog;
    }

    private static Product product(Catalog catalog, String id) {
        var product = catalog.product(id);
        if (product == null) {
            throw new NotFoundException("id", "no product " + quoted(id) + " in catalog \"" + catalog.name() + "\"");
        }
        return product;
    }

    /** A path segment as the caller sent it, in quotes and cut short: a hostile value is not echoed whole. */
    private static String quoted(String text) {
        return "\"" + (text.length() <= 80 ? text : text.substring(0, 80) + "…") + "\"";
    }
}

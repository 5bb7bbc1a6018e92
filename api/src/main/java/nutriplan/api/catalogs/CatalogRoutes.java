package nutriplan.api.catalogs;

import java.util.Objects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.errors.ErrorExamples;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.json.JsonRequests;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.product.Product;

/**
 * The stored catalogs: list them; list, filter and read products; add, replace, delete and import products; create
 * a catalog (empty or a copy); export one as a catalog file. Reads carry the catalog's version as {@code ETag};
 * writes honour {@code If-Match} (409 when stale) and answer with the new version.
 */
public final class CatalogRoutes {

    public static final String CATALOGS = "/api/v1/catalogs";
    public static final String PRODUCTS = "/api/v1/catalogs/{catalog}/products";
    public static final String PRODUCT = "/api/v1/catalogs/{catalog}/products/{id}";
    public static final String IMPORT = "/api/v1/catalogs/{catalog}/products:import";
    public static final String EXPORT = "/api/v1/catalogs/{catalog}/export";
    public static final String DOMINATED = "/api/v1/catalogs/{catalog}/dominated";

    private static final String PRODUCT_LIST_EXAMPLE = """
            {"catalog": {"name": "default", "version": 1}, "count": 1,
             "products": [{"id": "gatorade-thirst-quencher-20oz", "name": "Gatorade Thirst Quencher, 20 fl oz bottle",
                           "brand": "Gatorade", "kind": "drink", "serving": {"amount": 591.0, "unit": "mL"},
                           "nutrients": {"energy": {"amount": 140.0, "unit": "kcal"}, "carbohydrate": {"amount": 36.0, "unit": "g"},
                                         "protein": {"amount": 0.0, "unit": "g"}, "fat": {"amount": 0.0, "unit": "g"},
                                         "fluid": {"amount": 591.0, "unit": "mL"}, "sodium": {"amount": 270.0, "unit": "mg"},
                                         "potassium": {"amount": 75.0, "unit": "mg"}, "caffeine": null},
                           "tags": ["caffeine-free", "gluten-free", "dairy-free"], "maxServings": 4,
                           "source": "product label"}]}""";
    private static final String INVALID_FILTER_EXAMPLE = """
            {"error": "invalid_request", "message": "\\"candy\\" is not a kind; known: drink, powder, gel, chew, bar, shake, food, supplement",
             "details": [{"field": "kind", "message": "\\"candy\\" is not a kind; known: drink, powder, gel, chew, bar, shake, food, supplement"}]}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"error": "not_found", "message": "no catalog named \\"trial\\"",
             "details": [{"field": "catalog", "message": "no catalog named \\"trial\\""}]}""";

    private static final String CONFLICT_EXAMPLE = """
            {"error": "conflict", "message": "catalog \\"trial\\" is at version 3, not 2; read it again and repeat the change on the current version",
             "details": [{"field": "If-Match", "message": "catalog \\"trial\\" is at version 3, not 2; read it again and repeat the change on the current version"}]}""";
    private static final String INVALID_PRODUCT_EXAMPLE = """
            {"error": "invalid_request", "message": "2 faults in the request: [3].nutrients.fluid, [7].id",
             "details": [{"field": "[3].nutrients.fluid", "message": "\\"3 kg\\" is a mass; fluid needs a volume such as \\"3 L\\""},
                         {"field": "[7].id", "message": "duplicate id \\"my-gel\\": ids must be unique in a catalog"}]}""";
    private static final String INVALID_IF_MATCH_EXAMPLE = """
            {"error": "invalid_request", "message": "\\"abc\\" is not a catalog version; send the ETag of the catalog read, such as \\"12\\"",
             "details": [{"field": "If-Match", "message": "\\"abc\\" is not a catalog version; send the ETag of the catalog read, such as \\"12\\""}]}""";
    private static final String INVALID_NAME_EXAMPLE = """
            {"error": "invalid_request", "message": "\\"Trial run\\" is not a catalog name: lowercase letters, digits and '-', starting with a letter or digit, at most 80 characters, not \\"inline\\"",
             "details": [{"field": "name", "message": "\\"Trial run\\" is not a catalog name: lowercase letters, digits and '-', starting with a letter or digit, at most 80 characters, not \\"inline\\""}]}""";
    private static final String EXISTS_EXAMPLE = """
            {"error": "conflict", "message": "a catalog named \\"trial\\" already exists",
             "details": [{"field": "name", "message": "a catalog named \\"trial\\" already exists"}]}""";
    private static final String CHANGED_EXAMPLE = "{\"catalog\": {\"name\": \"trial\", \"version\": 3, \"products\": 60}}";
    /** Descriptions of the answers that several changes share. */
    private static final String CHANGED = "the catalog's new version (also the ETag)";
    private static final String CONFLICT = "conflict: If-Match names a version that is not the current one; nothing changed";
    private static final String TOO_LARGE = "too_large: the body is over the limit";
    private static final String UNSUPPORTED = "unsupported_media_type: the body is not sent as JSON";
    private static final String STORE_DOWN = "busy: the catalog store cannot take changes now; Retry-After is set";
    private static final String IF_MATCH_DESCRIPTION = "the catalog version (ETag) the change is based on; 409 when the catalog"
            + " has moved on. Left out: change whatever the version is.";

    private static final String VERSION_PARAM = "read the catalog as it was at this version: a number, or a tag's name"
            + " (\"race-2026\"); left out: the current version";

    private final CatalogService catalogs;

    public CatalogRoutes(CatalogService catalogs) {
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
    }

    public void register(RoutesConfig routes) {
        routes.get(CATALOGS, this::list);
        routes.post(CATALOGS, this::create);
        routes.get(PRODUCTS, this::products);
        routes.get(PRODUCT, this::product);
        routes.put(PRODUCT, this::put);
        routes.delete(PRODUCT, this::delete);
        routes.post(IMPORT, this::importProducts);
        routes.get(EXPORT, this::export);
        routes.get(DOMINATED, this::dominated);
    }

    @OpenApi(path = CATALOGS, methods = HttpMethod.GET, operationId = "listCatalogs", tags = "catalogs",
            summary = "The stored catalogs: names, versions and product counts",
            responses = @OpenApiResponse(status = "200", description = "every stored catalog",
                    content = @OpenApiContent(from = CatalogSchemas.CatalogList.class,
                            example = "{\"catalogs\": [{\"name\": \"default\", \"version\": 1, \"products\": 59}]}")))
    void list(Context ctx) {
        ctx.json(CatalogJson.list(catalogs.snapshots().all()));
    }

    @OpenApi(path = CATALOGS, methods = HttpMethod.POST, operationId = "createCatalog", tags = "catalogs",
            summary = "A new catalog, empty or a copy of another, for experiments",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = CatalogSchemas.CatalogCreate.class,
                    example = "{\"name\": \"trial\", \"from\": \"default\"}")),
            responses = {
                @OpenApiResponse(status = "201", description = "created at version 1; Location and ETag set",
                        content = @OpenApiContent(from = CatalogSchemas.CatalogChange.class, example = CHANGED_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a bad name, an unknown catalog to copy, malformed JSON",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID_NAME_EXAMPLE)),
                @OpenApiResponse(status = "409", description = "conflict: a catalog of that name exists",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = EXISTS_EXAMPLE)),
                @OpenApiResponse(status = "413", description = TOO_LARGE,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = UNSUPPORTED,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "503", description = STORE_DOWN,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void create(Context ctx) {
        var catalog = catalogs.create(Author.of(ctx), JsonRequests.body(ctx));
        Versions.tag(ctx, catalog);
        ctx.header("Location", CATALOGS + "/" + catalog.name() + "/products");
        ctx.status(201).json(CatalogJson.changed(catalog));
    }

    @OpenApi(path = PRODUCTS, methods = HttpMethod.GET, operationId = "listProducts", tags = "catalogs",
            summary = "A catalog's products, filtered",
            description = "Every product of the catalog that matches all the filters given; unknown query parameters are a 400.",
            pathParams = @OpenApiParam(name = "catalog", required = true, description = "the catalog's name", example = "default"),
            queryParams = {
                @OpenApiParam(name = "version", description = VERSION_PARAM, example = "12"),
                @OpenApiParam(name = "kind", description = "drink, powder, gel, chew, bar, shake, food or supplement", example = "drink"),
                @OpenApiParam(name = "tag", type = String[].class, description = "a tag every product must carry; repeat for more",
                        example = "[\"caffeine-free\"]"),
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
        var catalog = catalogs.catalog(ctx.pathParam("catalog"), ctx.queryParam("version"));
        var filter = ProductFilter.fromQuery(ctx.queryParamMap());
        Versions.tag(ctx, catalog);
        ctx.json(CatalogJson.products(catalog, catalog.products().stream().filter(filter::matches).toList()));
    }

    @OpenApi(path = DOMINATED, methods = HttpMethod.GET, operationId = "listDominated", tags = "catalogs",
            summary = "The products another product of the catalog makes useless under minimum targets",
            pathParams = @OpenApiParam(name = "catalog", required = true, description = "the catalog's name", example = "default"),
            queryParams = @OpenApiParam(name = "version", description = VERSION_PARAM, example = "12"),
            responses = {
                @OpenApiResponse(status = "200", description = "each dominated product, in catalog order, with one that dominates it",
                        content = @OpenApiContent(from = CatalogSchemas.DominatedList.class, example = """
                                {"catalog": {"name": "default", "version": 1}, "dominated": [{"product": "gu-energy-gel-caf40",
                                 "name": "GU Energy Gel, 40 mg caffeine", "by": "gu-energy-gel-caf20", "byName": "GU Energy Gel, 20 mg caffeine"}]}""")),
                @OpenApiResponse(status = "404", description = "not_found: no catalog of that name",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void dominated(Context ctx) {
        var catalog = catalogs.catalog(ctx.pathParam("catalog"), ctx.queryParam("version"));
        Versions.tag(ctx, catalog);
        ctx.json(CatalogJson.dominated(catalog));
    }

    @OpenApi(path = PRODUCT, methods = HttpMethod.GET, operationId = "getProduct", tags = "catalogs",
            summary = "One product",
            pathParams = {
                @OpenApiParam(name = "catalog", required = true, description = "the catalog's name", example = "default"),
                @OpenApiParam(name = "id", required = true, description = "the product's id", example = "gatorade-thirst-quencher-20oz")},
            queryParams = @OpenApiParam(name = "version", description = VERSION_PARAM, example = "12"),
            responses = {
                @OpenApiResponse(status = "200", description = "the product, every quantity an amount {\"amount\", \"unit\"}",
                        content = @OpenApiContent(from = CatalogSchemas.Product.class)),
                @OpenApiResponse(status = "404", description = "not_found: no catalog of that name, or no such product in it",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void product(Context ctx) {
        var catalog = catalogs.catalog(ctx.pathParam("catalog"), ctx.queryParam("version"));
        Versions.tag(ctx, catalog);
        ctx.json(CatalogJson.product(product(catalog, ctx.pathParam("id"))));
    }

    @OpenApi(path = PRODUCT, methods = HttpMethod.PUT, operationId = "putProduct", tags = "catalogs",
            summary = "Adds or replaces one product (validated as a catalog file is)",
            pathParams = {
                @OpenApiParam(name = "catalog", required = true, description = "the catalog's name", example = "trial"),
                @OpenApiParam(name = "id", required = true, description = "the product's id, as in the body", example = "my-gel")},
            headers = @OpenApiParam(name = "If-Match", description = IF_MATCH_DESCRIPTION, example = "\"2\""),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = CatalogSchemas.Product.class)),
            responses = {
                @OpenApiResponse(status = "200", description = CHANGED,
                        content = @OpenApiContent(from = CatalogSchemas.CatalogChange.class, example = CHANGED_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: every fault of the product, each with its field;"
                        + " an id other than the path's; a malformed If-Match",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID_PRODUCT_EXAMPLE)),
                @OpenApiResponse(status = "404", description = "not_found: no catalog of that name",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE)),
                @OpenApiResponse(status = "409", description = CONFLICT,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = CONFLICT_EXAMPLE)),
                @OpenApiResponse(status = "413", description = TOO_LARGE,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = UNSUPPORTED,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "503", description = STORE_DOWN,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void put(Context ctx) {
        var catalog = catalogs.put(Author.of(ctx), ctx.pathParam("catalog"), ctx.pathParam("id"), JsonRequests.body(ctx),
                Versions.expected(ctx));
        answerChange(ctx, catalog);
    }

    @OpenApi(path = PRODUCT, methods = HttpMethod.DELETE, operationId = "deleteProduct", tags = "catalogs",
            summary = "Deletes one product",
            pathParams = {
                @OpenApiParam(name = "catalog", required = true, description = "the catalog's name", example = "trial"),
                @OpenApiParam(name = "id", required = true, description = "the product's id", example = "my-gel")},
            headers = @OpenApiParam(name = "If-Match", description = IF_MATCH_DESCRIPTION, example = "\"3\""),
            responses = {
                @OpenApiResponse(status = "200", description = CHANGED,
                        content = @OpenApiContent(from = CatalogSchemas.CatalogChange.class, example = CHANGED_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a malformed If-Match",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID_IF_MATCH_EXAMPLE)),
                @OpenApiResponse(status = "404", description = "not_found: no catalog of that name, or no such product in it",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE)),
                @OpenApiResponse(status = "409", description = CONFLICT,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = CONFLICT_EXAMPLE)),
                @OpenApiResponse(status = "503", description = STORE_DOWN,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void delete(Context ctx) {
        var catalog = catalogs.delete(Author.of(ctx), ctx.pathParam("catalog"), ctx.pathParam("id"), Versions.expected(ctx));
        answerChange(ctx, catalog);
    }

    @OpenApi(path = IMPORT, methods = HttpMethod.POST, operationId = "importProducts", tags = "catalogs",
            summary = "Adds or replaces many products, all or nothing",
            description = "A JSON array of products. Every product is validated first; one fault anywhere and nothing changes.",
            pathParams = @OpenApiParam(name = "catalog", required = true, description = "the catalog's name", example = "trial"),
            headers = @OpenApiParam(name = "If-Match", description = IF_MATCH_DESCRIPTION, example = "\"3\""),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = CatalogSchemas.Product[].class)),
            responses = {
                @OpenApiResponse(status = "200", description = "all imported, as one new version (also the ETag)",
                        content = @OpenApiContent(from = CatalogSchemas.CatalogChange.class, example = CHANGED_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: every fault of every product (\"[3].nutrients.fluid\");"
                        + " nothing was imported",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = INVALID_PRODUCT_EXAMPLE)),
                @OpenApiResponse(status = "404", description = "not_found: no catalog of that name",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE)),
                @OpenApiResponse(status = "409", description = CONFLICT,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = CONFLICT_EXAMPLE)),
                @OpenApiResponse(status = "413", description = TOO_LARGE,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = UNSUPPORTED,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "503", description = STORE_DOWN,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void importProducts(Context ctx) {
        var catalog = catalogs.importProducts(Author.of(ctx), ctx.pathParam("catalog"), JsonRequests.body(ctx), Versions.expected(ctx));
        answerChange(ctx, catalog);
    }

    @OpenApi(path = EXPORT, methods = HttpMethod.GET, operationId = "exportCatalog", tags = "catalogs",
            summary = "The catalog as a catalog file",
            description = "What check-catalog accepts; importing it into a catalog gives the same products. A catalog file"
                    + " keeps its text quantities (\"140 kcal\"), which people write and read; the API's other answers give"
                    + " {\"amount\", \"unit\"}, and the service reads both.",
            pathParams = @OpenApiParam(name = "catalog", required = true, description = "the catalog's name", example = "default"),
            queryParams = @OpenApiParam(name = "version", description = VERSION_PARAM, example = "12"),
            responses = {
                @OpenApiResponse(status = "200", description = "the catalog file; ETag is the version exported",
                        content = @OpenApiContent(from = CatalogSchemas.CatalogFile.class)),
                @OpenApiResponse(status = "404", description = "not_found: no catalog of that name",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void export(Context ctx) {
        var name = ctx.pathParam("catalog");
        var catalog = catalogs.catalog(name, ctx.queryParam("version"));
        Versions.tag(ctx, catalog);
        ctx.header("Content-Disposition", "attachment; filename=\"" + catalog.name() + ".json\"");
        ctx.contentType("application/json").result(CatalogFiles.write(catalog));
    }

    /** A change's answer: the catalog's new version, in the body and as the ETag. */
    private static void answerChange(Context ctx, Catalog catalog) {
        Versions.tag(ctx, catalog);
        ctx.json(CatalogJson.changed(catalog));
    }

    private static Product product(Catalog catalog, String id) {
        var product = catalog.product(id);
        if (product == null) {
            throw new NotFoundException("id", "no product " + CatalogService.quoted(id) + " in catalog \"" + catalog.name() + "\"");
        }
        return product;
    }
}

package nutriplan.api.docs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.errors.NotFoundException;

/** {@code GET /openapi.json}, the document generated from the handlers' annotations, and Swagger UI at {@code /swagger}. */
public final class DocsRoutes {

    public static final String OPENAPI = "/openapi.json";
    public static final String SWAGGER = "/swagger";
    public static final String SWAGGER_FILE = "/swagger/{file}";

    private final String document = OpenApiDocument.load();
    private final SwaggerUi swaggerUi = SwaggerUi.load();

    /** Each operation's query parameters, from this document. */
    public QueryParameters queryParameters() {
        return QueryParameters.of(document);
    }

    public void register(RoutesConfig routes) {
        routes.get(OPENAPI, this::openApi);
        routes.get(SWAGGER, this::swagger);
        routes.get(SWAGGER_FILE, this::swaggerFile);
    }

    @OpenApi(path = OPENAPI, methods = HttpMethod.GET, operationId = "openApi", tags = "documentation",
            summary = "This OpenAPI document",
            responses = @OpenApiResponse(status = "200", description = "OpenAPI 3.0",
                    content = @OpenApiContent(mimeType = "application/json", type = "object")))
    void openApi(Context ctx) {
        ctx.contentType("application/json").result(document);
    }

    @OpenApi(path = SWAGGER, methods = HttpMethod.GET, operationId = "swaggerUi", tags = "documentation",
            summary = "Swagger UI for this document, served from the jar",
            responses = @OpenApiResponse(status = "200", description = "the page",
                    content = @OpenApiContent(mimeType = "text/html", type = "string")))
    void swagger(Context ctx) {
        ctx.html(SwaggerUi.PAGE);
    }

    @OpenApi(path = SWAGGER_FILE, methods = HttpMethod.GET, operationId = "swaggerUiFile", tags = "documentation",
            summary = "A file of Swagger UI's page",
            pathParams = @OpenApiParam(name = "file", required = true, description = "swagger-ui.css, swagger-ui-bundle.js,"
                    + " favicon-32x32.png or init.js", example = "swagger-ui.css"),
            responses = {
                @OpenApiResponse(status = "200", description = "the file",
                        content = @OpenApiContent(mimeType = "*/*", type = "string", format = "binary")),
                @OpenApiResponse(status = "404", description = "not_found: not one of the page's files",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = """
                                {"error": "not_found", "message": "Swagger UI has no file of that name",
                                 "details": [{"field": "file", "message": "Swagger UI has no file of that name"}]}"""))})
    void swaggerFile(Context ctx) {
        var asset = swaggerUi.asset(ctx.pathParam("file"));
        if (asset == null) {
            throw new NotFoundException("file", "Swagger UI has no file of that name");
        }
        ctx.header("Cache-Control", "public, max-age=86400").contentType(asset.contentType()).result(asset.bytes());
    }
}

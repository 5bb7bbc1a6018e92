package nutriplan.api.web;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.plans.PlanSchemas;

/** {@code GET /api/v1/presets}: the example plan requests of {@code data/requests}, which the web form offers as presets. */
public final class PresetRoutes {

    public static final String PRESETS = "/api/v1/presets";

    private static final String EXAMPLE = """
            {"presets": [{"name": "run-60-min",
                          "description": "60-minute hard run, 60 kg, sweat 1.8 L/h ...",
                          "request": {"description": "60-minute hard run, 60 kg, sweat 1.8 L/h ...",
                                      "targets": {"carbohydrate": {"min": "0 g", "max": "30 g"}, "fluid": {"min": "600 mL", "max": "1000 mL"}},
                                      "catalog": "default", "limits": {"maxServingsPerProduct": 3, "maxProducts": 2, "maxServings": 4},
                                      "objective": "servings", "solver": "auto", "timeLimitMs": 2000, "alternatives": 2}}]}""";

    private final ObjectNode body;

    public PresetRoutes() {
        body = JsonNodeFactory.instance.objectNode();
        var list = body.putArray("presets");
        for (var preset : Presets.load().all()) {
            list.addObject().put("name", preset.name()).put("description", preset.description()).set("request", preset.request());
        }
    }

    public void register(RoutesConfig routes) {
        routes.get(PRESETS, this::list);
    }

    @OpenApi(path = PRESETS, methods = HttpMethod.GET, operationId = "listPresets", tags = "plans",
            summary = "Example plan requests, ready to send or to adapt",
            description = "The files of data/requests, built into the service: each a valid plan request for the default"
                    + " catalog with a one-line description of the session it plans for. The web form offers them as presets.",
            responses = @OpenApiResponse(status = "200", description = "every preset, by name",
                    content = @OpenApiContent(from = PresetList.class, example = EXAMPLE)))
    void list(Context ctx) {
        ctx.json(body);
    }

    public record PresetList(@OpenApiRequired List<PresetSchema> presets) {
    }

    @OpenApiDescription("An example plan request.")
    public record PresetSchema(@OpenApiRequired @OpenApiDescription("the file's name without .json") @OpenApiExample("run-60-min") String name,
                               @OpenApiRequired @OpenApiDescription("what session it plans for, in one line") String description,
                               @OpenApiRequired @OpenApiDescription("the plan request, as POST /api/v1/plans takes it")
                               PlanSchemas.PlanRequest request) {
    }
}

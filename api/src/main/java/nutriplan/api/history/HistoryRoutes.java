package nutriplan.api.history;

import java.util.Objects;
import java.util.Set;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

import nutriplan.api.catalogs.Author;
import nutriplan.api.catalogs.CatalogJson;
import nutriplan.api.catalogs.CatalogSchemas;
import nutriplan.api.catalogs.Versions;
import nutriplan.api.errors.ErrorExamples;
import nutriplan.api.errors.ErrorSchemas;
import nutriplan.api.json.JsonBody;
import nutriplan.api.json.JsonRequests;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.JsonFields;

/**
 * A catalog's history over HTTP: its versions, one product's revisions, the diff of two versions, a revert, tags,
 * and deleting a catalog. Handlers read the request and write the answer; {@link HistoryService} does the rest.
 */
public final class HistoryRoutes {

    public static final String VERSIONS = "/api/v1/catalogs/{catalog}/versions";
    public static final String HISTORY = "/api/v1/catalogs/{catalog}/products/{id}/history";
    public static final String DIFF = "/api/v1/catalogs/{catalog}/diff";
    public static final String REVERT = "/api/v1/catalogs/{catalog}:revert";
    public static final String TAGS = "/api/v1/catalogs/{catalog}/tags";
    public static final String TAG = "/api/v1/catalogs/{catalog}/tags/{tag}";
    public static final String CATALOG = "/api/v1/catalogs/{catalog}";

    private static final Set<String> REVERT_FIELDS = Set.of("to", "message");
    private static final Set<String> TAG_FIELDS = Set.of("version");
    private static final String NOT_FOUND = "not_found: no catalog of that name, or no such version, product or tag";

    private static final String NOT_FOUND_EXAMPLE = """
            {"error": "not_found", "message": "catalog \\"trial\\" has no version 99: it is at version 12",
             "details": [{"field": "version", "message": "catalog \\"trial\\" has no version 99: it is at version 12"}]}""";
    private static final String BAD_LIMIT_EXAMPLE = """
            {"error": "invalid_request", "message": "expected a whole number from 1 to 200, not 500",
             "details": [{"field": "limit", "message": "expected a whole number from 1 to 200, not 500"}]}""";
    private static final String BAD_FROM_EXAMPLE = """
            {"error": "invalid_request", "message": "is required: a version number or a tag's name",
             "details": [{"field": "from", "message": "is required: a version number or a tag's name"}]}""";
    private static final String BAD_TO_EXAMPLE = """
            {"error": "invalid_request", "message": "is required: the version to restore",
             "details": [{"field": "to", "message": "is required: the version to restore"}]}""";
    private static final String BAD_TAG_EXAMPLE = """
            {"error": "invalid_request", "message": "is required: the version the tag names",
             "details": [{"field": "version", "message": "is required: the version the tag names"}]}""";
    private static final String NOTHING_TO_REVERT_EXAMPLE = """
            {"error": "conflict", "message": "catalog \\"trial\\" holds version 3's content already; a revert would change nothing",
             "details": [{"field": "to", "message": "catalog \\"trial\\" holds version 3's content already; a revert would change nothing"}]}""";
    private static final String TAG_TAKEN_EXAMPLE = """
            {"error": "conflict", "message": "tag \\"race-2026\\" names version 12; remove it first to name another",
             "details": [{"field": "tag", "message": "tag \\"race-2026\\" names version 12; remove it first to name another"}]}""";

    private static final String VERSIONS_EXAMPLE = """
            {"catalog": "default", "versions": [{"version": 12, "author": "user:ana", "time": "2026-12-07T10:00:00Z",
             "requestId": "c0ffee-42", "message": "Maurten Gel 100: new label", "products": 58,
             "summary": {"added": [], "changed": ["maurten-gel-100"], "removed": []}, "tags": ["race-2026"]}],
             "next": "/api/v1/catalogs/default/versions?before=12&limit=1"}""";
    private static final String HISTORY_EXAMPLE = """
            {"catalog": "default", "id": "maurten-gel-100", "revisions": [{"version": 12, "action": "changed",
             "author": "user:ana", "time": "2026-12-07T10:00:00Z", "message": "new label",
             "fields": {"nutrients.sodium": {"before": "35 mg", "after": "45 mg"}}, "product": null}]}""";
    private static final String DIFF_EXAMPLE = """
            {"catalog": "default", "from": 3, "to": 12, "changes": [{"id": "cola-12oz", "change": "removed", "fields": {},
             "product": {"id": "cola-12oz", "name": "Cola, 12 fl oz can", "kind": "drink",
                         "serving": {"amount": 355.0, "unit": "mL"}, "nutrients": {}}}]}""";
    private static final String CHANGED_EXAMPLE = "{\"catalog\": {\"name\": \"default\", \"version\": 13, \"products\": 58}}";
    private static final String TAGS_EXAMPLE = "{\"catalog\": \"default\", \"tags\": {\"race-2026\": 12}}";
    private static final String TAG_EXAMPLE = "{\"catalog\": \"default\", \"tag\": \"race-2026\", \"version\": 12}";

    private final HistoryService history;

    public HistoryRoutes(HistoryService history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    public void register(RoutesConfig routes) {
        routes.get(VERSIONS, this::versions);
        routes.get(HISTORY, this::history);
        routes.get(DIFF, this::diff);
        routes.post(REVERT, this::revert);
        routes.get(TAGS, this::tags);
        routes.get(TAG, this::tag);
        routes.put(TAG, this::putTag);
        routes.delete(TAG, this::deleteTag);
        routes.delete(CATALOG, this::deleteCatalog);
    }

    @OpenApi(path = VERSIONS, methods = HttpMethod.GET, operationId = "listVersions", tags = "history",
            summary = "A catalog's versions, newest first: who made each, when, why and what it changed",
            pathParams = @OpenApiParam(name = "catalog", required = true, example = "default"),
            queryParams = {
                @OpenApiParam(name = "before", type = Long.class, description = "versions below this one (the next page)"),
                @OpenApiParam(name = "limit", type = Integer.class, description = "1 to 200, default 20")},
            responses = {
                @OpenApiResponse(status = "200", description = "a page of versions",
                        content = @OpenApiContent(from = HistorySchemas.VersionList.class, example = VERSIONS_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a bad before or limit",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = BAD_LIMIT_EXAMPLE)),
                @OpenApiResponse(status = "404", description = NOT_FOUND,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void versions(Context ctx) {
        var catalog = ctx.pathParam("catalog");
        int limit = (int) number(ctx, "limit", HistoryService.DEFAULT_PAGE, 1, HistoryService.MAX_PAGE);
        long before = number(ctx, "before", Long.MAX_VALUE, 2, Long.MAX_VALUE);
        ctx.json(HistoryJson.versions(catalog, history.versions(catalog, before, limit), limit));
    }

    @OpenApi(path = HISTORY, methods = HttpMethod.GET, operationId = "productHistory", tags = "history",
            summary = "One product's revisions, newest first, with the fields each changed",
            pathParams = {
                @OpenApiParam(name = "catalog", required = true, example = "default"),
                @OpenApiParam(name = "id", required = true, example = "maurten-gel-100")},
            responses = {
                @OpenApiResponse(status = "200", description = "its revisions",
                        content = @OpenApiContent(from = HistorySchemas.History.class, example = HISTORY_EXAMPLE)),
                @OpenApiResponse(status = "404", description = NOT_FOUND,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void history(Context ctx) {
        var catalog = ctx.pathParam("catalog");
        var id = ctx.pathParam("id");
        ctx.json(HistoryJson.history(catalog, id, history.history(catalog, id)));
    }

    @OpenApi(path = DIFF, methods = HttpMethod.GET, operationId = "diffVersions", tags = "history",
            summary = "What changed between two versions: per product added, removed, or each field before → after",
            pathParams = @OpenApiParam(name = "catalog", required = true, example = "default"),
            queryParams = {
                @OpenApiParam(name = "from", required = true, description = "a version number or a tag's name", example = "3"),
                @OpenApiParam(name = "to", description = "a version number or a tag's name; left out: the current version",
                        example = "12")},
            responses = {
                @OpenApiResponse(status = "200", description = "the changes, by product id",
                        content = @OpenApiContent(from = HistorySchemas.Diff.class, example = DIFF_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: from missing, or not a version or tag",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = BAD_FROM_EXAMPLE)),
                @OpenApiResponse(status = "404", description = NOT_FOUND,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void diff(Context ctx) {
        var catalog = ctx.pathParam("catalog");
        ctx.json(HistoryJson.diff(catalog, history.diff(catalog, ctx.queryParam("from"), ctx.queryParam("to"))));
    }

    @OpenApi(path = REVERT, methods = HttpMethod.POST, operationId = "revertCatalog", tags = "history",
            summary = "A new version whose content is an old version's (the old versions stay)",
            pathParams = @OpenApiParam(name = "catalog", required = true, example = "default"),
            headers = @OpenApiParam(name = "If-Match", description = "the version the revert is based on; 409 when stale"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = HistorySchemas.Revert.class,
                    example = "{\"to\": 12, \"message\": \"back to the race-week label\"}")),
            responses = {
                @OpenApiResponse(status = "200", description = "the catalog's new version (also the ETag)",
                        content = @OpenApiContent(from = CatalogSchemas.CatalogChange.class, example = CHANGED_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: to missing or not a version; a bad If-Match",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = BAD_TO_EXAMPLE)),
                @OpenApiResponse(status = "404", description = NOT_FOUND,
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE)),
                @OpenApiResponse(status = "409", description = "conflict: a stale If-Match, or the catalog holds that version's"
                        + " content already (nothing would change)",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOTHING_TO_REVERT_EXAMPLE)),
                @OpenApiResponse(status = "413", description = "too_large: the body is over the limit",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as JSON",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "503", description = "busy: the store cannot take changes now",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void revert(Context ctx) {
        var findings = Findings.create();
        var fields = JsonFields.of(JsonBody.parse(JsonRequests.body(ctx)), "", findings, REVERT_FIELDS);
        var to = fields == null ? null : fields.integer("to", 1, Integer.MAX_VALUE);
        var message = fields == null ? null : fields.text("message", false, 500);
        if (fields != null && to == null && !findings.hasErrors()) {
            findings.error("to", "is required: the version to restore");
        }
        if (findings.hasErrors()) {
            throw new InvalidInputException("nothing was reverted", findings.all());
        }
        var catalog = history.revert(Author.of(ctx).withMessage(message), ctx.pathParam("catalog"), Long.toString(to),
                Versions.expected(ctx));
        Versions.tag(ctx, catalog);
        ctx.json(CatalogJson.changed(catalog));
    }

    @OpenApi(path = TAGS, methods = HttpMethod.GET, operationId = "listTags", tags = "history",
            summary = "A catalog's tags and the versions they name",
            pathParams = @OpenApiParam(name = "catalog", required = true, example = "default"),
            responses = {
                @OpenApiResponse(status = "200", description = "tag → version",
                        content = @OpenApiContent(from = HistorySchemas.Tags.class, example = TAGS_EXAMPLE)),
                @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void tags(Context ctx) {
        var catalog = ctx.pathParam("catalog");
        ctx.json(HistoryJson.tags(catalog, history.tags(catalog)));
    }

    @OpenApi(path = TAG, methods = HttpMethod.GET, operationId = "readTag", tags = "history",
            summary = "The version a tag names",
            pathParams = {
                @OpenApiParam(name = "catalog", required = true, example = "default"),
                @OpenApiParam(name = "tag", required = true, example = "race-2026")},
            responses = {
                @OpenApiResponse(status = "200", description = "the tag", content = @OpenApiContent(from = HistorySchemas.Tag.class, example = TAG_EXAMPLE)),
                @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE))})
    void tag(Context ctx) {
        var catalog = ctx.pathParam("catalog");
        var tag = ctx.pathParam("tag");
        ctx.json(HistoryJson.tag(catalog, tag, history.tagged(catalog, tag)));
    }

    @OpenApi(path = TAG, methods = HttpMethod.PUT, operationId = "putTag", tags = "history",
            summary = "Names a version; a tag never moves (remove it first)",
            pathParams = {
                @OpenApiParam(name = "catalog", required = true, example = "default"),
                @OpenApiParam(name = "tag", required = true, example = "race-2026")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = HistorySchemas.TagPut.class,
                    example = "{\"version\": 12}")),
            responses = {
                @OpenApiResponse(status = "200", description = "the tag named that version already",
                        content = @OpenApiContent(from = HistorySchemas.Tag.class, example = TAG_EXAMPLE)),
                @OpenApiResponse(status = "201", description = "the tag now names the version; Location set",
                        content = @OpenApiContent(from = HistorySchemas.Tag.class, example = TAG_EXAMPLE)),
                @OpenApiResponse(status = "400", description = "invalid_request: a bad tag name or version",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = BAD_TAG_EXAMPLE)),
                @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE)),
                @OpenApiResponse(status = "409", description = "conflict: the tag names another version",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = TAG_TAKEN_EXAMPLE)),
                @OpenApiResponse(status = "413", description = "too_large: the body is over the limit",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.BODY_TOO_LARGE)),
                @OpenApiResponse(status = "415", description = "unsupported_media_type: the body is not sent as JSON",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.UNSUPPORTED)),
                @OpenApiResponse(status = "503", description = "busy: the store cannot take changes now",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void putTag(Context ctx) {
        var findings = Findings.create();
        var fields = JsonFields.of(JsonBody.parse(JsonRequests.body(ctx)), "", findings, TAG_FIELDS);
        var version = fields == null ? null : fields.integer("version", 1, Integer.MAX_VALUE);
        if (fields != null && version == null && !findings.hasErrors()) {
            findings.error("version", "is required: the version the tag names");
        }
        if (findings.hasErrors()) {
            throw new InvalidInputException("no tag was set", findings.all());
        }
        var catalog = ctx.pathParam("catalog");
        var tag = ctx.pathParam("tag");
        if (history.tag(catalog, tag, version)) {
            ctx.status(201).header("Location", "/api/v1/catalogs/" + catalog + "/tags/" + tag);
        }
        ctx.json(HistoryJson.tag(catalog, tag, version));
    }

    @OpenApi(path = TAG, methods = HttpMethod.DELETE, operationId = "deleteTag", tags = "history",
            summary = "Removes a tag (the version stays)",
            pathParams = {
                @OpenApiParam(name = "catalog", required = true, example = "default"),
                @OpenApiParam(name = "tag", required = true, example = "race-2026")},
            responses = {
                @OpenApiResponse(status = "204", description = "removed"),
                @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE)),
                @OpenApiResponse(status = "503", description = "busy: the store cannot take changes now",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void deleteTag(Context ctx) {
        history.untag(ctx.pathParam("catalog"), ctx.pathParam("tag"));
        ctx.status(204);
    }

    @OpenApi(path = CATALOG, methods = HttpMethod.DELETE, operationId = "deleteCatalog", tags = "history",
            summary = "Deletes a catalog with its whole history (versions, records, tags): for trial copies",
            pathParams = @OpenApiParam(name = "catalog", required = true, example = "trial"),
            responses = {
                @OpenApiResponse(status = "204", description = "deleted, history included"),
                @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorSchemas.Error.class, example = NOT_FOUND_EXAMPLE)),
                @OpenApiResponse(status = "503", description = "busy: the store cannot take changes now",
                        content = @OpenApiContent(from = ErrorSchemas.Error.class, example = ErrorExamples.STORE_DOWN))})
    void deleteCatalog(Context ctx) {
        history.delete(ctx.pathParam("catalog"));
        ctx.status(204);
    }

    /** A whole-number query parameter, given at most once, within bounds; absent: the fallback. */
    private static long number(Context ctx, String name, long fallback, long min, long max) {
        var values = ctx.queryParams(name);
        if (values.isEmpty()) {
            return fallback;
        }
        if (values.size() > 1 || !values.get(0).matches("[0-9]{1,18}")) {
            throw InvalidInputException.of(name, "expected one whole number from " + min + " to " + max);
        }
        long value = Long.parseLong(values.get(0));
        if (value < min || value > max) {
            throw InvalidInputException.of(name, "expected a whole number from " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}

package nutriplan.api.history;

import java.util.List;
import java.util.Map;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;

import nutriplan.api.catalogs.CatalogSchemas;

/** A catalog's history as the OpenAPI document shows it; {@link HistoryJson} writes it. */
public final class HistorySchemas {

    private HistorySchemas() {
    }

    @OpenApiDescription("The products a version added, changed and removed, by id.")
    public record Summary(@OpenApiRequired List<String> added, @OpenApiRequired List<String> changed,
                          @OpenApiRequired List<String> removed) {
    }

    @OpenApiDescription("One version of a catalog: who made it, when, why, and what it changed.")
    public record Version(
            @OpenApiRequired @OpenApiExample("12") Long version,
            @OpenApiRequired @OpenApiDescription("key:<id>, user:<name>, cli, seed") @OpenApiExample("user:ana") String author,
            @OpenApiRequired @OpenApiExample("2026-12-07T10:00:00Z") String time,
            @OpenApiRequired String requestId,
            @OpenApiRequired @OpenApiNullable @OpenApiDescription("why, as X-Change-Message (or a revert's message) said")
            String message,
            @OpenApiRequired @OpenApiDescription("products the catalog held at this version") Integer products,
            @OpenApiRequired Summary summary,
            @OpenApiRequired @OpenApiDescription("the tags naming this version") List<String> tags) {
    }

    public record VersionList(
            @OpenApiRequired String catalog,
            @OpenApiRequired @OpenApiDescription("newest first") List<Version> versions,
            @OpenApiRequired @OpenApiNullable @OpenApiDescription("the next page's path; null after the last") String next) {
    }

    @OpenApiDescription("A field's value before and after, as the catalog file writes it; left out where the field was"
            + " absent (a field added has no before, one removed no after).")
    public record FieldChange(com.fasterxml.jackson.databind.JsonNode before, com.fasterxml.jackson.databind.JsonNode after) {
    }

    public record Revision(
            @OpenApiRequired Long version,
            @OpenApiRequired @OpenApiDescription("added, changed or removed") String action,
            @OpenApiRequired String author,
            @OpenApiRequired String time,
            @OpenApiRequired @OpenApiNullable String message,
            @OpenApiRequired @OpenApiDescription("a change's fields, by path (\"nutrients.sodium\"); empty otherwise")
            Map<String, FieldChange> fields,
            @OpenApiRequired @OpenApiNullable @OpenApiDescription("the product from this version on; null once removed")
            CatalogSchemas.Product product) {
    }

    public record History(@OpenApiRequired String catalog, @OpenApiRequired String id,
                          @OpenApiRequired @OpenApiDescription("newest first") List<Revision> revisions) {
    }

    public record ProductChange(
            @OpenApiRequired String id,
            @OpenApiRequired @OpenApiDescription("added, removed or changed") String change,
            @OpenApiRequired @OpenApiDescription("a change's fields, by path; empty for an added or removed product")
            Map<String, FieldChange> fields,
            @OpenApiRequired @OpenApiDescription("the product after (before, when removed)") CatalogSchemas.Product product) {
    }

    public record Diff(@OpenApiRequired String catalog, @OpenApiRequired Long from, @OpenApiRequired Long to,
                       @OpenApiRequired @OpenApiDescription("by product id") List<ProductChange> changes) {
    }

    @OpenApiDescription("A new version with an old one's content.")
    public record Revert(
            @OpenApiRequired @OpenApiDescription("the version to restore") @OpenApiExample("12") Long to,
            @OpenApiDescription("why (as X-Change-Message); kept with the new version") String message) {
    }

    public record TagPut(@OpenApiRequired @OpenApiDescription("the version the tag names") @OpenApiExample("12") Long version) {
    }

    public record Tag(@OpenApiRequired String catalog, @OpenApiRequired String tag, @OpenApiRequired Long version) {
    }

    public record Tags(@OpenApiRequired String catalog,
                       @OpenApiRequired @OpenApiDescription("tag → version") Map<String, Long> tags) {
    }
}

package nutriplan.api.history;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.catalogs.CatalogJson;
import nutriplan.catalog.CatalogDiff;
import nutriplan.store.ProductRevision;
import nutriplan.store.VersionInfo;

/** A catalog's history as answers show it. */
final class HistoryJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HistoryJson() {
    }

    /** A page of versions, and the path of the next page (null after the last). */
    static ObjectNode versions(String catalog, List<VersionInfo> page, int limit) {
        var body = NODES.objectNode().put("catalog", catalog);
        var versions = body.putArray("versions");
        page.forEach(info -> versions.add(version(info)));
        var last = page.isEmpty() ? 1 : page.getLast().version();
        body.put("next", page.size() < limit || last <= 1 ? null
                : "/api/v1/catalogs/" + catalog + "/versions?before=" + last + "&limit=" + limit);
        return body;
    }

    static ObjectNode version(VersionInfo info) {
        var node = NODES.objectNode().put("version", info.version()).put("author", info.author())
                .put("time", info.time().toString()).put("requestId", info.requestId()).put("message", info.message())
                .put("products", info.products());
        var summary = node.putObject("summary");
        info.summary().added().forEach(summary.putArray("added")::add);
        info.summary().changed().forEach(summary.putArray("changed")::add);
        info.summary().removed().forEach(summary.putArray("removed")::add);
        info.tags().forEach(node.putArray("tags")::add);
        return node;
    }

    /** One product's revisions, newest first, each with the fields it changed. */
    static ObjectNode history(String catalog, String id, List<ProductRevision> revisions) {
        var body = NODES.objectNode().put("catalog", catalog).put("id", id);
        var array = body.putArray("revisions");
        for (int i = 0; i < revisions.size(); i++) {
            var revision = revisions.get(i);
            var before = i + 1 < revisions.size() ? revisions.get(i + 1).product() : null;
            var node = array.addObject().put("version", revision.version())
                    .put("action", revision.action().name().toLowerCase(java.util.Locale.ROOT))
                    .put("author", revision.info().author()).put("time", revision.info().time().toString())
                    .put("message", revision.info().message());
            if (revision.action() == ProductRevision.Action.CHANGED && before != null) {
                fields(node, CatalogDiff.between(catalogOf(before), catalogOf(revision.product())).changes().stream()
                        .findFirst().map(CatalogDiff.ProductChange::fields).orElse(Map.of()));
            } else {
                node.putObject("fields");
            }
            node.set("product", revision.product() == null ? null : CatalogJson.product(revision.product()));
        }
        return body;
    }

    /** What changed between two versions. */
    static ObjectNode diff(String catalog, HistoryService.Compared compared) {
        var body = NODES.objectNode().put("catalog", catalog).put("from", compared.from()).put("to", compared.to());
        var changes = body.putArray("changes");
        for (var change : compared.diff().changes()) {
            var node = changes.addObject().put("id", change.id())
                    .put("change", change.kind().name().toLowerCase(java.util.Locale.ROOT));
            fields(node, change.fields());
            var product = change.after() != null ? change.after() : change.before();
            node.set("product", CatalogJson.product(product));
        }
        return body;
    }

    static ObjectNode tag(String catalog, String tag, long version) {
        return NODES.objectNode().put("catalog", catalog).put("tag", tag).put("version", version);
    }

    static ObjectNode tags(String catalog, Map<String, Long> tags) {
        var body = NODES.objectNode().put("catalog", catalog);
        var object = body.putObject("tags");
        tags.forEach(object::put);
        return body;
    }

    private static void fields(ObjectNode node, Map<String, CatalogDiff.FieldChange> fields) {
        var object = node.putObject("fields");
        fields.forEach((path, change) -> {
            var field = object.putObject(path); // an absent side is left out, not null
            if (change.before() != null) {
                field.set("before", change.before());
            }
            if (change.after() != null) {
                field.set("after", change.after());
            }
        });
    }

    private static nutriplan.catalog.Catalog catalogOf(nutriplan.catalog.product.Product product) {
        return new nutriplan.catalog.Catalog("revision", List.of(product));
    }
}

package nutriplan.store;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/**
 * The revisions of a product document: {@code [{from, to?, product?}]}, each visible to readers of catalog
 * versions from ≤ V &lt; to (to absent: still current). A deleted product's last revision has no product.
 */
final class Revisions {

    private Revisions() {
    }

    /**
     * Versions of history kept: a reader that read version V still finds every revision it needs while the
     * catalog is at most V + RETAINED_VERSIONS, however many writers commit meanwhile.
     */
    static final long RETAINED_VERSIONS = 8;

    /** The product document visible at {@code version}, or null (none yet, or deleted). */
    static Document visibleAt(Document document, long version) {
        for (var revision : list(document)) {
            if (isVisibleAt(revision, version)) {
                return revision.get("product", Document.class);
            }
        }
        return null;
    }

    /**
     * The revisions after a change from {@code version} to the next: the one visible at {@code version} ends there,
     * {@code product} (null: deleted) starts, and revisions that ended more than {@link #RETAINED_VERSIONS} ago
     * are pruned.
     */
    static List<Document> next(Document document, long version, Document product) {
        var next = new ArrayList<Document>();
        for (var revision : list(document)) {
            Long to = revision.getLong("to");
            if (isVisibleAt(revision, version)) {
                next.add(new Document(revision).append("to", version + 1));
            } else if (to != null && to > version - RETAINED_VERSIONS) {
                next.add(revision);
            }
        }
        var added = new Document("from", version + 1);
        if (product != null) {
            added.append("product", product);
        }
        next.add(added);
        return next;
    }

    /** The revisions as they were at {@code version}: what a crashed writer added or ended after it is undone. */
    static List<Document> withoutAfter(Document document, long version) {
        var kept = new ArrayList<Document>();
        for (var revision : list(document)) {
            if (revision.getLong("from") <= version) {
                var copy = new Document(revision);
                if (copy.containsKey("to") && copy.getLong("to") > version) {
                    copy.remove("to");
                }
                kept.add(copy);
            }
        }
        return kept;
    }

    private static boolean isVisibleAt(Document revision, long version) {
        long from = revision.getLong("from");
        Long to = revision.getLong("to");
        return from <= version && (to == null || to > version) && revision.get("product") != null;
    }

    private static List<Document> list(Document document) {
        return document.getList("revisions", Document.class, List.of());
    }
}

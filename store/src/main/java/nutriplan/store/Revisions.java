package nutriplan.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;

import org.bson.Document;

/**
 * The revisions of a product document: {@code [{from, to?, product?}]}, each visible to readers of catalog
 * versions from ≤ V &lt; to (to absent: still current). A removal is a revision without a product. Every revision
 * is kept (so every version can be read again) unless a {@link Retention} prunes it.
 */
final class Revisions {

    private Revisions() {
    }

    /**
     * The newest versions a retention never prunes, however old: a reader that read version V still finds every
     * revision it needs while the catalog is at most V + RECENT_VERSIONS, however many writers commit meanwhile.
     */
    static final long RECENT_VERSIONS = 8;

    /** The product document visible at {@code version}, or null (none yet, or removed). */
    static Document visibleAt(Document document, long version) {
        for (var revision : list(document)) {
            if (isVisibleAt(revision, version)) {
                return revision.get("product", Document.class);
            }
        }
        return null;
    }

    /**
     * The revisions after a change from {@code version} to the next: the open one (a product, or a removal) ends
     * there and {@code product} (null: removed) starts.
     */
    static List<Document> next(Document document, long version, Document product) {
        var next = new ArrayList<Document>();
        for (var revision : list(document)) {
            if (revision.getLong("from") <= version && revision.get("to") == null) {
                next.add(new Document(revision).append("to", version + 1));
            } else {
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

    /**
     * The product's changes up to {@code current}, oldest first: each revision that starts a version, with the
     * product it made visible (null: removed). Two revisions in a row without a product are one removal.
     */
    static List<Step> steps(Document document, long current) {
        var revisions = new ArrayList<>(list(document));
        revisions.removeIf(revision -> revision.getLong("from") > current);
        revisions.sort(Comparator.comparingLong(revision -> revision.getLong("from")));
        var steps = new ArrayList<Step>();
        Document before = null;
        for (var revision : revisions) {
            var product = revision.get("product", Document.class);
            if (product == null && before == null) {
                continue;
            }
            steps.add(new Step(revision.getLong("from"), before, product));
            before = product;
        }
        return steps;
    }

    /** A product's change at {@code version}: from {@code before} to {@code after} (either null: absent). */
    record Step(long version, Document before, Document after) {
    }

    /**
     * The revisions some kept version still needs: a revision that ended is dropped when no version from its
     * {@code from} to before its {@code to} is kept.
     */
    static List<Document> pruned(Document document, LongPredicate isKept, long lowestKept) {
        var kept = new ArrayList<Document>();
        for (var revision : list(document)) {
            Long to = revision.getLong("to");
            if (to == null || to > lowestKept && anyKept(revision.getLong("from"), to, isKept)) {
                kept.add(revision);
            }
        }
        return kept;
    }

    private static boolean anyKept(long from, long to, LongPredicate isKept) {
        for (long version = from; version < to; version++) {
            if (isKept.test(version)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any revision holds a product: a document without one is a product removed before every kept version. */
    static boolean holdsAProduct(List<Document> revisions) {
        return revisions.stream().anyMatch(revision -> revision.get("product") != null);
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

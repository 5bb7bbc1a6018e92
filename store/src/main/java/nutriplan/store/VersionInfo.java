package nutriplan.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The record of one catalog version: who made it, when, in which request, why, what it changed, and the tags that
 * name it.
 *
 * @param version   the catalog version this change made
 * @param author    as the {@link Change} named it
 * @param time      when it became visible, in UTC
 * @param requestId as the {@link Change} named it ("-" outside a request)
 * @param message   as the {@link Change} gave it, or null
 * @param products  how many products the catalog held at this version
 * @param summary   the products it added, changed and removed
 * @param tags      the tags naming this version, sorted (empty: none)
 */
public record VersionInfo(long version, String author, Instant time, String requestId, String message, int products,
                          Summary summary, List<String> tags) {

    public VersionInfo {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(summary, "summary");
        tags = List.copyOf(tags);
    }

    /**
     * The ids of the products a version added (absent before), changed (present before and after, different) and
     * removed, each in the order the change named them. A product put unchanged is in none of them.
     */
    public record Summary(List<String> added, List<String> changed, List<String> removed) {

        public Summary {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }

        /** Whether the version changed no product (a put of a product as it was). */
        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }
}

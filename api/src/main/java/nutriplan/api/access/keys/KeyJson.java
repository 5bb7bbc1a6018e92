package nutriplan.api.access.keys;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.store.keys.StoredKey;

/** Keys as answers show them: everything but the digest; the key itself only in the answer that made it. */
final class KeyJson {

    private KeyJson() {
    }

    static ObjectNode list(List<StoredKey> keys, Instant now) {
        var node = JsonNodeFactory.instance.objectNode();
        var array = node.putArray("keys");
        keys.forEach(key -> array.add(key(key, now)));
        return node;
    }

    static ObjectNode key(StoredKey key, Instant now) {
        var node = JsonNodeFactory.instance.objectNode()
                .put("id", key.id())
                .put("name", key.name())
                .put("role", key.role())
                .put("status", key.status(now));
        var catalogs = node.putArray("catalogs");
        key.catalogs().stream().sorted().forEach(catalogs::add);
        node.put("created", key.created().toString()).put("createdBy", key.createdBy());
        node.put("expires", text(key.expires())).put("revoked", text(key.revoked())).put("lastUsed", text(key.lastUsed()));
        return node.put("replacedBy", key.replacedBy());
    }

    /** A key just made: the whole key once, first, then what is stored of it. */
    static ObjectNode issued(KeyService.Issued issued, Instant now) {
        var node = JsonNodeFactory.instance.objectNode().put("key", issued.key().text());
        return node.setAll(key(issued.stored(), now));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

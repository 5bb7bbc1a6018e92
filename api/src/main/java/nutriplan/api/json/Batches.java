package nutriplan.api.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.errors.ErrorJson;
import nutriplan.api.errors.TooLargeException;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.JsonFields;

/**
 * What every batch route shares: its envelope {@code {"<field>": [ ... ]}} in, {@code {"results": [{"status", "body"},
 * ...]}} out, one result per item in the order sent. A fault of the envelope is one error for the whole call; a fault
 * of an item is that item's result, with the status and body a single call would have got, so it spoils no other.
 */
public final class Batches {

    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Batches() {
    }

    /**
     * The items of a batch body.
     *
     * @param field what the envelope holds them in ("requests")
     * @param what  what an item is, for messages ("plan requests")
     * @param max   the most items a batch may hold
     * @throws InvalidInputException when the body is not JSON, not an object, has other fields, or {@code field} is
     *                               missing, not an array or empty (400)
     * @throws TooLargeException     when it holds more than {@code max} items (413), said before any is read
     */
    public static List<JsonNode> items(byte[] body, String field, String what, int max) {
        var findings = Findings.create();
        var fields = JsonFields.of(JsonBody.parse(body), "", findings, Set.of(field));
        var items = fields == null ? null : fields.node(field);
        if (fields != null && (items == null || items.isNull())) {
            findings.error(field, "is required: an array of 1 to " + max + " " + what);
        } else if (items != null && !items.isArray()) {
            findings.error(field, "must be an array of 1 to " + max + " " + what + ", got " + JsonFields.describe(items));
        } else if (items != null && items.isEmpty()) {
            findings.error(field, "must hold 1 to " + max + " " + what + ", got none");
        } else if (items != null && items.size() > max) {
            throw new TooLargeException(field, "the batch holds " + items.size() + " " + what + "; at most " + max
                    + " are accepted (MAX_BATCH_REQUESTS): send them in several batches");
        }
        if (findings.hasErrors()) {
            throw InvalidInputException.of(findings, "the batch");
        }
        var list = new ArrayList<JsonNode>(items.size());
        items.forEach(list::add);
        return list;
    }

    /**
     * One item's answer from the code of the single call: its answer, or the typed error it threw as that error's
     * status and body (a 500 is logged, and its body says nothing more, as a single call's).
     */
    public static JsonAnswer answer(Supplier<JsonAnswer> single) {
        try {
            return single.get();
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** The status and body of the error a single call would have got for this exception. */
    public static JsonAnswer failed(RuntimeException exception) {
        var error = ErrorJson.of(exception);
        if (error.status() == 500) {
            LOG.error("internal error on a request of a batch", exception);
        }
        return new JsonAnswer(error.status(), error.body());
    }

    /** {@code {"results": [{"status": 200, "body": {...}}, ...]}}, in the order given. */
    public static ObjectNode results(List<JsonAnswer> answers) {
        var root = NODES.objectNode();
        var results = root.putArray("results");
        answers.forEach(answer -> results.addObject().put("status", answer.status()).set("body", answer.body()));
        return root;
    }
}

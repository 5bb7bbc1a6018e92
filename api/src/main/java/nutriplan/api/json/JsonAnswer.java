package nutriplan.api.json;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/** An HTTP answer as a batch carries it for each of its requests: the status and the JSON body a single call gets. */
public record JsonAnswer(int status, JsonNode body) {

    public JsonAnswer {
        Objects.requireNonNull(body, "body");
    }
}

package nutriplan.api.errors;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error as it leaves nutriplan: the HTTP status, the {@code {"error", "message", "details"}} body and the
 * headers that go with it ({@code Retry-After} on a 503, {@code Allow} on a 405).
 * The command line prints the same body and turns the status into an exit code.
 */
public record ErrorResponse(int status, ObjectNode body, Map<String, String> headers) {

    public ErrorResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    public ErrorResponse(int status, ObjectNode body) {
        this(status, body, Map.of());
    }
}

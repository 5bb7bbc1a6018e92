package nutriplan.api.errors;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error as it leaves nutriplan: the HTTP status and the {@code {"error", "message", "details"}} body.
 * The command line prints the same body and turns the status into an exit code.
 */
public record ErrorResponse(int status, ObjectNode body) {

    public ErrorResponse {
        Objects.requireNonNull(body, "body");
    }
}

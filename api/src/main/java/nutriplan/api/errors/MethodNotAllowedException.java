package nutriplan.api.errors;

import java.util.List;

/**
 * A route that exists, called with a method it does not answer (405 {@code method_not_allowed}, with {@code Allow}).
 *
 * @see ErrorJson#of(Exception)
 */
public final class MethodNotAllowedException extends RuntimeException {

    private final List<String> allowed;

    /** @param allowed the methods the route answers, such as ["POST"] */
    public MethodNotAllowedException(String message, List<String> allowed) {
        super(message, null, false, false);
        this.allowed = List.copyOf(allowed);
    }

    public List<String> allowed() {
        return allowed;
    }
}

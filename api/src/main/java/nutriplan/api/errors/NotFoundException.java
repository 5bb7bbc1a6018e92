package nutriplan.api.errors;

/**
 * A request names something that does not exist: an unknown catalog (404 {@code not_found} in API.md).
 *
 * @see ErrorJson#of(Exception)
 */
public final class NotFoundException extends RuntimeException {

    private final String field;

    /**
     * @param field   the request field that names the missing thing ("catalog"), or "" for none
     * @param message what is missing, in words a caller can act on
     */
    public NotFoundException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

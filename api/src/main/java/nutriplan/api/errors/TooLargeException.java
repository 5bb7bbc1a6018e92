package nutriplan.api.errors;

/**
 * A body or an inline catalog over the configured limits (413 {@code too_large} in API.md).
 * Thrown as soon as the size is known, before the content is read: a large body costs no parsing.
 *
 * @see ErrorJson#of(Exception)
 */
public final class TooLargeException extends RuntimeException {

    private final String field;

    /**
     * @param field   the request field that is too large ("products"), or "" for the body itself
     * @param message how large it is and what the limit is
     */
    public TooLargeException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

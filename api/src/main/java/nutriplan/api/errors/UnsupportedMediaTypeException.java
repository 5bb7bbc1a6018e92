package nutriplan.api.errors;

/**
 * A body sent with a Content-Type other than JSON (415 {@code unsupported_media_type}). API.md's table is
 * silent on it; 415 is what HTTP says, and requiring JSON also keeps plain HTML forms of other sites out.
 *
 * @see ErrorJson#of(Exception)
 */
public final class UnsupportedMediaTypeException extends RuntimeException {

    public UnsupportedMediaTypeException(String message) {
        super(message, null, false, false);
    }
}

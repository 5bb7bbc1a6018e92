package nutriplan.catalog.nutrient;

/** A quantity that cannot be read; the message says what was given and what was expected. */
public final class InvalidQuantityException extends RuntimeException {

    public InvalidQuantityException(String message) {
        super(message, null, false, false);
    }
}

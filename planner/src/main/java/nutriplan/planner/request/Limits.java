package nutriplan.planner.request;

/**
 * Caps on a plan; {@link #NONE} (Integer.MAX_VALUE) means no cap.
 *
 * @param maxServingsPerProduct the most servings of any one product
 * @param maxProducts           the most distinct products
 * @param maxServings           the most servings in total
 */
public record Limits(int maxServingsPerProduct, int maxProducts, int maxServings) {

    public static final int NONE = Integer.MAX_VALUE;
    public static final Limits UNLIMITED = new Limits(NONE, NONE, NONE);

    public Limits {
        if (maxServingsPerProduct < 1 || maxProducts < 1 || maxServings < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
    }

    public Limits withMaxServingsPerProduct(int value) {
        return new Limits(value, maxProducts, maxServings);
    }

    public Limits withMaxProducts(int value) {
        return new Limits(maxServingsPerProduct, value, maxServings);
    }

    public Limits withMaxServings(int value) {
        return new Limits(maxServingsPerProduct, maxProducts, value);
    }
}

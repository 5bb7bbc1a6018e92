package nutriplan.planner.request;

import nutriplan.catalog.json.JsonEnum;

/**
 * What a request does with a product whose amount of a nutrient it bounds from above is not known: such a
 * product cannot be shown to keep the plan under that maximum.
 */
public enum UnknownUnderMax implements JsonEnum {
    /** The default: the product is left out of the request, and the response says which and why. */
    EXCLUDE,
    /** The product may be used, its unknown counted as 0: the totals concerned are lower bounds, not proven. */
    ALLOW;

    @Override
    public String toString() {
        return jsonName();
    }
}

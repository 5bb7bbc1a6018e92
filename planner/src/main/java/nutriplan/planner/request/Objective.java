package nutriplan.planner.request;

import nutriplan.catalog.json.JsonEnum;

/** What "smallest" means for a plan (API.md); ties are broken by fewer products, then less overshoot. */
public enum Objective implements JsonEnum {
    /** Fewest servings in total. */
    SERVINGS,
    /** Fewest distinct products. */
    PRODUCTS,
    /** Least to carry: serving mass, mL counted as g. */
    MASS,
    /** Cheapest; products without a price are not eligible. */
    COST;

    @Override
    public String toString() {
        return jsonName();
    }
}

package nutriplan.catalog.product;

import nutriplan.catalog.json.JsonEnum;

/** What a product is, as API.md lists the kinds. */
public enum Kind implements JsonEnum {
    DRINK, POWDER, GEL, CHEW, BAR, SHAKE, FOOD, SUPPLEMENT;

    @Override
    public String toString() {
        return jsonName();
    }
}

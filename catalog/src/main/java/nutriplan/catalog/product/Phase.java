package nutriplan.catalog.product;

import nutriplan.catalog.json.JsonEnum;

/**
 * When, around a session, a product is meant to be taken: a product's {@code use} lists the phases it is fit for
 * (a gel: before and during; cooked rice: before and after; a recovery shake: after), and a plan for one phase uses
 * only products fit for it. Sources: the AIS Sports Supplement Framework's "how and when do I use it" pages for
 * gels, bars and drinks, and ISSN nutrient timing (docs/catalog.md, "When a product is taken").
 */
public enum Phase implements JsonEnum {
    BEFORE, DURING, AFTER;

    @Override
    public String toString() {
        return jsonName();
    }
}

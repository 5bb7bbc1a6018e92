package nutriplan.planner.timefold.domain;

import java.util.Set;

/**
 * The set of products of a plan already given (the best plan, or an earlier alternative): each alternative must
 * use a different set. A problem fact, by candidate index.
 */
public record EarlierPlan(int rank, Set<Integer> products) {

    public EarlierPlan {
        products = Set.copyOf(products);
    }
}

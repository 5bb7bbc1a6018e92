package nutriplan.planner.timefold.solver;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;

import nutriplan.planner.timefold.domain.CandidateLists;
import nutriplan.planner.timefold.domain.NutrientRow;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;

/**
 * Proposes moves for one step of the local search, from one reading of the working plan: which products it uses,
 * every nutrient's total, what is short and what is over. Out of the box Timefold would change a random product
 * among thousands to a random count; these moves suit integer servings:
 * <ul>
 * <li><b>step</b>: one serving more or less of a product in the plan;</li>
 * <li><b>add</b>: one serving of a product the relaxation likes, or one rich in a nutrient that is short;</li>
 * <li><b>transfer</b>: one serving from a product in the plan to another;</li>
 * <li><b>swap</b>: a product out, another rich in the nutrient it was there for in, with about its servings;</li>
 * <li><b>ruin and repair</b>: take one or two products (or a few servings) out, then add servings greedily —
 * best coverage of what is short per unit of cost, never past a max — and drop what is no longer needed: the
 * move that finds a plan one serving smaller, and repairs a plan that misses targets;</li>
 * <li><b>reseed</b>: a new plan from scratch, greedy from one serving of a candidate (a pilot method, as
 * {@link nutriplan.planner.problem.Greedy#solveSeeded}): how a plan of one or two products is found when the
 * current one has more.</li>
 * </ul>
 * Candidates to add come from {@link CandidateLists} (and, rarely, from anywhere), so a move costs the same on
 * 10,000 products as on 30. Every value stays within the product's range ({@link Draft} clamps it). Timefold scores each move and its
 * acceptor decides; nothing here needs to be right, only useful.
 */
final class MoveGenerator implements Iterator<SetServings> {

    /** How far down the candidate lists a move looks. */
    private static final int LIST_DEPTH = 64;
    /** The first entries of a list, always considered by a repair. */
    private static final int LIST_HEAD = 6;
    /** Proposals tried before falling back to a plain add, when they change nothing. */
    private static final int ATTEMPTS = 8;
    /** How often a step repairs a plan that misses a target or breaks a max or a limit, instead of any other move. */
    private static final double REPAIR_IF_INFEASIBLE = 0.5;

    // Which move a step proposes otherwise: a uniform r in [0, 1) takes the first whose threshold it is below, so
    // each move's share is its threshold less the one before: step 15 %, add 10 %, transfer 15 %, swap 15 %,
    // reseed 10 %, and ruin and repair the remaining 35 %.
    private static final double STEP_BELOW = 0.15;
    private static final double ADD_BELOW = 0.25;
    private static final double TRANSFER_BELOW = 0.40;
    private static final double SWAP_BELOW = 0.55;
    private static final double RESEED_BELOW = 0.65;

    // What a ruin takes out: one product (50 %), two products (25 %), or else one or two servings.
    private static final double RUIN_ONE_BELOW = 0.5;
    private static final double RUIN_TWO_BELOW = 0.75;

    // Where a product to add comes from: anywhere (5 %), the relaxation's attractive list (30 %, or all the rest
    // when no nutrient has a rich list), the broad coverers (15 %), else the list rich in a short nutrient.
    private static final double ANY_PRODUCT_BELOW = 0.05;
    private static final double ATTRACTIVE_BELOW = 0.35;
    private static final double BROAD_BELOW = 0.5;

    private final WorkingPlan plan;
    private final List<ProductServings> products;
    private final List<NutrientRow> rows;
    private final CandidateLists candidates;
    private final PlanningVariableMetaModel<ServingsPlan, ProductServings, Integer> variable;
    private final RandomGenerator random;
    private final int targets;
    private final int[] used;
    private final int[] shortRows;

    MoveGenerator(ServingsPlan plan, PlanningVariableMetaModel<ServingsPlan, ProductServings, Integer> variable,
                  RandomGenerator random) {
        this.plan = WorkingPlan.read(plan);
        this.products = this.plan.products();
        this.rows = this.plan.rows();
        this.candidates = this.plan.candidates();
        this.variable = variable;
        this.random = random;
        this.targets = rows.size();
        this.used = this.plan.used();
        this.shortRows = this.plan.shortRows();
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public SetServings next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var draft = propose();
            if (draft != null && draft.changed()) {
                return draft.toMove(variable);
            }
        }
        return add(newDraft()).toMove(variable);
    }

    private Draft propose() {
        if (used.length == 0) {
            return repair(newDraft());
        }
        if (!plan.feasible() && random.nextDouble() < REPAIR_IF_INFEASIBLE) {
            return repair(newDraft());
        }
        double r = random.nextDouble();
        if (r < STEP_BELOW) {
            return step(newDraft());
        } else if (r < ADD_BELOW) {
            return add(newDraft());
        } else if (r < TRANSFER_BELOW) {
            return transfer(newDraft());
        } else if (r < SWAP_BELOW) {
            return swap(newDraft());
        } else if (r < RESEED_BELOW) {
            return reseed(newDraft());
        }
        return ruinAndRepair(newDraft());
    }

    private Draft reseed(Draft draft) {
        for (int i : used) {
            draft.set(i, products.get(i).lower());
        }
        int j = random.nextBoolean() ? pick(candidates.broad()) : randomCandidate();
        draft.set(j, Math.max(1, draft.value(j)));
        return repair(draft);
    }

    private Draft step(Draft draft) {
        int i = used[random.nextInt(used.length)];
        int value = draft.value(i) + (random.nextBoolean() ? 1 : -1);
        draft.set(i, value);
        return draft;
    }

    private Draft add(Draft draft) {
        int j = randomCandidate();
        if (draft.value(j) < products.get(j).upper()) {
            draft.set(j, draft.value(j) + 1);
        }
        return draft;
    }

    private Draft transfer(Draft draft) {
        int i = used[random.nextInt(used.length)];
        int j = randomCandidate();
        if (i != j && draft.value(j) < products.get(j).upper()) {
            draft.set(i, draft.value(i) - 1);
            draft.set(j, draft.value(j) + 1);
        }
        return draft;
    }

    /** Product i out; a product rich in the nutrient i covers most of (relative to its minimum) in, with about i's servings. */
    private Draft swap(Draft draft) {
        int i = used[random.nextInt(used.length)];
        int j = richInWhatCovers(i);
        if (j < 0 || j == i) {
            return null;
        }
        int servingsOfI = draft.value(i);
        draft.set(i, products.get(i).lower());
        int wanted = Math.max(1, servingsOfI + random.nextInt(3) - 1);
        draft.set(j, Math.min(products.get(j).upper(), draft.value(j) + wanted));
        return draft;
    }

    private Draft ruinAndRepair(Draft draft) {
        double r = random.nextDouble();
        int i = used[random.nextInt(used.length)];
        if (r < RUIN_ONE_BELOW) {
            draft.set(i, products.get(i).lower());
        } else if (r < RUIN_TWO_BELOW && used.length > 1) {
            int k = used[random.nextInt(used.length)];
            draft.set(i, products.get(i).lower());
            draft.set(k, products.get(k).lower());
        } else {
            draft.set(i, draft.value(i) - 1 - random.nextInt(2));
        }
        return repair(draft);
    }

    /** Takes servings away while a max or a limit is broken, then adds greedily while a minimum is short. */
    private Draft repair(Draft draft) {
        draft.shedExcess();
        draft.fill(candidatesFor(draft));
        draft.dropUnneeded();
        return draft;
    }

    /** A product to add: one the relaxation likes, one rich in a short (or any) nutrient, or rarely any at all. */
    private int randomCandidate() {
        if (plan.concentration() > 0 && candidates.diluting().length > 0 && random.nextBoolean()) {
            return pick(candidates.diluting()); // over the concentration limit: half the time, something to dilute it
        }
        double r = random.nextDouble();
        if (r < ANY_PRODUCT_BELOW) {
            return random.nextInt(products.size());
        }
        if (r < ATTRACTIVE_BELOW || !hasRichLists()) {
            return pick(candidates.attractive());
        }
        if (r < BROAD_BELOW) {
            return pick(candidates.broad());
        }
        int t = shortRows.length > 0 ? shortRows[random.nextInt(shortRows.length)] : randomRichTarget();
        return pick(candidates.richIn()[t]);
    }

    private int richInWhatCovers(int i) {
        var product = products.get(i);
        int bestTarget = -1;
        double bestShare = 0;
        for (int t = 0; t < targets; t++) {
            var row = rows.get(t);
            if (row.hasMin() && row.min() > 0) {
                double share = (double) product.minAmount(t) / row.min();
                if (share > bestShare) {
                    bestShare = share;
                    bestTarget = t;
                }
            }
        }
        if (bestTarget < 0 || candidates.richIn()[bestTarget].length == 0) {
            return pick(candidates.attractive());
        }
        return pick(candidates.richIn()[bestTarget]);
    }

    private boolean hasRichLists() {
        for (var list : candidates.richIn()) {
            if (list.length > 0) {
                return true;
            }
        }
        return false;
    }

    private int randomRichTarget() {
        int t;
        do {
            t = random.nextInt(targets);
        } while (candidates.richIn()[t].length == 0);
        return t;
    }

    /** An entry of a list, the first ones more likely. */
    private int pick(int[] list) {
        if (list.length == 0) {
            return random.nextInt(products.size());
        }
        int depth = Math.min(list.length, LIST_DEPTH);
        int a = random.nextInt(depth);
        int b = random.nextInt(depth);
        return list[Math.min(a, b)];
    }

    /**
     * What a repair may add: the products in the plan, the heads of the lists for short nutrients (and of the dilute
     * products, over the concentration limit), a sample.
     */
    private int[] candidatesFor(Draft draft) {
        var list = new int[used.length + draft.size() + (targets + 3) * (LIST_HEAD + 4) + 1];
        int n = 0;
        for (int i : used) {
            list[n++] = i;
        }
        n = draft.copyIndices(list, n);
        for (int t = 0; t < targets; t++) {
            var rich = candidates.richIn()[t];
            if (rich.length == 0 || draft.shortfall(t) == 0) {
                continue;
            }
            for (int k = 0; k < Math.min(LIST_HEAD, rich.length); k++) {
                list[n++] = rich[k];
            }
            for (int k = 0; k < 4; k++) {
                list[n++] = pick(rich);
            }
        }
        var diluting = candidates.diluting();
        if (draft.concentrated() && diluting.length > 0) {
            for (int k = 0; k < Math.min(LIST_HEAD, diluting.length); k++) {
                list[n++] = diluting[k];
            }
            for (int k = 0; k < 4; k++) {
                list[n++] = pick(diluting);
            }
        }
        for (var ranked : new int[][] {candidates.attractive(), candidates.broad()}) {
            for (int k = 0; k < Math.min(LIST_HEAD, ranked.length); k++) {
                list[n++] = ranked[k];
            }
            for (int k = 0; k < 4; k++) {
                list[n++] = pick(ranked);
            }
        }
        list[n++] = random.nextInt(products.size());
        return Arrays.copyOf(list, n);
    }

    private Draft newDraft() {
        return new Draft(plan, random);
    }
}

package nutriplan.planner.schedule.domain;

import java.util.Set;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Product;

/**
 * One serving of the plan and the slot it starts at. A drink serving is taken in {@code sips} equal parts at
 * consecutive slots from there (each at most the stated volume); anything else at its one slot.
 */
@PlanningEntity(comparatorClass = Placement.Difficulty.class)
public class Placement {

    /** Kinds that are chewed: two in one slot are too much at once. */
    public static final Set<Kind> SOLIDS = Set.of(Kind.BAR, Kind.FOOD, Kind.CHEW);
    /** Kinds only for the first half: fibre, fat and protein sit badly late in a session (§12). */
    public static final Set<Kind> EARLY_ONLY = Set.of(Kind.BAR, Kind.FOOD);
    /** Kinds the last third may hold. */
    public static final Set<Kind> LATE_KINDS = Set.of(Kind.DRINK, Kind.GEL, Kind.CHEW, Kind.POWDER);

    @PlanningId
    private int id;
    private Product product;
    private int serving;
    private int sips;
    /** Per tracked nutrient, the whole serving's amount in thousandths. */
    private long[] amounts;

    @PlanningVariable
    private Slot start;

    /** For Timefold's cloner. */
    Placement() {
    }

    /**
     * @param serving 1, 2, … among the servings of its product in the plan
     * @param amounts per {@link Tracked} nutrient, the serving's amount in thousandths
     */
    public Placement(int id, Product product, int serving, int sips, long[] amounts, Slot start) {
        if (sips < 1) {
            throw new IllegalArgumentException("a serving is taken in at least one sip, got " + sips);
        }
        this.id = id;
        this.product = product;
        this.serving = serving;
        this.sips = sips;
        this.amounts = amounts.clone();
        this.start = start;
    }

    public int getId() {
        return id;
    }

    public Product product() {
        return product;
    }

    public Kind kind() {
        return product.kind();
    }

    public int serving() {
        return serving;
    }

    public int sips() {
        return sips;
    }

    public Slot getStart() {
        return start;
    }

    public void setStart(Slot start) {
        this.start = start;
    }

    public long amount(Tracked nutrient) {
        return amounts[nutrient.ordinal()];
    }

    public boolean has(Tracked nutrient) {
        return amount(nutrient) > 0;
    }

    public boolean isSolid() {
        return SOLIDS.contains(kind());
    }

    public int firstSlot() {
        return start.index();
    }

    /** The index after its last sip; past the session's slot count when it runs over the end. */
    public int endSlot() {
        return start.index() + sips;
    }

    /** Minutes from the start of the session to its first sip, from the slot spacing. */
    public int startMin() {
        return start.atMin();
    }

    /** The last sip's minute, for slots spaced {@code intervalMin} apart. */
    public int lastMin(int intervalMin) {
        return start.atMin() + (sips - 1) * intervalMin;
    }

    public boolean overlaps(int fromSlot, int toSlot) {
        return firstSlot() < toSlot && endSlot() > fromSlot;
    }

    /**
     * What the serving supplies in slots {@code [fromSlot, toSlot)}, in thousandths. Sip k holds
     * {@code amount·(k+1)/sips − amount·k/sips}, so the sips add up to the serving exactly.
     */
    public long amountIn(Tracked nutrient, int fromSlot, int toSlot) {
        int first = Math.max(fromSlot, firstSlot()) - firstSlot();
        int end = Math.min(toSlot, endSlot()) - firstSlot();
        if (end <= first) {
            return 0;
        }
        long amount = amount(nutrient);
        return amount * end / sips - amount * first / sips;
    }

    /**
     * How hard a placement is to place, for the construction heuristic, which places the hardest first: bars and
     * foods (only the first half suits them), then the other solids, then by carbohydrate (the scarcest cap), then
     * by sips. Placed last, a sandwich finds the first half already full of sips and lands at the end, where the
     * local search cannot move it back without moving several drinks at once.
     */
    public static final class Difficulty implements java.util.Comparator<Placement> {
        @Override
        public int compare(Placement a, Placement b) {
            return java.util.Comparator.comparing((Placement p) -> EARLY_ONLY.contains(p.kind()))
                    .thenComparing(Placement::isSolid)
                    .thenComparingLong(p -> p.amount(Tracked.CARBOHYDRATE))
                    .thenComparingInt(Placement::sips)
                    .thenComparingInt(Placement::getId)
                    .compare(a, b);
        }
    }

    @Override
    public String toString() {
        return product.id() + "#" + serving + "@" + start;
    }
}

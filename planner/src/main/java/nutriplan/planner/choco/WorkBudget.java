package nutriplan.planner.choco;

import nutriplan.planner.problem.IntegerProgram;

/**
 * The work a series of exact checks (an explanation's) or one search (the least objective's, for {@code auto}) may still
 * do, in all and in one check: counted, never timed,
 * so that the same request gets the same checks on any machine, cold or warm — yet weighted by what each step costs,
 * so that the count tracks time. Search nodes alone do not: a Choco node with the relaxation solved at it costs some
 * 700 µs on 44 products, one without it some 55 µs on 528 foods, a {@link BinarySubsets} node 1–40 µs there.
 *
 * <p>A unit is about a nanosecond of one core of the machine these were measured on (thread CPU time, the meals of
 * the decision benchmark and the default catalog's probes), and each step is charged per term of its problem: a
 * candidate in a row (the objective one of them). {@link BinarySubsets}, whose nodes differ a hundredfold in cost,
 * counts its own term visits, a unit each (1.0–1.3 ns measured). The rates are estimates within a factor of about
 * two; what matters is that they are fixed.
 */
final class WorkBudget {

    /** A check settled by the last certificate or a greedy plan: building the problem, one greedy pass. */
    private static final long SHORT_CHECK_PER_TERM = 300;
    /** A check that goes on: the exact relaxation, greedy restarts, the enumeration of small plans. */
    private static final long LONG_CHECK_PER_TERM = 2_000;
    /** Building a Choco model and propagating it once. */
    private static final long MODEL_PER_TERM = 3_000;
    /**
     * A node of {@link SmallSupports}' enumeration, whatever the problem's size (0.05–0.1 µs: a million took up to
     * 100 ms).
     */
    static final long SMALL_SUPPORTS_NODE = 100;
    /** A Choco node: its propagation over the rows. */
    private static final long CHOCO_NODE_PER_TERM = 15;
    /** A Choco node with the relaxation solved again at it ({@link RelaxationPropagator}): a warm simplex. */
    private static final long RELAXED_NODE_PER_TERM = 1_500;

    private long left;
    private final long perCheck;
    private long spent;

    WorkBudget(long total, long perCheck) {
        this.left = total;
        this.perCheck = perCheck;
    }

    /** A budget for one search, all of which it may spend. */
    WorkBudget(long total) {
        this(total, total);
    }

    /** No limit: only the deadline stops the search (a caller that budgets time, not work). */
    static WorkBudget unlimited() {
        return new WorkBudget(Long.MAX_VALUE);
    }

    /** What is left in all. */
    long left() {
        return left;
    }

    /** Whether what is left covers {@code work}. */
    boolean affords(long work) {
        return left >= work;
    }

    /** What one check's search may still spend. */
    long forOneCheck() {
        return Math.min(left, perCheck);
    }

    boolean exhausted() {
        return left == 0;
    }

    /** The work charged so far: the same for the same request, run after run. */
    long spent() {
        return spent;
    }

    void spend(long work) {
        spent += work;
        left = Math.max(0, left - work);
    }

    static long shortCheck(IntegerProgram program) {
        return SHORT_CHECK_PER_TERM * terms(program);
    }

    static long longCheck(IntegerProgram program) {
        return LONG_CHECK_PER_TERM * terms(program);
    }

    static long model(IntegerProgram program) {
        return MODEL_PER_TERM * terms(program);
    }

    static long chocoNode(IntegerProgram program, boolean relaxationAtNodes) {
        return (relaxationAtNodes ? RELAXED_NODE_PER_TERM : CHOCO_NODE_PER_TERM) * terms(program);
    }

    /** A candidate in a row, the objective one of them. */
    private static long terms(IntegerProgram program) {
        return (long) Math.max(1, program.size()) * (program.rows().size() + 1);
    }
}

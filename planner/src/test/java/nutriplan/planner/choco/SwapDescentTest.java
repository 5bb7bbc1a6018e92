package nutriplan.planner.choco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import nutriplan.planner.problem.IntegerProgram;
import nutriplan.planner.problem.IntegerProgram.Row;

class SwapDescentTest {

    /**
     * Three one-serving candidates and "at least 10": the first meets it at cost 5, the second at cost 3; the third
     * costs 1 but brings only 6.
     */
    private static final IntegerProgram PROGRAM = new IntegerProgram(new long[] {5, 3, 1}, 0,
            List.of(new Row(new long[] {10, 10, 6}, 0, true, 10, "targets.carbohydrate.min")),
            new int[] {0, 0, 0}, new int[] {1, 1, 1});

    @Test
    void takes_the_swap_that_lowers_the_goal_and_keeps_every_row() {
        var improved = SwapDescent.improve(PROGRAM, new int[] {1, 0, 0}, plan -> true);

        assertThat(improved).containsExactly(0, 1, 0);
    }

    @Test
    void keeps_the_plan_when_the_only_better_one_is_not_allowed() {
        var improved = SwapDescent.improve(PROGRAM, new int[] {1, 0, 0},
                plan -> !Arrays.equals(plan, new int[] {0, 1, 0}));

        assertThat(improved).containsExactly(1, 0, 0);
    }

    /**
     * A concentration row: the second candidate is cheaper but has no fluid (+25), the first is a drink below the
     * limit (−5). Swapping the drink for it lowers the goal and breaks the row, which the swap must see: it is the
     * row's total after the swap that counts, whatever the signs.
     */
    @Test
    void refuses_a_swap_that_breaks_the_concentration_row() {
        var program = new IntegerProgram(new long[] {5, 3}, 0, List.of(
                new Row(new long[] {10, 10}, 0, true, 10, "targets.carbohydrate.min"),
                new Row(new long[] {-5, 25}, 0, false, 0, "concentration.max")), new int[] {0, 0}, new int[] {1, 1});

        assertThat(SwapDescent.improve(program, new int[] {1, 0}, plan -> true)).containsExactly(1, 0);
        // Without the row, the same swap is taken.
        var without = new IntegerProgram(program.cost(), 0, program.rows().subList(0, 1), program.lower(), program.upper());
        assertThat(SwapDescent.improve(without, new int[] {1, 0}, plan -> true)).containsExactly(0, 1);
    }

    @Test
    void counts_products_in_rows() {
        // Two servings of the first (cost 6), or of the second (cost 4): the way between is one of each.
        var rows = List.of(new Row(new long[] {1, 1}, 0, true, 2, "targets.carbohydrate.min"));
        var program = new IntegerProgram(new long[] {3, 2}, 0, rows, new int[] {0, 0}, new int[] {2, 2});
        var oneProduct = program.withRow(new Row(new long[2], 1, false, 1, "limits.maxProducts"));

        assertThat(SwapDescent.improve(program, new int[] {2, 0}, plan -> true)).containsExactly(0, 2);
        assertThat(SwapDescent.improve(oneProduct, new int[] {2, 0}, plan -> true)).containsExactly(2, 0);
    }
}

package nutriplan.planner.timefold.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nutriplan.planner.choco.BruteForce;
import nutriplan.planner.choco.BruteForcePropertyTest;
import nutriplan.planner.choco.ConcentrationBruteForceTest;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanItem;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.timefold.TimefoldModels;
import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;

/**
 * The local search's moves on their own, without Timefold's acceptor, on random tiny requests with brute force as
 * the oracle: every move stays within each product's range and sets only servings that change (a move may be empty
 * when nothing can change), and a plain climb that keeps a
 * move when it breaks no more and costs no more reaches the proven optimum from an empty plan on most requests,
 * never a plan where none exists. Seeded: the same moves every run.
 */
class MoveGeneratorTest {

    private static final int PER_OBJECTIVE = 60;
    private static final int STEPS = 400;

    @Test
    void every_move_stays_within_each_products_range_and_sets_only_what_changes() {
        for (var request : requests(20)) {
            var plan = TimefoldModels.atLowerBounds(request);
            var random = new Random(7);
            for (int step = 0; step < 50 && !plan.getProducts().isEmpty(); step++) {
                var move = new MoveGenerator(plan, null, random).next();

                var entities = move.getPlanningEntities().stream().map(ProductServings.class::cast).toList();
                var values = move.getPlanningValues().stream().map(Integer.class::cast).toList();
                for (int k = 0; k < entities.size(); k++) {
                    var product = entities.get(k);
                    assertThat(values.get(k)).as("%s", move).isBetween(product.lower(), product.upper())
                            .isNotEqualTo(product.servings());
                }
                apply(entities, values);
            }
        }
    }

    @Test
    void a_climb_on_its_moves_alone_reaches_the_optimum_of_most_tiny_requests() {
        var problems = new ArrayList<String>();
        int feasible = 0;
        int optimal = 0;
        for (var request : requests(PER_OBJECTIVE)) {
            var truth = BruteForce.solve(request);
            var plan = TimefoldModels.atLowerBounds(request);
            if (plan.getProducts().isEmpty()) {
                continue;
            }
            var random = new Random(11);
            var current = judge(request, plan);
            for (int step = 0; step < STEPS; step++) {
                var move = new MoveGenerator(plan, null, random).next();
                var entities = move.getPlanningEntities().stream().map(ProductServings.class::cast).toList();
                var before = entities.stream().map(ProductServings::servings).toList();
                apply(entities, move.getPlanningValues().stream().map(Integer.class::cast).toList());
                var next = judge(request, plan);
                if (JUDGEMENT.compare(next, current) <= 0) {
                    current = next;
                } else {
                    apply(entities, before);
                }
            }
            if (current.violations() == 0 && !truth.isFeasible()) {
                problems.add(request + ": a plan where brute force finds none");
            }
            if (current.violations() == 0 && truth.isFeasible() && current.value() < truth.best().value()) {
                problems.add(request + ": beats the optimum " + truth.best().value());
            }
            if (truth.isFeasible()) {
                feasible++;
                optimal += current.violations() == 0 && current.value() == truth.best().value() ? 1 : 0;
            }
        }

        assertThat(problems).isEmpty();
        assertThat(optimal).as("optimal of %d feasible", feasible).isGreaterThanOrEqualTo(feasible * 9 / 10);
    }

    /**
     * The same climb under a concentration limit (gels, drinks either side of it, water, powders): a plan that breaks
     * it counts as broken, so the climb needs the moves that dilute (the repairs count what the plan is over by as
     * short, and the dilute products as the candidates that cover it).
     */
    @Test
    void a_climb_on_its_moves_alone_keeps_a_concentration_limit_and_reaches_most_optima_under_it() {
        var problems = new ArrayList<String>();
        int feasible = 0;
        int optimal = 0;
        for (int k = 0; k < 200; k++) {
            var request = ConcentrationBruteForceTest.instance(27_000_000L + k);
            var truth = BruteForce.solve(request);
            var plan = TimefoldModels.atLowerBounds(request);
            if (plan.getProducts().isEmpty() || !truth.isFeasible()) {
                continue;
            }
            var random = new Random(11);
            var current = judge(request, plan);
            for (int step = 0; step < STEPS; step++) {
                var move = new MoveGenerator(plan, null, random).next();
                var entities = move.getPlanningEntities().stream().map(ProductServings.class::cast).toList();
                var before = entities.stream().map(ProductServings::servings).toList();
                apply(entities, move.getPlanningValues().stream().map(Integer.class::cast).toList());
                var next = judge(request, plan);
                if (JUDGEMENT.compare(next, current) <= 0) {
                    current = next;
                } else {
                    apply(entities, before);
                }
            }
            if (current.violations() == 0 && current.value() < truth.best().value()) {
                problems.add(request + ": beats the optimum " + truth.best().value());
            }
            feasible++;
            optimal += current.violations() == 0 && current.value() == truth.best().value() ? 1 : 0;
        }

        assertThat(problems).isEmpty();
        System.out.printf("climb under a concentration limit: optimal on %d of %d feasible%n", optimal, feasible);
        assertThat(optimal).as("optimal of %d feasible", feasible).isGreaterThanOrEqualTo(feasible * 8 / 10);
    }

    /** The broken targets and limits of a plan (in the oracle's exact arithmetic), then its exact objective. */
    private record Judgement(int violations, long value) {
    }

    private static final Comparator<Judgement> JUDGEMENT =
            Comparator.comparingInt(Judgement::violations).thenComparingLong(Judgement::value);

    private static Judgement judge(PlanRequest request, ServingsPlan plan) {
        var items = new ArrayList<PlanItem>();
        for (var product : plan.getProducts()) {
            if (product.servings() > 0) {
                items.add(new PlanItem(product.product(), product.servings()));
            }
        }
        var found = new Plan(items);
        return new Judgement(BruteForce.violations(request, found).size(), BruteForce.exactValue(request.objective(), found));
    }

    private static void apply(List<ProductServings> entities, List<Integer> values) {
        for (int k = 0; k < entities.size(); k++) {
            entities.get(k).setServings(values.get(k));
        }
    }

    private static List<PlanRequest> requests(int perObjective) {
        var requests = new ArrayList<PlanRequest>();
        for (var objective : Objective.values()) {
            for (int i = 0; i < perObjective; i++) {
                requests.add(BruteForcePropertyTest.instance((objective.ordinal() + 1) * 1_000_000L + i));
            }
        }
        return requests;
    }
}

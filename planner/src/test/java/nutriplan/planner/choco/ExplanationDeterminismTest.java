package nutriplan.planner.choco;

import static nutriplan.catalog.nutrient.Nutrient.CARBOHYDRATE;
import static nutriplan.catalog.nutrient.Nutrient.ENERGY;
import static nutriplan.catalog.nutrient.Nutrient.FLUID;
import static nutriplan.catalog.nutrient.Nutrient.PROTEIN;
import static nutriplan.catalog.nutrient.Nutrient.SODIUM;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nutriplan.planner.auto.AutoPlanner;
import nutriplan.planner.reference.FoodTables;
import nutriplan.planner.reference.ProbeInstances;
import nutriplan.planner.plan.PlanStatus;
import nutriplan.planner.problem.DefaultCatalog;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;
import nutriplan.planner.timefold.TimefoldPlanner;

/**
 * The same infeasible request gets the same explanation, whether the JVM is cold (a child JVM that answers it
 * first thing) or warm (this one, again and again), and from every engine: its checks are exact and budgeted in
 * work, not time.
 */
class ExplanationDeterminismTest {

    /** The requests: a sodium target out of reach, protein per kcal out of reach, a tight two-serving probe (three servings became feasible with the sodium-rich mixes of the catalog). */
    static List<PlanRequest> requests() {
        var products = DefaultCatalog.get().products();
        return List.of(
                PlanRequest.of(List.of(Target.atLeast(CARBOHYDRATE, 60), Target.atLeast(SODIUM, 9000)), products)
                        .withLimits(Limits.UNLIMITED.withMaxServings(6)),
                PlanRequest.of(List.of(Target.between(PROTEIN, 66, 156), Target.between(ENERGY, 192, 448)), products),
                PlanRequest.of(List.of(Target.between(CARBOHYDRATE, 60, 65), Target.between(SODIUM, 1500, 1600),
                        Target.between(FLUID, 500, 600)), products).withLimits(Limits.UNLIMITED.withMaxServings(2)));
    }

    /** Prints each request's explanation, one per line: what a cold JVM answers. */
    public static void main(String[] args) {
        for (var request : requests()) {
            System.out.println(new ChocoPlanner().plan(request).infeasibility());
        }
    }

    @Test
    void a_cold_jvm_and_a_warm_one_and_every_engine_explain_alike() throws IOException, InterruptedException {
        var cold = coldExplanations();
        for (int round = 0; round < 3; round++) {
            var requests = requests();
            for (int i = 0; i < requests.size(); i++) {
                var result = new ChocoPlanner().plan(requests.get(i));
                assertThat(result.status()).as("request %d", i).isEqualTo(PlanStatus.INFEASIBLE);
                assertThat(result.infeasibility().complete()).as("request %d", i).isTrue();
                assertThat(result.infeasibility().toString()).as("request %d, warm round %d", i, round)
                        .isEqualTo(cold.get(i));
            }
        }
        for (var engine : List.of(new AutoPlanner(), new TimefoldPlanner())) {
            var result = engine.plan(requests().get(1));
            assertThat(result.status()).as(result.solver()).isEqualTo(PlanStatus.INFEASIBLE);
            assertThat(result.infeasibility().toString()).as(result.solver()).isEqualTo(cold.get(1));
        }
    }

    /**
     * A meal whose explanation runs out of work: {@code auto} gives its exact stage part of the time limit, yet its
     * explanation gets the work of the request's whole limit, as Choco's does (it used to get half, and other
     * relaxations).
     */
    @Test
    void auto_explains_a_meal_as_choco_does_when_the_work_runs_out() {
        var meal = ProbeInstances.meals(1, FoodTables.ifct(), 10).get(9).request().withTimeLimitMs(2_000);

        var choco = new ChocoPlanner().plan(meal);
        var auto = new AutoPlanner().plan(meal);

        assertThat(choco.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(auto.infeasibility().toString()).isEqualTo(choco.infeasibility().toString());
    }

    private static List<String> coldExplanations() throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExplanationDeterminismTest.class.getName()).redirectErrorStream(false).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        return output.lines().toList();
    }
}

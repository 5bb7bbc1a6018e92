package nutriplan.planner.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.auto.AutoPlanner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;
import nutriplan.planner.timefold.TimefoldPlanner;

class ScalingTest {

    @Test
    void float_noise_is_absorbed_relative_to_the_value() {
        assertThat(Scaling.up(60.000000000001, Scaling.AMOUNT)).isEqualTo(60_000);
        assertThat(Scaling.down(59.999999999999, Scaling.AMOUNT)).isEqualTo(60_000);
        assertThat(Scaling.up(60.001, Scaling.AMOUNT)).isEqualTo(60_001);
    }

    /** The fuzzer's "20 zg": a min of 2e-20 g scaled to 0, and a plan without carbohydrate was answered as meeting it. */
    @Test
    void a_tiny_min_is_still_a_min_and_a_tiny_max_still_a_max() {
        assertThat(Scaling.up(2e-20, Scaling.AMOUNT)).isEqualTo(1);
        assertThat(Scaling.down(2e-20, Scaling.AMOUNT)).isZero();
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 2e-20),
                Target.atLeast(Nutrient.SODIUM, 100)), DefaultCatalog.get().products());
        for (var planner : List.of(new ChocoPlanner(), new AutoPlanner(), new TimefoldPlanner())) {
            var result = planner.plan(request);
            assertThat(result.hasPlan()).as(result.solver()).isTrue();
            assertThat(result.plan().violations(request)).as(result.solver()).isEmpty();
        }
    }
}

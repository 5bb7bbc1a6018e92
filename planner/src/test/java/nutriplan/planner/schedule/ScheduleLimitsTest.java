package nutriplan.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.request.Target;

class ScheduleLimitsTest {

    @Test
    void a_planning_range_gets_room_for_whole_servings_below_its_hourly_caps() {
        // Guidelines E2: 4 h at 1 L/h; the workout's fluid range 3800–4000 mL fills 95 % of every window.
        var limits = ScheduleLimits.of(240, 15).withCarbPerHourG(90).withFluidPerHourMl(1000);
        var targets = List.of(Target.between(Nutrient.FLUID, 3800, 4000), Target.between(Nutrient.CARBOHYDRATE, 240, 360),
                Target.between(Nutrient.SODIUM, 1600, 4400));

        assertThat(limits.withRoomForServings(targets)).containsExactly(Target.between(Nutrient.FLUID, 3400, 4000),
                Target.between(Nutrient.CARBOHYDRATE, 240, 360), Target.between(Nutrient.SODIUM, 1600, 4400));
    }
}

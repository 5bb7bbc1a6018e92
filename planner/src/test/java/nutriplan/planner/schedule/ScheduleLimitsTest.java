package nutriplan.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

class ScheduleLimitsTest {

    @Test
    void a_planning_range_gets_room_for_whole_servings_below_its_hourly_caps() {
        // Guidelines E2: 4 h at 1 L/h; the workout's fluid range 3800–4000 mL fills 95 % of every window. The plan is
        // capped at 85 % (3400 mL); the min goes to 95 % of that, 3230 mL, so that whole servings have a band, not a
        // point; at the 70 % share, to 95 % of 2800 mL. A caller's own min stays.
        var limits = ScheduleLimits.of(240, 15).withCarbPerHourG(90).withFluidPerHourMl(1000);
        var request = PlanRequest.of(List.of(Target.between(Nutrient.FLUID, 3800, 4000),
                Target.between(Nutrient.SODIUM, 1600, 4400)), List.of());

        assertThat(limits.capped(request, ScheduleLimits.PACKING, false, true).targets().get(0).min()).isCloseTo(3230, within(1e-9));
        assertThat(limits.capped(request, 0.7, false, true).targets().get(0).min()).isCloseTo(2660, within(1e-9));
        assertThat(limits.capped(request, ScheduleLimits.PACKING, false, true).targets().get(1))
                .isEqualTo(Target.between(Nutrient.SODIUM, 1600, 4400));
        assertThat(limits.capped(request, ScheduleLimits.PACKING, false, false).targets().get(0))
                .isEqualTo(Target.between(Nutrient.FLUID, 3800, 3800));
    }

    @Test
    void the_bands_aim_stays_within_what_the_concentration_limit_lets_the_fluid_carry() {
        // 3 h at 90 g/h and 1 L/h, a 60 g/h band: aimed at 255–285 g, but 2550 mL at 80 g/L carries 204 g at most.
        var limits = ScheduleLimits.of(180, 15).withCarbPerHourG(90).withCarbMinPerHourG(60);
        var request = PlanRequest.of(List.of(Target.between(Nutrient.CARBOHYDRATE, 180, 270),
                Target.between(Nutrient.FLUID, 2850, 3000)), List.of()).withConcentration(new Concentration(80));

        var carbohydrate = limits.capped(request, ScheduleLimits.PACKING, true, true).targets().get(0);

        assertThat(carbohydrate.max()).isCloseTo(229.5, within(1e-9));
        assertThat(carbohydrate.min()).isLessThan(carbohydrate.max());
    }

    @Test
    void every_whole_hour_is_asked_the_bands_minimum_and_a_last_part_of_30_minutes_or_more_its_share() {
        var limits = ScheduleLimits.of(285, 15).withCarbPerHourG(90).withCarbMinPerHourG(60);
        assertThat(List.of(limits.carbMinG(0), limits.carbMinG(180), limits.carbMinG(240))).containsExactly(60.0, 60.0, 45.0);
        assertThat(limits.carbMinTotalG()).isEqualTo(4 * 60 + 45);
        assertThat(ScheduleLimits.of(260, 15).withCarbMinPerHourG(60).carbMinG(240)).isZero(); // 20 minutes: the cap alone
        assertThat(ScheduleLimits.of(270, 15).withCarbMinPerHourG(60).carbMinG(240)).isEqualTo(30); // 30 minutes: half
        assertThat(ScheduleLimits.of(240, 15).carbMinTotalG()).isZero(); // no band by default
    }

    @Test
    void the_band_stays_below_its_cap() {
        var limits = ScheduleLimits.of(240, 15).withCarbPerHourG(90).withCarbMinPerHourG(60);
        assertThat(limits.withCarbPerHourG(50).carbMinPerHourG()).isEqualTo(50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> limits.withCarbMinPerHourG(95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carbMinPerHourG");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> limits.withSlotCarbPerLitre(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slotCarbPerLitre");
        assertThat(limits.hasSlotCarbPerLitre()).isFalse();
        assertThat(limits.withSlotCarbPerLitre(200).hasSlotCarbPerLitre()).isTrue();
    }

    @Test
    void a_plan_for_a_band_is_aimed_at_its_middle() {
        // E2: 60–90 g/h over 4 h, middle 300 g, an eighth of the 120 g width 15 g: 285–315 g.
        var limits = ScheduleLimits.of(240, 15).withCarbPerHourG(90).withCarbMinPerHourG(60);
        var request = nutriplan.planner.request.PlanRequest.of(List.of(Target.between(Nutrient.CARBOHYDRATE, 240, 360)), List.of());
        assertThat(limits.capped(request, ScheduleLimits.PACKING).targets().get(0)).isEqualTo(Target.between(Nutrient.CARBOHYDRATE, 285, 315));
        // Not aimed: the min asked and 85 % of 90 g/h × 4 h.
        assertThat(limits.capped(request, ScheduleLimits.PACKING, false, false).targets().get(0))
                .isEqualTo(Target.between(Nutrient.CARBOHYDRATE, 240, 306));
    }
}

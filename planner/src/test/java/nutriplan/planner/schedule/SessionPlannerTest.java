package nutriplan.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.product.Kind;
import nutriplan.planner.Planner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.Plan;
import nutriplan.planner.plan.PlanItem;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.problem.DefaultCatalog;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/** Plan and schedule together on the default catalog, 1 to 12 hours: never a timeline that breaks a hard rule. */
class SessionPlannerTest {

    private final SessionPlanner sessions = new SessionPlanner(new Scheduler());
    private final ChocoPlanner choco = new ChocoPlanner();

    /** A workout's needs per hour × hours: carbohydrate 45–60 g/h, fluid 500–800 mL/h, sodium from 400 mg/h. */
    static PlanRequest request(int durationMin) {
        double hours = durationMin / 60.0;
        return PlanRequest.of(List.of(
                Target.between(Nutrient.CARBOHYDRATE, 45 * hours, 60 * hours),
                Target.between(Nutrient.FLUID, 500 * hours, 800 * hours),
                Target.atLeast(Nutrient.SODIUM, 400 * hours)), DefaultCatalog.get().products()).withTimeLimitMs(5000);
    }

    @ParameterizedTest(name = "{0} min")
    @ValueSource(ints = {60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720})
    void everySessionFrom1To12HoursIsScheduledWithinEveryWindow(int durationMin) {
        var limits = ScheduleLimits.of(durationMin, 15);
        var outcome = sessions.plan(request(durationMin), limits, choco, 60_000);
        assertThat(outcome.result().hasPlan()).as(outcome.result().toString()).isTrue();
        var schedule = outcome.schedule();
        assertThat(schedule.broken()).isEmpty();
        SchedulerTest.assertEveryWindowWithin(schedule, limits);
        SchedulerTest.assertEveryServingPlaced(schedule, outcome.result().plan());
        assertThat(outcome.result().plan().total(Nutrient.CARBOHYDRATE)).isBetween(45 * limits.hours() - 1e-6, limits.sessionCarbG());
    }

    /** Enough gels for a 60-minute session against 60 g/h that their carbohydrate alone is over the cap, however placed. */
    private static Plan tooManyGels() {
        return new Plan(List.of(new PlanItem(gel(), gelsOverTheCap())));
    }

    private static int gelsOverTheCap() {
        return (int) (60 / gel().amount(Nutrient.CARBOHYDRATE)) + 1;
    }

    private static nutriplan.catalog.product.Product gel() {
        return DefaultCatalog.get().products().stream().filter(p -> p.kind() == Kind.GEL && p.amount(Nutrient.CARBOHYDRATE) > 15)
                .findFirst().orElseThrow();
    }

    private static PlanResult found(Plan plan) {
        return PlanResult.found(nutriplan.planner.plan.PlanStatus.OPTIMAL, "stub", nutriplan.planner.request.Objective.SERVINGS,
                plan, plan.items().size(), plan.items().size(), List.of(), List.of(), 0);
    }

    @Test
    void aPlanWhoseServingsDoNotFitIsPlannedAgainLooser() {
        var asked = new ArrayList<PlanRequest>();
        Planner planner = request -> {
            asked.add(request);
            return found(asked.size() == 1 ? tooManyGels() : new Plan(List.of(new PlanItem(gel(), 1))));
        };
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 30)), DefaultCatalog.get().products());
        var outcome = sessions.plan(request, ScheduleLimits.of(60, 15), planner, 30_000);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.schedule().broken()).isEmpty();
        assertThat(asked).extracting(each -> each.targets().get(0).max()).containsExactly(60 * 0.85, 60 * 0.78);
    }

    /**
     * Every hour fed: against a 20 g/h band over 2 hours, a first plan of one 25 g gel leaves an hour 20 g short, and
     * the second attempt's water leaves both hours short. The first is kept (never a worse one), its miss names the hour.
     */
    @Test
    void theScheduleWithTheFewestMissesIsKept() {
        var asked = new ArrayList<PlanRequest>();
        Planner planner = request -> {
            asked.add(request);
            return found(new Plan(List.of(asked.size() == 1 ? new PlanItem(SchedulerTest.GEL, 1) : new PlanItem(SchedulerTest.WATER, 1))));
        };
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 30)), DefaultCatalog.get().products());
        var outcome = sessions.plan(request, ScheduleLimits.of(120, 15).withCarbMinPerHourG(20), planner, 30_000);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.result().plan().items()).extracting(PlanItem::product).containsExactly(SchedulerTest.GEL);
        assertThat(outcome.schedule().isFeasible()).isTrue();
        assertThat(outcome.schedule().misses()).singleElement().satisfies(miss -> {
            assertThat(miss.missG()).isEqualTo(20);
            assertThat(miss.message()).endsWith("is 20 g below the 20 g per hour band").contains("carbohydrate 0 g from ");
        });
        assertThat(outcome.schedule().hours()).filteredOn(Schedule.HourTotals::isWithinBand).hasSize(1);
        // The band kept the plan's carbohydrate off its floor: the band's middle over 2 h is 80 g (20–60 g/h), its width
        // 80 g; the min is an eighth of that below the middle, 70 g, the max the packing share of 102 g; then 93.6 g
        // (78 %) and 90 g (the aim's eighth above the middle, above 70 %).
        assertThat(asked).extracting(each -> each.targets().get(0).min()).containsExactly(70.0, 70.0, 70.0);
        assertThat(asked).extracting(each -> each.targets().get(0).max()).containsExactly(102.0, 120 * 0.78, 90.0);
    }

    /** The first plan does not fit and a tighter share finds none: a plan exists, so the answer is unschedulable. */
    @Test
    void noPlanAtATighterShareIsUnschedulableNotInfeasible() {
        var asked = new ArrayList<PlanRequest>();
        Planner planner = request -> {
            asked.add(request);
            return asked.size() == 1 ? found(tooManyGels()) : PlanResult.unknown("stub", request.objective(), Double.NaN, List.of(), 0);
        };
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 30)), DefaultCatalog.get().products());
        assertThatThrownBy(() -> sessions.plan(request, ScheduleLimits.of(60, 15), planner, 30_000))
                .isInstanceOf(UnschedulableException.class);
        assertThat(asked).hasSize(2);
    }

    @Test
    void aPlanThatNeverFitsIsUnschedulableWithTheRuleAndByHowMuch() {
        Planner planner = request -> found(tooManyGels());
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 30)), DefaultCatalog.get().products());
        double over = gelsOverTheCap() * gel().amount(Nutrient.CARBOHYDRATE) - 60;
        assertThatThrownBy(() -> sessions.plan(request, ScheduleLimits.of(60, 15), planner, 30_000))
                .isInstanceOf(UnschedulableException.class)
                .satisfies(e -> assertThat(((UnschedulableException) e).reasons()).anyMatch(reason ->
                        reason.startsWith("Carbohydrate per hour: ") && reason.endsWith("by " + ScheduleLimits.format(over) + " g")));
    }

    @Test
    void aMinTheSessionCannotTakeIsRefusedWithTheRuleAndTheAmount() {
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 200)), DefaultCatalog.get().products());
        assertThatThrownBy(() -> sessions.plan(request, ScheduleLimits.of(90, 15), choco, 10_000))
                .isInstanceOf(UnschedulableException.class)
                .satisfies(e -> assertThat(((UnschedulableException) e).reasons()).singleElement().asString()
                        .startsWith("carbohydrate per hour").contains("by 110 g"));
    }

    @Test
    void gelsOverTheHourlyCapAreLeftOutAndNamed() {
        var limits = ScheduleLimits.of(120, 15).withCarbPerHourG(20);
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 30)), DefaultCatalog.get().products());
        var outcome = sessions.plan(request, limits, choco, 30_000);
        assertThat(outcome.excluded()).anyMatch(reason -> reason.contains("over the 20 g per hour"));
        assertThat(outcome.schedule().broken()).isEmpty();
        assertThat(outcome.result().plan().items()).noneMatch(item -> item.product().kind() == Kind.GEL
                && item.product().amount(Nutrient.CARBOHYDRATE) > 20);
    }

    @Test
    void aRequiredProductOverTheCapIsRefusedByName() {
        var gel = DefaultCatalog.get().products().stream().filter(p -> p.kind() == Kind.GEL
                && p.amount(Nutrient.CARBOHYDRATE) > 20).findFirst().orElseThrow();
        var request = PlanRequest.of(List.of(Target.atLeast(Nutrient.CARBOHYDRATE, 30)), DefaultCatalog.get().products())
                .withRequired(Set.of(gel.id()));
        assertThatThrownBy(() -> sessions.plan(request, ScheduleLimits.of(120, 15).withCarbPerHourG(20), choco, 30_000))
                .isInstanceOf(UnschedulableException.class).hasMessageContaining(gel.id()).hasMessageContaining("require");
    }
}

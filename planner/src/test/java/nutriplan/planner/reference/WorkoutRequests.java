package nutriplan.planner.reference;

import java.util.List;

import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.planner.problem.DefaultCatalog;
import nutriplan.planner.reference.RandomInstances.Instance;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Target;

/**
 * Workout requests on the default catalog, the targets and limits of {@code data/requests} (run 60 and 90 minutes,
 * marathon, 3-hour ride in the heat, ultra with caffeine late), each with a concentration limit: what a request from a
 * workout carries once the needs rules give one.
 */
public final class WorkoutRequests {

    private WorkoutRequests() {
    }

    /** The five workouts at {@code gramsPerLitre}. */
    public static List<Instance> at(double gramsPerLitre) {
        var concentration = new Concentration(gramsPerLitre);
        return List.of(
                workout("run-60-min", concentration, Objective.SERVINGS, new Limits(3, 2, 4),
                        Target.between(Nutrient.CARBOHYDRATE, 0, 30), Target.between(Nutrient.FLUID, 600, 1000),
                        Target.atMost(Nutrient.SODIUM, 1620), Target.atMost(Nutrient.POTASSIUM, 351.9)),
                workout("run-90-min", concentration, Objective.SERVINGS, new Limits(4, 3, 6),
                        Target.between(Nutrient.CARBOHYDRATE, 45, 90), Target.between(Nutrient.FLUID, 100, 1500),
                        Target.atMost(Nutrient.SODIUM, 1350), Target.atMost(Nutrient.POTASSIUM, 293)),
                workout("marathon", concentration, Objective.MASS, new Limits(6, 3, 12),
                        Target.between(Nutrient.CARBOHYDRATE, 180, 270), Target.between(Nutrient.FLUID, 1700, 3000),
                        Target.between(Nutrient.SODIUM, 680, 2475.9), Target.between(Nutrient.POTASSIUM, 132.9, 586.5)),
                workout("ride-3h-heat", concentration, Objective.SERVINGS, new Limits(6, 4, 14),
                        Target.between(Nutrient.CARBOHYDRATE, 180, 270), Target.between(Nutrient.FLUID, 2100, 3000),
                        Target.between(Nutrient.SODIUM, 840, 3300), Target.between(Nutrient.POTASSIUM, 164.2, 586.5)),
                workout("ultra-caffeine-late", concentration, Objective.SERVINGS, new Limits(6, 5, 24),
                        Target.between(Nutrient.CARBOHYDRATE, 360, 540), Target.between(Nutrient.FLUID, 3400, 4800),
                        Target.between(Nutrient.SODIUM, 1360, 3961.4), Target.between(Nutrient.POTASSIUM, 265.9, 938.4),
                        Target.between(Nutrient.CAFFEINE, 140, 210)));
    }

    private static Instance workout(String name, Concentration concentration, Objective objective, Limits limits,
                                    Target... targets) {
        var request = PlanRequest.of(List.of(targets), DefaultCatalog.get().products()).withLimits(limits)
                .withObjective(objective).withConcentration(concentration);
        return new Instance(name + " at " + concentration.maxGramsPerLitre() + " g/L", request);
    }
}

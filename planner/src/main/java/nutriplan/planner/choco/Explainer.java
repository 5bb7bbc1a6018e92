package nutriplan.planner.choco;

import java.util.List;

import nutriplan.planner.plan.Infeasibility;
import nutriplan.planner.problem.Problem;
import nutriplan.planner.request.PlanRequest;

/** Why a request has no plan. */
final class Explainer {

    private Explainer() {
    }

    /** Required ids that cannot appear: unknown, not allowed, or not eligible. */
    static List<String> missingRequired(PlanRequest request, Problem problem) {
        return request.required().stream()
                .filter(id -> problem.products().stream().noneMatch(product -> product.id().equals(id)))
                .sorted()
                .toList();
    }

    static Infeasibility explain(PlanRequest request, Problem problem, long budgetMs) {
        return new Infeasibility("no plan meets every target within the limits", List.of(), List.of(), false);
    }
}

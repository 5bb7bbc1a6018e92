package nutriplan.planner.request;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import nutriplan.catalog.Catalog;
import nutriplan.catalog.product.Product;

/**
 * A plan request in canonical numbers, built once at the edge; the planner never re-parses.
 *
 * @param catalog      every product of the catalog (stored or inline), before include/exclude
 * @param required     ids that must appear in the plan
 * @param timeLimitMs  the budget for the whole solve
 * @param alternatives how many further plans, each with a different set of products
 * @param unknownUnderMax what to do with a product whose value is not known for a nutrient bounded from above
 * @param concentration   the most carbohydrate per litre of fluid the plan may hold as a whole; null for no such limit
 */
public record PlanRequest(List<Target> targets, Catalog catalog, Selection selection, Set<String> required,
                          Limits limits, Objective objective, SolverChoice solver, long timeLimitMs,
                          int alternatives, UnknownUnderMax unknownUnderMax, Concentration concentration) {

    public static final long DEFAULT_TIME_LIMIT_MS = 2000;
    public static final long MAX_TIME_LIMIT_MS = 30_000;
    public static final int MAX_ALTERNATIVES = 5;

    public PlanRequest {
        targets = List.copyOf(targets);
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(selection, "selection");
        required = Set.copyOf(required);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(unknownUnderMax, "unknownUnderMax");
    }

    /** A request without a concentration limit. */
    public PlanRequest(List<Target> targets, Catalog catalog, Selection selection, Set<String> required, Limits limits,
                       Objective objective, SolverChoice solver, long timeLimitMs, int alternatives,
                       UnknownUnderMax unknownUnderMax) {
        this(targets, catalog, selection, required, limits, objective, solver, timeLimitMs, alternatives, unknownUnderMax,
                null);
    }

    /** A request that leaves out products whose value under a maximum is not known (the default). */
    public PlanRequest(List<Target> targets, Catalog catalog, Selection selection, Set<String> required, Limits limits,
                       Objective objective, SolverChoice solver, long timeLimitMs, int alternatives) {
        this(targets, catalog, selection, required, limits, objective, solver, timeLimitMs, alternatives,
                UnknownUnderMax.EXCLUDE);
    }

    /** A request with defaults for everything but targets and products; for tests and benchmarks. */
    public static PlanRequest of(List<Target> targets, List<Product> products) {
        return new PlanRequest(targets, new Catalog("inline", products), Selection.ALL, Set.of(), Limits.UNLIMITED,
                Objective.SERVINGS, SolverChoice.AUTO, DEFAULT_TIME_LIMIT_MS, 0);
    }

    /** The products the plan may use, in catalog order. */
    public List<Product> allowedProducts() {
        return catalog.products().stream().filter(this::allows).toList();
    }

    /**
     * True when the plan may use the product: the selection allows it, or it allows it in another phase and the
     * request requires it by id (requiring a product is the caller's choice, as for an unknown value).
     */
    public boolean allows(Product product) {
        return selection.allows(product) || required.contains(product.id()) && selection.allowsInAnyPhase(product);
    }

    /** The products include and exclude allow that the request's phase leaves out, in catalog order. */
    public List<Product> leftOutByPhase() {
        return catalog.products().stream()
                .filter(product -> selection.allowsInAnyPhase(product) && !allows(product)).toList();
    }

    public PlanRequest withTargets(List<Target> newTargets) {
        return new PlanRequest(newTargets, catalog, selection, required, limits, objective, solver, timeLimitMs, alternatives,
                unknownUnderMax, concentration);
    }

    public PlanRequest withLimits(Limits newLimits) {
        return new PlanRequest(targets, catalog, selection, required, newLimits, objective, solver, timeLimitMs, alternatives,
                unknownUnderMax, concentration);
    }

    public PlanRequest withObjective(Objective newObjective) {
        return new PlanRequest(targets, catalog, selection, required, limits, newObjective, solver, timeLimitMs, alternatives,
                unknownUnderMax, concentration);
    }

    public PlanRequest withTimeLimitMs(long newTimeLimitMs) {
        return new PlanRequest(targets, catalog, selection, required, limits, objective, solver, newTimeLimitMs, alternatives,
                unknownUnderMax, concentration);
    }

    public PlanRequest withAlternatives(int newAlternatives) {
        return new PlanRequest(targets, catalog, selection, required, limits, objective, solver, timeLimitMs, newAlternatives,
                unknownUnderMax, concentration);
    }

    public PlanRequest withRequired(Set<String> newRequired) {
        return new PlanRequest(targets, catalog, selection, newRequired, limits, objective, solver, timeLimitMs, alternatives,
                unknownUnderMax, concentration);
    }

    public PlanRequest withUnknownUnderMax(UnknownUnderMax newUnknownUnderMax) {
        return new PlanRequest(targets, catalog, selection, required, limits, objective, solver, timeLimitMs, alternatives,
                newUnknownUnderMax, concentration);
    }

    public PlanRequest withSelection(Selection newSelection) {
        return new PlanRequest(targets, catalog, newSelection, required, limits, objective, solver, timeLimitMs, alternatives,
                unknownUnderMax, concentration);
    }

    public PlanRequest withConcentration(Concentration newConcentration) {
        return new PlanRequest(targets, catalog, selection, required, limits, objective, solver, timeLimitMs, alternatives,
                unknownUnderMax, newConcentration);
    }
}

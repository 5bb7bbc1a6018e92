package nutriplan.planner.choco;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.ArrayList;
import java.util.stream.Collectors;

import nutriplan.catalog.nutrient.Quantities;
import nutriplan.catalog.product.ProductJson;
import nutriplan.planner.problem.IntegerRows;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.Target;

/**
 * One target bound, limit, requirement, exclusion or the concentration limit of a request: the units the conflict
 * search removes one at a time.
 *
 * @param kind  what it is
 * @param index the target's index for MIN/MAX
 * @param name  the id, tag or kind for REQUIRE/EXCLUDE_*, else null
 */
record Clause(Kind kind, int index, String name) {

    enum Kind {
        INCLUDE, EXCLUDE_KIND, EXCLUDE_TAG, EXCLUDE_PRODUCT, REQUIRE, MAX_SERVINGS_PER_PRODUCT, MAX_SERVINGS, MAX_PRODUCTS,
        CONCENTRATION, MAX, MIN
    }

    /** Every clause of the request, in the order the deletion filter tries them: the least essential first. */
    static List<Clause> of(PlanRequest request) {
        var clauses = new ArrayList<Clause>();
        var selection = request.selection();
        if (selection.narrows()) {
            clauses.add(new Clause(Kind.INCLUDE, -1, null));
        }
        selection.excludeKinds().stream().map(nutriplan.catalog.product.Kind::jsonName).sorted()
                .forEach(kind -> clauses.add(new Clause(Kind.EXCLUDE_KIND, -1, kind)));
        selection.excludeTags().stream().sorted().forEach(tag -> clauses.add(new Clause(Kind.EXCLUDE_TAG, -1, tag)));
        selection.excludeProducts().stream().sorted().forEach(id -> clauses.add(new Clause(Kind.EXCLUDE_PRODUCT, -1, id)));
        request.required().stream().sorted().forEach(id -> clauses.add(new Clause(Kind.REQUIRE, -1, id)));
        var limits = request.limits();
        if (limits.maxServingsPerProduct() != Limits.NONE) {
            clauses.add(new Clause(Kind.MAX_SERVINGS_PER_PRODUCT, -1, null));
        }
        if (limits.maxServings() != Limits.NONE) {
            clauses.add(new Clause(Kind.MAX_SERVINGS, -1, null));
        }
        if (limits.maxProducts() != Limits.NONE) {
            clauses.add(new Clause(Kind.MAX_PRODUCTS, -1, null));
        }
        if (request.concentration() != null) {
            clauses.add(new Clause(Kind.CONCENTRATION, -1, null));
        }
        var targets = request.targets();
        for (int t = 0; t < targets.size(); t++) {
            if (targets.get(t).hasMax()) {
                clauses.add(new Clause(Kind.MAX, t, null));
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            if (targets.get(t).hasMin()) {
                clauses.add(new Clause(Kind.MIN, t, null));
            }
        }
        return clauses;
    }

    /** The request with only the given clauses of it in force. */
    static PlanRequest keepOnly(PlanRequest request, Set<Clause> active) {
        var targets = new ArrayList<Target>();
        for (int t = 0; t < request.targets().size(); t++) {
            var target = request.targets().get(t);
            double min = active.contains(new Clause(Kind.MIN, t, null)) ? target.min() : 0;
            double max = active.contains(new Clause(Kind.MAX, t, null)) ? target.max() : Double.POSITIVE_INFINITY;
            targets.add(new Target(target.nutrient(), min, max));
        }
        var limits = request.limits();
        var relaxedLimits = new Limits(
                active.contains(new Clause(Kind.MAX_SERVINGS_PER_PRODUCT, -1, null)) ? limits.maxServingsPerProduct() : Limits.NONE,
                active.contains(new Clause(Kind.MAX_PRODUCTS, -1, null)) ? limits.maxProducts() : Limits.NONE,
                active.contains(new Clause(Kind.MAX_SERVINGS, -1, null)) ? limits.maxServings() : Limits.NONE);
        var selection = request.selection();
        boolean include = active.contains(new Clause(Kind.INCLUDE, -1, null));
        var relaxedSelection = new Selection(
                include ? selection.includeProducts() : Set.of(),
                include ? selection.includeTags() : Set.of(),
                include ? selection.includeKinds() : Set.of(),
                keep(selection.excludeProducts(), Kind.EXCLUDE_PRODUCT, active),
                keep(selection.excludeTags(), Kind.EXCLUDE_TAG, active),
                selection.excludeKinds().stream()
                        .filter(kind -> active.contains(new Clause(Kind.EXCLUDE_KIND, -1, kind.jsonName())))
                        .collect(Collectors.toSet()),
                selection.phase());
        return request.withTargets(targets).withLimits(relaxedLimits).withSelection(relaxedSelection)
                .withRequired(keep(request.required(), Kind.REQUIRE, active))
                .withConcentration(active.contains(new Clause(Kind.CONCENTRATION, -1, null)) ? request.concentration() : null);
    }

    private static Set<String> keep(Set<String> names, Kind kind, Set<Clause> active) {
        var kept = new HashSet<String>();
        for (var name : names) {
            if (active.contains(new Clause(kind, -1, name))) {
                kept.add(name);
            }
        }
        return kept;
    }

    /** The request field it is: "targets.sodium.max", "limits.maxProducts", "exclude.tags". */
    String field(PlanRequest request) {
        return switch (kind) {
            case INCLUDE -> "include";
            case EXCLUDE_KIND -> "exclude.kinds";
            case EXCLUDE_TAG -> "exclude.tags";
            case EXCLUDE_PRODUCT -> "exclude.products";
            case REQUIRE -> "require";
            case MAX_SERVINGS_PER_PRODUCT -> "limits.maxServingsPerProduct";
            case MAX_SERVINGS -> "limits.maxServings";
            case MAX_PRODUCTS -> "limits.maxProducts";
            case CONCENTRATION -> IntegerRows.CONCENTRATION_FIELD;
            case MAX -> "targets." + request.targets().get(index).nutrient().jsonName() + ".max";
            case MIN -> "targets." + request.targets().get(index).nutrient().jsonName() + ".min";
        };
    }

    /** What it says, in words: "sodium at most 1000 mg". */
    String describe(PlanRequest request) {
        var limits = request.limits();
        return switch (kind) {
            case INCLUDE -> "only the included products, tags and kinds";
            case EXCLUDE_KIND -> "no products of kind " + name;
            case EXCLUDE_TAG -> "no products tagged " + name;
            case EXCLUDE_PRODUCT -> "no " + name;
            case REQUIRE -> name + " is required";
            case MAX_SERVINGS_PER_PRODUCT -> "at most " + limits.maxServingsPerProduct() + " servings of any one product";
            case MAX_SERVINGS -> "at most " + limits.maxServings() + " servings in total";
            case MAX_PRODUCTS -> "at most " + limits.maxProducts() + " distinct products";
            case CONCENTRATION -> "carbohydrate at most " + Quantities.format(request.concentration().maxGramsPerLitre())
                    + " g per litre of fluid";
            case MAX -> nutrient(request) + " at most " + amount(request, request.targets().get(index).max());
            case MIN -> nutrient(request) + " at least " + amount(request, request.targets().get(index).min());
        };
    }

    /** A concentration in words: "80 g/L". */
    static String gramsPerLitre(double value) {
        return Quantities.format(value) + " " + GRAMS_PER_LITRE;
    }

    /** The unit of a concentration limit and of its relaxation. */
    static final String GRAMS_PER_LITRE = "g/L";

    String nutrient(PlanRequest request) {
        return request.targets().get(index).nutrient().jsonName();
    }

    /** "48.45 g": to the thousandth, as the answer's amounts are, so that a bound derived in doubles reads as a number. */
    String amount(PlanRequest request, double value) {
        return ProductJson.format(Math.round(value * 1000) / 1000.0, request.targets().get(index).nutrient());
    }
}

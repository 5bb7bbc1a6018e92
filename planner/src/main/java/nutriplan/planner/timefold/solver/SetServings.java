package nutriplan.planner.timefold.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SequencedCollection;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.MutableSolutionView;

import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;

/**
 * Every move of this engine: set the servings of a few products at once. A ±1 step, moving servings between
 * products, swapping a product for another, and a ruin-and-repair are all this shape; {@link MoveGenerator}
 * decides the values.
 */
final class SetServings implements Move<ServingsPlan> {

    private final PlanningVariableMetaModel<ServingsPlan, ProductServings, Integer> servings;
    private final ProductServings[] products;
    private final int[] values;

    SetServings(PlanningVariableMetaModel<ServingsPlan, ProductServings, Integer> servings, ProductServings[] products,
                int[] values) {
        this.servings = servings;
        this.products = products;
        this.values = values;
    }

    @Override
    public void execute(MutableSolutionView<ServingsPlan> view) {
        for (int k = 0; k < products.length; k++) {
            view.changeVariable(servings, products[k], values[k]);
        }
    }

    @Override
    public SequencedCollection<Object> getPlanningEntities() {
        return new ArrayList<>(Arrays.asList(products));
    }

    @Override
    public SequencedCollection<Object> getPlanningValues() {
        var list = new ArrayList<Object>();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    @Override
    public String describe() {
        return "SetServings";
    }

    @Override
    public String toString() {
        var parts = new ArrayList<String>();
        for (int k = 0; k < products.length; k++) {
            parts.add(products[k].product().id() + " " + products[k].servings() + "→" + values[k]);
        }
        return String.join(", ", parts);
    }

    List<ProductServings> products() {
        return List.of(products);
    }
}

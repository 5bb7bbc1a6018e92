package nutriplan.planner.timefold.solver;

import java.util.Iterator;
import java.util.random.RandomGenerator;

import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;

import nutriplan.planner.timefold.domain.ProductServings;
import nutriplan.planner.timefold.domain.ServingsPlan;

/**
 * The local search's only move selector: a fresh {@link MoveGenerator} per step, which reads the working plan
 * once and proposes moves suited to integer servings. Timefold creates one factory per solver, so it may keep
 * state for the phase.
 */
public final class ServingsMoveFactory implements MoveIteratorFactory<ServingsPlan, SetServings> {

    private PlanningVariableMetaModel<ServingsPlan, ProductServings, Integer> servings;

    @Override
    public void phaseStarted(ScoreDirector<ServingsPlan> scoreDirector) {
        // The variable's meta model from the solver's own descriptor (a Move changes variables through it).
        var metaModel = ((InnerScoreDirector<ServingsPlan, ?>) scoreDirector).getSolutionDescriptor().getMetaModel();
        servings = metaModel.genuineEntity(ProductServings.class).basicVariable("servings", Integer.class);
    }

    @Override
    public long getSize(ScoreDirector<ServingsPlan> scoreDirector) {
        return scoreDirector.getWorkingSolution().getProducts().size();
    }

    @Override
    public Iterator<SetServings> createOriginalMoveIterator(ScoreDirector<ServingsPlan> scoreDirector) {
        throw new UnsupportedOperationException("The servings moves are random only: selectionOrder RANDOM.");
    }

    @Override
    public Iterator<SetServings> createRandomMoveIterator(ScoreDirector<ServingsPlan> scoreDirector,
                                                         RandomGenerator random) {
        return new MoveGenerator(scoreDirector.getWorkingSolution(), servings, random);
    }
}

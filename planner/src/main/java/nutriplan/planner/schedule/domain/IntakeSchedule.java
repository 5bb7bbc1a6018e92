package nutriplan.planner.schedule.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

/** A plan's servings over the slots of a session: the problem Timefold solves, and its answer. */
@PlanningSolution
public class IntakeSchedule {

    @ProblemFactProperty
    private Session session;
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Slot> slots;
    @ProblemFactCollectionProperty
    private List<Hour> hours;
    @PlanningEntityCollectionProperty
    private List<Placement> placements;
    @PlanningScore
    private HardMediumSoftScore score;

    /** For Timefold's cloner. */
    IntakeSchedule() {
    }

    public IntakeSchedule(Session session, List<Slot> slots, List<Hour> hours, List<Placement> placements) {
        this.session = session;
        this.slots = slots;
        this.hours = hours;
        this.placements = placements;
    }

    public Session getSession() {
        return session;
    }

    public List<Slot> getSlots() {
        return slots;
    }

    public List<Hour> getHours() {
        return hours;
    }

    public List<Placement> getPlacements() {
        return placements;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}

package nutriplan.planner.schedule.domain;

/**
 * A moment of the session when the athlete takes something: the value a serving is placed at.
 *
 * @param index     0, 1, … in time order
 * @param atMin     minutes from the start
 * @param windowEnd the index one past the last slot of the 60-minute window that starts here (cut at the end)
 */
public record Slot(int index, int atMin, int windowEnd) {

    @Override
    public String toString() {
        return atMin + " min";
    }
}

package nutriplan.planner.schedule.domain;

/**
 * A clock hour of the session, from its start (the last one cut at the end): what the band of carbohydrate per hour
 * is checked on.
 *
 * @param fromMin   its first minute: 0, 60, 120, …
 * @param toMin     the minute it ends (exclusive): 60 later, or the session's end
 * @param firstSlot the index of its first slot
 * @param endSlot   the index one past its last slot
 * @param carbMin   the least carbohydrate it should hold, thousandths of a gram (prorated for a last part; 0 for none)
 */
public record Hour(int fromMin, int toMin, int firstSlot, int endSlot, long carbMin) {

    @Override
    public String toString() {
        return fromMin + "–" + toMin + " min";
    }
}

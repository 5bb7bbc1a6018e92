package nutriplan.needs;

import java.util.List;

/** A workout that no rule may be applied to; every fault with its field. */
public final class InvalidWorkoutException extends RuntimeException {

    private final List<Fault> faults;

    public InvalidWorkoutException(List<Fault> faults) {
        super("the workout has " + faults.size() + (faults.size() == 1 ? " fault" : " faults"));
        this.faults = List.copyOf(faults);
    }

    public List<Fault> faults() {
        return faults;
    }
}

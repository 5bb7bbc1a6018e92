package nutriplan.api.service;

import java.util.List;

/** Environment variables the service cannot start with; the message names every one, one a line. */
public final class InvalidSettingsException extends RuntimeException {

    private final List<String> faults;

    public InvalidSettingsException(List<String> faults) {
        super("the service cannot start with these settings:\n  " + String.join("\n  ", faults));
        this.faults = List.copyOf(faults);
    }

    public List<String> faults() {
        return faults;
    }
}

package nutriplan.planner.request;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which engine plans: {@code auto} picks per request. */
public enum SolverChoice {
    AUTO, CHOCO, TIMEFOLD;

    public static SolverChoice fromJsonName(String name) {
        return Arrays.stream(values()).filter(o -> o.jsonName().equals(name)).findFirst().orElse(null);
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(SolverChoice::jsonName).collect(Collectors.joining(", "));
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return jsonName();
    }
}

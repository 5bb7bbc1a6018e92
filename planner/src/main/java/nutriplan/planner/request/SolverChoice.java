package nutriplan.planner.request;

import nutriplan.catalog.json.JsonEnum;

/** Which engine plans: {@code auto} picks per request. */
public enum SolverChoice implements JsonEnum {
    AUTO, CHOCO, TIMEFOLD;

    @Override
    public String toString() {
        return jsonName();
    }
}

package nutriplan.planner;

/** Time since a {@link System#nanoTime()} reading, as the engines report it: whole milliseconds. */
public final class Elapsed {

    private Elapsed() {
    }

    /** Whole milliseconds since {@code startNanos}, a {@link System#nanoTime()} reading: an answer's timeMs. */
    public static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

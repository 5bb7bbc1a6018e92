package nutriplan.api.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per key (a remote address, an account) in a sliding window: past {@code most}
 * failures within {@code window}, the key is refused with 429 until the oldest failure leaves the window. Other keys
 * are unaffected. The clock is injected, so tests move time instead of sleeping.
 */
public final class FailureLimiter {

    /** The refusal of an address that failed too often, whichever credential it presented. */
    public static final String FROM_HERE = "too many failed authentications from here";

    private final int most;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Ten failures a minute per key: an 11th within the minute gets 429. */
    public static FailureLimiter perMinute(Clock clock) {
        return new FailureLimiter(10, Duration.ofMinutes(1), clock);
    }

    public FailureLimiter(int most, Duration window, Clock clock) {
        if (most < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("most must be at least 1 and the window positive");
        }
        this.most = most;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param refusal what the refused caller is told, before "; try again in N s": the limiter counts addresses,
     *                accounts or anything else, so the caller words it ({@link #FROM_HERE}, "too many failed sign-ins
     *                to this account")
     * @throws RateLimitedException when the key already failed {@code most} times within the window
     */
    public void checkAllowed(String key, String refusal) {
        var recent = recent(key);
        synchronized (recent) {
            if (recent.size() >= most) {
                long seconds = Math.max(1, Duration.between(clock.instant(), recent.peekFirst().plus(window)).toSeconds() + 1);
                throw new RateLimitedException(refusal + "; try again in " + seconds + " s", (int) seconds);
            }
        }
    }

    /** Records one failure of the key. */
    public void failed(String key) {
        var recent = recent(key);
        synchronized (recent) {
            recent.addLast(clock.instant());
        }
    }

    /** The key's failures still within the window (older ones dropped). */
    private Deque<Instant> recent(String key) {
        var recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            var since = clock.instant().minus(window);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
                recent.removeFirst();
            }
        }
        return recent;
    }
}

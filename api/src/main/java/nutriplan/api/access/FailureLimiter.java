package nutriplan.api.access;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per key (a remote address, an account) in a sliding window: past {@code most}
 * failures within {@code window}, the key is refused with 429 until the oldest failure leaves the window. Other keys
 * are unaffected. An attempt holds its place from {@link #begin} to its end, so that attempts made in parallel
 * cannot all pass the limit before any of them has failed. The clock is injected, so tests move time instead of
 * sleeping.
 */
public final class FailureLimiter {

    /** The refusal of an address that failed too often, whichever credential it presented. */
    public static final String FROM_HERE = "too many failed authentications from here";
    /** Keys remembered before the first sweep of those without a failure in the window or an attempt under way. */
    static final int SWEEP_ABOVE = 10_000;

    private final int most;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Tally> tallies = new ConcurrentHashMap<>();
    private volatile int sweepAbove = SWEEP_ABOVE;

    /** One key's failures within the window, and its attempts under way; guarded by itself. */
    private static final class Tally {
        final Deque<Instant> failures = new ArrayDeque<>();
        int underWay;

        boolean isIdle() {
            return failures.isEmpty() && underWay == 0;
        }
    }

    /** Ten failures a minute per key: an 11th attempt within the minute gets 429. */
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
     * Refuses a key that failed too often; counts nothing. For checks too quick to race (an API key's), where a
     * caller's many parallel requests must not count against it.
     *
     * @param refusal what the refused caller is told, before "; try again in N s": the limiter counts addresses,
     *                accounts or anything else, so the caller words it ({@link #FROM_HERE}, "too many failed sign-ins
     *                to this account")
     * @throws RateLimitedException when the key failed {@code most} times within the window
     */
    public void checkAllowed(String key, String refusal) {
        var tally = tallies.get(key);
        if (tally == null) {
            return; // no failure to count: callers that never fail leave nothing behind
        }
        var now = clock.instant();
        synchronized (tally) {
            trim(tally, now);
            if (tally.failures.size() >= most) {
                throw refusal(tally, refusal, now);
            }
        }
    }

    /** Records one failure of the key, after {@link #checkAllowed}. */
    public void failed(String key) {
        try (var attempt = admit(key)) {
            attempt.failed();
        }
    }

    /**
     * Starts an attempt of the key that holds its place until it ends, so that attempts made in parallel cannot all
     * pass the limit before any has failed: for slow checks (a password's bcrypt). End it with {@link Attempt#failed}
     * when it fails, and close it in any case (try-with-resources).
     *
     * @param refusal as for {@link #checkAllowed}
     * @throws RateLimitedException when the key's failures and attempts under way reach {@code most}
     */
    public Attempt begin(String key, String refusal) {
        var now = clock.instant();
        var admitted = new boolean[1];
        var tally = tallies.compute(key, (k, existing) -> {
            var found = existing == null ? new Tally() : existing;
            synchronized (found) {
                trim(found, now);
                if (found.failures.size() + found.underWay < most) {
                    found.underWay++;
                    admitted[0] = true;
                }
            }
            return found;
        });
        if (!admitted[0]) {
            synchronized (tally) {
                throw refusal(tally, refusal, now);
            }
        }
        sweepIfLarge();
        return new Attempt(tally);
    }

    /** An attempt counted in whatever the limit: its failure is recorded, never refused. */
    private Attempt admit(String key) {
        // Counted in while the map holds it: a sweep only ever removes a key with nothing under way.
        var tally = tallies.compute(key, (k, existing) -> {
            var found = existing == null ? new Tally() : existing;
            synchronized (found) {
                found.underWay++;
            }
            return found;
        });
        sweepIfLarge();
        return new Attempt(tally);
    }

    private RateLimitedException refusal(Tally tally, String refusal, Instant now) {
        var oldest = tally.failures.isEmpty() ? now : tally.failures.peekFirst();
        long seconds = Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds() + 1);
        return new RateLimitedException(refusal + "; try again in " + seconds + " s", (int) seconds);
    }

    /** One attempt under way: it counts against the limit until closed, and for the window once failed. */
    public final class Attempt implements AutoCloseable {

        private final Tally tally;
        private boolean ended;

        private Attempt(Tally tally) {
            this.tally = tally;
        }

        /** The attempt failed: it counts for the whole window. */
        public void failed() {
            synchronized (tally) {
                if (!ended) {
                    ended = true;
                    tally.underWay--;
                    tally.failures.addLast(clock.instant());
                }
            }
        }

        /** The attempt is over; unless it failed it leaves no trace. */
        @Override
        public void close() {
            synchronized (tally) {
                if (!ended) {
                    ended = true;
                    tally.underWay--;
                }
            }
        }
    }

    /** How many keys it remembers: those with a failure in the window or an attempt under way, idle ones till a sweep. */
    int size() {
        return tallies.size();
    }

    /**
     * Forgets the idle keys once the map is large, so that many addresses failing once do not grow it for ever; the
     * next sweep waits until the map has doubled, so sweeping costs O(1) an attempt over time.
     */
    private void sweepIfLarge() {
        if (tallies.size() <= sweepAbove) {
            return;
        }
        var now = clock.instant();
        for (var key : tallies.keySet()) {
            tallies.computeIfPresent(key, (k, tally) -> {
                synchronized (tally) {
                    trim(tally, now);
                    return tally.isIdle() ? null : tally;
                }
            });
        }
        sweepAbove = Math.max(SWEEP_ABOVE, 2 * tallies.size());
    }

    private void trim(Tally tally, Instant now) {
        var since = now.minus(window);
        while (!tally.failures.isEmpty() && !tally.failures.peekFirst().isAfter(since)) {
            tally.failures.removeFirst();
        }
    }

    /**
     * The key of a remote address: itself for IPv4, its /64 network for IPv6 (one host holds a whole /64, and would
     * otherwise get a fresh limit from each of its 2^64 addresses).
     */
    public static String addressKey(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            var parsed = InetAddress.getByName(address); // a literal: never a lookup
            if (parsed instanceof Inet6Address v6) {
                var prefix = Arrays.copyOf(v6.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}

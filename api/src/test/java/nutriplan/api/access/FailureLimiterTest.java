package nutriplan.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Ten failures a minute per key; the eleventh attempt waits until the oldest failure leaves the window. */
class FailureLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final FailureLimiter limiter = FailureLimiter.perMinute(clock);

    @Test
    void the_eleventh_attempt_within_a_minute_is_refused_until_the_first_failure_is_a_minute_old() {
        for (int i = 0; i < 10; i++) {
            limiter.checkAllowed("10.0.0.1", FailureLimiter.FROM_HERE);
            limiter.failed("10.0.0.1");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThatThrownBy(() -> limiter.checkAllowed("10.0.0.1", FailureLimiter.FROM_HERE))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        limited -> assertThat(limited.retryAfterSeconds()).isEqualTo(51))
                .hasMessage("too many failed authentications from here; try again in 51 s");
        assertThatCode(() -> limiter.checkAllowed("10.0.0.2", FailureLimiter.FROM_HERE)).doesNotThrowAnyException();

        clock.advance(Duration.ofSeconds(50));
        assertThatCode(() -> limiter.checkAllowed("10.0.0.1", FailureLimiter.FROM_HERE)).doesNotThrowAnyException();
    }

    @Test
    void keys_whose_failures_left_the_window_are_forgotten_and_callers_that_never_fail_leave_nothing() {
        for (int i = 0; i < 20_000; i++) {
            limiter.checkAllowed("2001:db8::" + Integer.toHexString(i), "sign-ins");
        }
        assertThat(limiter.size()).isZero();

        for (int i = 0; i < FailureLimiter.SWEEP_ABOVE; i++) {
            limiter.failed("10.1." + i / 256 + "." + i % 256);
        }
        clock.advance(Duration.ofSeconds(61));
        limiter.failed("10.0.0.1");
        limiter.failed("10.0.0.1");

        assertThat(limiter.size()).isEqualTo(1);
        for (int i = 0; i < 8; i++) {
            limiter.failed("10.0.0.1");
        }
        assertThatThrownBy(() -> limiter.checkAllowed("10.0.0.1", "sign-ins")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void attempts_under_way_hold_their_places_so_parallel_guesses_cannot_pass_the_limit_together() {
        var underWay = new java.util.ArrayList<FailureLimiter.Attempt>();
        for (int i = 0; i < 10; i++) {
            underWay.add(limiter.begin("ana", "too many failed sign-ins to this account"));
        }
        assertThatThrownBy(() -> limiter.begin("ana", "too many failed sign-ins to this account"))
                .isInstanceOf(RateLimitedException.class).hasMessageStartingWith("too many failed sign-ins to this account");

        underWay.get(0).close(); // a success leaves no trace
        try (var next = limiter.begin("ana", "sign-ins")) {
            next.failed();
        }
        underWay.subList(1, 10).forEach(FailureLimiter.Attempt::failed);
        assertThatThrownBy(() -> limiter.begin("ana", "sign-ins")).isInstanceOf(RateLimitedException.class);
        clock.advance(Duration.ofSeconds(61));
        assertThatCode(() -> limiter.begin("ana", "sign-ins").close()).doesNotThrowAnyException();
    }

    @Test
    void an_ipv6_host_is_one_key_for_its_whole_64_network() {
        assertThat(FailureLimiter.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(FailureLimiter.addressKey("2001:db8:1:2::1")).endsWith("/64");
        assertThat(FailureLimiter.addressKey("2001:db8:1:3::1")).isNotEqualTo(FailureLimiter.addressKey("2001:db8:1:2::1"));
        assertThat(FailureLimiter.addressKey("10.0.0.1")).isEqualTo("10.0.0.1");
    }
}

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
}

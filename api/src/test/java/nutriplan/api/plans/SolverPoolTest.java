package nutriplan.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nutriplan.api.errors.BusyException;

class SolverPoolTest {

    private static long in(long ms) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    }

    @Test
    void a_solve_is_given_the_milliseconds_left_before_the_deadline() {
        var pool = new SolverPool(1, 0, 1000, 1);

        long left = pool.run(in(5000), millis -> millis);

        assertThat(left).isBetween(4000L, 5000L);
        assertThat(pool.inUse()).isZero();
        assertThat(pool.queued()).isZero();
    }

    @Test
    void a_full_pool_with_no_queue_turns_a_request_away_with_retry_after() throws Exception {
        var pool = new SolverPool(1, 0, 1000, 3);
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var running = CompletableFuture.supplyAsync(() -> pool.run(in(10_000), millis -> {
            started.countDown();
            await(release);
            return "done";
        }));
        started.await();

        assertThatThrownBy(() -> pool.run(in(10_000), millis -> "never"))
                .isInstanceOfSatisfying(BusyException.class, busy -> assertThat(busy.retryAfterSeconds()).isEqualTo(3));
        assertThat(pool.inUse()).isEqualTo(1);
        assertThat(pool.rejected()).isEqualTo(1);
        release.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(pool.inUse()).isZero();
    }

    @Test
    void a_deadline_already_past_is_busy_without_solving() {
        var pool = new SolverPool(1, 0, 1000, 1);

        assertThatThrownBy(() -> pool.run(System.nanoTime() - 1, millis -> "never")).isInstanceOf(BusyException.class);
        assertThat(pool.inUse()).isZero();
    }

    @Test
    void a_failing_solve_gives_its_solver_back() {
        var pool = new SolverPool(1, 0, 1000, 1);

        assertThatThrownBy(() -> pool.run(in(1000), millis -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        String again = pool.run(in(1000), millis -> "again");
        assertThat(again).isEqualTo("again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

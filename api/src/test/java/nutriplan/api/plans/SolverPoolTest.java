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

    @Test
    void a_batch_is_answered_in_order_on_every_idle_solver_and_never_on_more() {
        var pool = new SolverPool(3, 0, 1000, 1);
        var running = new java.util.concurrent.atomic.AtomicInteger();
        var most = new java.util.concurrent.atomic.AtomicInteger();
        var threads = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();

        var answers = pool.runAll(in(10_000), 60, i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            sleep(5);
            running.decrementAndGet();
            return i * 10;
        }, busy -> -1);

        assertThat(answers).hasSize(60);
        for (int i = 0; i < 60; i++) {
            assertThat(answers.get(i)).isEqualTo(i * 10);
        }
        assertThat(most.get()).isBetween(2, 3);
        assertThat(threads).hasSizeBetween(2, 3);
        assertThat(pool.inUse()).isZero();
        assertThat(pool.queued()).isZero();
    }

    @Test
    void a_batch_on_a_full_pool_is_turned_away_whole_having_run_nothing() throws Exception {
        var pool = new SolverPool(1, 0, 1000, 2);
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var running = CompletableFuture.supplyAsync(() -> pool.run(in(10_000), millis -> {
            started.countDown();
            await(release);
            return "done";
        }));
        started.await();
        var ran = new java.util.concurrent.atomic.AtomicInteger();

        assertThatThrownBy(() -> pool.runAll(in(10_000), 5, i -> ran.incrementAndGet(), busy -> -1))
                .isInstanceOfSatisfying(BusyException.class, busy -> assertThat(busy.retryAfterSeconds()).isEqualTo(2));
        release.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(ran.get()).isZero();
        assertThat(pool.inUse()).isZero();
    }

    @Test
    void the_requests_of_a_batch_whose_turn_comes_after_the_deadline_are_answered_busy_in_their_place() {
        var pool = new SolverPool(1, 0, 1000, 1);

        var answers = pool.runAll(in(300), 10, i -> {
            sleep(100);
            return "solved";
        }, busy -> busy.getMessage());

        assertThat(answers).hasSize(10);
        assertThat(answers.get(0)).isEqualTo("solved");
        assertThat(answers.get(9)).contains("time ran out");
        assertThat(answers.stream().filter("solved"::equals).count()).isBetween(2L, 4L);
    }

    /** A batch on an idle pool takes every solver, and gives one back after the request it is on when another waits. */
    @Test
    void a_batch_leaves_a_helper_solver_to_a_request_that_waits_for_one() throws Exception {
        var pool = new SolverPool(2, 1, 10_000, 1);
        var batchStarted = new CountDownLatch(2);
        var batch = CompletableFuture.supplyAsync(() -> pool.runAll(in(30_000), 100, i -> {
            batchStarted.countDown();
            sleep(20);
            return i;
        }, busy -> -1));
        batchStarted.await();
        assertThat(pool.inUse()).isEqualTo(2);

        long start = System.nanoTime();
        var single = pool.run(in(30_000), millis -> "single");
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(single).isEqualTo("single");
        assertThat(batch.isDone()).as("the batch was still running").isFalse();
        assertThat(waitedMs).as("waited for one request of the batch, not for the batch").isLessThan(500);
        assertThat(batch.get(30, TimeUnit.SECONDS)).hasSize(100).doesNotContain(-1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

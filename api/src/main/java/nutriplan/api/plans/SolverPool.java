package nutriplan.api.plans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import nutriplan.api.errors.BusyException;

/**
 * Admission control for solves: at most {@code size} run at once, at most {@code queueSize} more wait for a
 * solver, and each waits no longer than {@code queueTimeoutMs}. Beyond that a request is turned away at once
 * with a {@link BusyException} (503 with {@code Retry-After}): never an unbounded backlog, and under overload
 * callers get 503s rather than growing latency.
 *
 * <p>A solve runs on the caller's thread (the HTTP request's): admission is two semaphores, no hand-off.
 * A free solver goes to whichever admitted request asks first, not to the longest waiter: a fair hand-off
 * leaves the core idle until the parked waiter wakes, which on 2 cores cost a third of the throughput with
 * 8 requests in flight (1,443 against 2,956 plans/s in-process). No request waits longer than the queue
 * timeout either way. Thread-safe.
 *
 * <p>A batch ({@link #runAll}) is admitted whole, as one request: it waits for one solver like any request (or is
 * turned away), and from then on every request of it is answered. Solvers idle between two of its requests join it,
 * each on a lane thread of a pool of {@code size - 1}, and leave it after the request they are on as soon as another
 * request waits for a solver: a batch uses what is idle, and a waiting request gets a solver when the solve in
 * progress on it ends (within its queue timeout, as behind any solve, or it is turned away). Each such lane holds an admission and
 * a solver permit, so it takes no queue place from single requests, and the threads batches use are bounded by the
 * pool's size.
 */
public final class SolverPool implements MeterBinder, AutoCloseable {

    private final int size;
    private final int queueSize;
    private final long queueTimeoutMs;
    private final int retryAfterSeconds;
    /** Permits for requests admitted: solving or waiting. */
    private final Semaphore admitted;
    /** Permits for solving. */
    private final Semaphore solvers;
    private final AtomicLong rejected = new AtomicLong();
    /** The threads of a batch's lanes beyond the caller's; never more lanes than solvers, so never a backlog here. */
    private final ExecutorService lanes;

    public SolverPool(int size, int queueSize, long queueTimeoutMs, int retryAfterSeconds) {
        if (size < 1 || queueSize < 0 || queueTimeoutMs < 0 || retryAfterSeconds < 1) {
            throw new IllegalArgumentException("size (" + size + ") must be positive; queueSize (" + queueSize
                    + "), queueTimeoutMs (" + queueTimeoutMs + ") not negative; retryAfterSeconds (" + retryAfterSeconds + ") positive");
        }
        this.size = size;
        this.queueSize = queueSize;
        this.queueTimeoutMs = queueTimeoutMs;
        this.retryAfterSeconds = retryAfterSeconds;
        this.admitted = new Semaphore(size + queueSize);
        this.solvers = new Semaphore(size);
        var lane = new AtomicInteger();
        this.lanes = Executors.newFixedThreadPool(Math.max(1, size - 1), runnable -> {
            var thread = new Thread(runnable, "nutriplan-batch-lane-" + lane.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs a solve when a solver is free, within a deadline.
     *
     * @param deadlineNanos the {@link System#nanoTime()} by which the request must be answered
     * @param solve         the solve, given the milliseconds left before the deadline (at least 1)
     * @throws BusyException when the pool and its queue are full, when no solver was free within the queue
     *                       timeout, or when the deadline passed while waiting
     */
    public <T> T run(long deadlineNanos, LongFunction<T> solve) {
        if (!admitted.tryAcquire()) {
            throw busy("all " + size + " solvers are busy and " + queueSize + " requests are waiting");
        }
        try {
            long waitMs = Math.min(queueTimeoutMs, millisLeft(deadlineNanos));
            if (!acquireSolver(waitMs)) {
                throw busy("no solver became free within " + waitMs + " ms");
            }
            try {
                long left = millisLeft(deadlineNanos);
                if (left < 1) {
                    throw busy("the request's time ran out while it waited for a solver");
                }
                return solve.apply(left);
            } finally {
                solvers.release();
            }
        } finally {
            admitted.release();
        }
    }

    /**
     * Runs the {@code count} requests of a batch, admitted whole: the batch waits for one solver as a single request
     * does (and is turned away as one is, before anything runs), then answers every request in turn on it, and on
     * every other solver idle while no request waits for one, each on a lane of its own. A request whose turn comes
     * after the deadline is not solved: {@code late} answers it with the {@link BusyException} a single request gets
     * when its time runs out while it waits.
     *
     * @param deadlineNanos the {@link System#nanoTime()} by which the batch must be answered
     * @param solve         answers the request at an index, on a solver; it bounds its solve by the deadline itself
     * @param late          answers a request whose turn came after the deadline
     * @return the answers, in the order of the indexes
     * @throws BusyException when the pool and its queue are full, when no solver was free within the queue timeout,
     *                       or when the deadline passed while waiting: nothing of the batch has run
     */
    public <T> List<T> runAll(long deadlineNanos, int count, IntFunction<T> solve, Function<BusyException, T> late) {
        return run(deadlineNanos, left -> inLanes(deadlineNanos, count, solve, late));
    }

    /**
     * The batch on the caller's solver, and on every solver idle between two of its requests: each lane takes the
     * next request until none is left. A helper lane stops as soon as a request waits for a solver, so a batch
     * shrinks back to its own solver rather than keep waiting requests out; the caller's lane never stops, so the
     * batch always finishes.
     */
    private <T> List<T> inLanes(long deadlineNanos, int count, IntFunction<T> solve, Function<BusyException, T> late) {
        var answers = new Object[count];
        var next = new AtomicInteger();
        IntConsumer answer = i -> answers[i] = millisLeft(deadlineNanos) < 1
                ? late.apply(busy("the request's time ran out while it waited for a solver"))
                : solve.apply(i);
        Runnable helper = () -> {
            try {
                for (int i; !solvers.hasQueuedThreads() && (i = next.getAndIncrement()) < count; ) {
                    answer.accept(i);
                }
            } finally {
                releaseSolver();
            }
        };
        var helpers = new ArrayList<CompletableFuture<Void>>();
        try {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                while (next.get() < count && !solvers.hasQueuedThreads() && tryAcquireIdleSolver()) {
                    try {
                        helpers.add(CompletableFuture.runAsync(helper, lanes));
                    } catch (RejectedExecutionException e) {
                        releaseSolver(); // closed: this lane does the rest
                        break;
                    }
                }
                answer.accept(i);
            }
        } catch (RuntimeException | Error e) {
            next.set(count); // the helpers stop after the request they are on
            throw e;
        } finally {
            helpers.forEach(SolverPool::awaitLane);
        }
        @SuppressWarnings("unchecked")
        var inOrder = (List<T>) Arrays.asList(answers);
        return inOrder;
    }

    /** An admission and a solver permit, both at once or neither, without waiting. */
    private boolean tryAcquireIdleSolver() {
        if (!admitted.tryAcquire()) {
            return false;
        }
        if (!solvers.tryAcquire()) {
            admitted.release();
            return false;
        }
        return true;
    }

    private void releaseSolver() {
        solvers.release();
        admitted.release();
    }

    /** Waits for a lane; the answers it wrote are visible after (join's happens-before). */
    private static void awaitLane(CompletableFuture<Void> lane) {
        try {
            lane.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private boolean acquireSolver(long waitMs) {
        try {
            return solvers.tryAcquire(Math.max(0, waitMs), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private BusyException busy(String why) {
        rejected.incrementAndGet();
        return new BusyException("the service is busy: " + why + "; retry in " + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second" : " seconds"), retryAfterSeconds);
    }

    private static long millisLeft(long deadlineNanos) {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    public int size() {
        return size;
    }

    public int queueSize() {
        return queueSize;
    }

    /** Solves running now. */
    public int inUse() {
        return size - solvers.availablePermits();
    }

    /** Requests waiting for a solver now. */
    public int queued() {
        return Math.max(0, size + queueSize - admitted.availablePermits() - inUse());
    }

    /** Requests turned away since start. */
    public long rejected() {
        return rejected.get();
    }

    /**
     * Takes no new lanes; lanes started or queued still answer their requests, so no batch waits for a lane that
     * never runs (and none keeps its permits). Call after the requests in flight.
     */
    @Override
    public void close() {
        lanes.shutdown();
    }

    /** Publishes the pool's occupancy ({@code nutriplan_solver_pool_*}), read at each scrape. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("nutriplan.solver.pool.in.use", this, SolverPool::inUse)
                .description("solves running now").register(registry);
        Gauge.builder("nutriplan.solver.pool.queued", this, SolverPool::queued)
                .description("plan requests waiting for a solver").register(registry);
        Gauge.builder("nutriplan.solver.pool.size", this, SolverPool::size)
                .description("solves that may run at once").register(registry);
        Gauge.builder("nutriplan.solver.pool.queue.size", this, SolverPool::queueSize)
                .description("plan requests that may wait for a solver").register(registry);
        FunctionCounter.builder("nutriplan.solver.pool.rejected", this, SolverPool::rejected)
                .description("plan requests turned away with 503 busy").register(registry);
    }
}

package nutriplan.api.service;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import nutriplan.planner.Planner;
import nutriplan.planner.choco.ChocoPlanner;
import nutriplan.planner.plan.PlanResult;
import nutriplan.planner.request.PlanRequest;

/**
 * A slow solve on demand: each call says it has started, then waits until released before planning with Choco.
 * It also remembers the time limit it was given. Lets tests fill the solver pool deterministically.
 */
public final class BlockingPlanner implements Planner {

    private final ChocoPlanner choco = new ChocoPlanner();
    private final CountDownLatch started;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicLong lastTimeLimitMs = new AtomicLong(-1);
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    /** @param solves how many calls {@link #awaitStarted()} waits for */
    public BlockingPlanner(int solves) {
        this.started = new CountDownLatch(solves);
    }

    @Override
    public PlanResult plan(PlanRequest request) {
        lastTimeLimitMs.set(request.timeLimitMs());
        calls.incrementAndGet();
        started.countDown();
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the solve");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return choco.plan(request);
    }

    public void awaitStarted() throws InterruptedException {
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the solves did not start");
        }
    }

    public void release() {
        release.countDown();
    }

    /** Solves begun so far, released or not. */
    public int calls() {
        return calls.get();
    }

    public long lastTimeLimitMs() {
        return lastTimeLimitMs.get();
    }
}

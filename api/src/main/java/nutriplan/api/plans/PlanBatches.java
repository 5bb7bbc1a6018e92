package nutriplan.api.plans;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.json.Batches;
import nutriplan.api.json.JsonAnswer;
import nutriplan.api.metrics.Metrics;

/**
 * Plans in batches ({@code POST /api/v1/plans:batch}): up to {@code maxRequests} plan requests in one call, each
 * answered in its place with the status and body {@code POST /api/v1/plans} gives it, through the same reader and
 * writer ({@link PlanRequestJson}, {@link PlanAnswers}).
 *
 * <ul>
 *   <li>One snapshot: each catalog a request names is read once for the whole batch ({@link Catalogs#pinned}), so a
 *       catalog changed while the batch runs gives no two versions within one answer.</li>
 *   <li>Admitted whole ({@link SolverPool#runAll}): the batch gets a solver as one request does, or a 503 before
 *       anything runs; solvers idle at that moment join it. Requests are read on the solvers, one at a time per
 *       lane, so a batch holds no more parsed inline catalogs than it has lanes.</li>
 *   <li>The request timeout is the batch's: each solve gets what is left of it when that is less than its
 *       timeLimitMs, and a request whose turn comes after it is answered 503 busy in its place, as a single call
 *       whose time ran out while it waited.</li>
 * </ul>
 */
public final class PlanBatches {

    private final Catalogs catalogs;
    private final PlanAnswers answers;
    private final SolverPool pool;
    private final int maxInlineProducts;
    private final long requestTimeoutMs;
    private final int maxRequests;

    public PlanBatches(Catalogs catalogs, PlanService service, SolverPool pool, Metrics metrics, int maxInlineProducts,
                       long requestTimeoutMs, int maxRequests) {
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.answers = new PlanAnswers(service, metrics);
        this.pool = Objects.requireNonNull(pool, "pool");
        this.maxInlineProducts = maxInlineProducts;
        this.requestTimeoutMs = requestTimeoutMs;
        this.maxRequests = maxRequests;
    }

    /**
     * The answer to a batch body: {@code {"results": [{"status", "body"}, ...]}}, one per request, in order.
     *
     * @throws nutriplan.catalog.json.InvalidInputException a malformed envelope (400 for the whole call)
     * @throws nutriplan.api.errors.TooLargeException       more than {@code maxRequests} requests (413)
     * @throws nutriplan.api.errors.BusyException           the batch could not be admitted (503, nothing ran)
     */
    public ObjectNode answer(byte[] body) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(requestTimeoutMs);
        var requests = Batches.items(body, "requests", "plan requests", maxRequests);
        var snapshot = Catalogs.pinned(catalogs);
        return Batches.results(pool.runAll(deadline, requests.size(),
                i -> answer(requests.get(i), snapshot, deadline), Batches::failed));
    }

    private JsonAnswer answer(JsonNode request, Catalogs snapshot, long deadline) {
        return Batches.answer(() -> PlanAnswers.answer(answers.solve(
                PlanRequestJson.readScheduled(request, snapshot, maxInlineProducts),
                Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())))));
    }
}

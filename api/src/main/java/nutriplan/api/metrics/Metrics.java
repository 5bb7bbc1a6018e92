package nutriplan.api.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The service's measurements, in one registry per app, written as Prometheus text by {@code GET /metrics}:
 *
 * <ul>
 *   <li>{@code http_server_requests_seconds} — count, sum and histogram by method, route template and status;</li>
 *   <li>{@code nutriplan_solve_seconds} — count, sum and histogram by solver and result status;</li>
 *   <li>{@code nutriplan_solver_pool_in_use}, {@code _queued}, {@code _size}, {@code _queue_size} and
 *       {@code nutriplan_solver_pool_rejected_total} — admission control, bound by the solver pool;</li>
 *   <li>{@code nutriplan_security_events_total} — the security log's events by kind ({@code SecurityLog});</li>
 *   <li>the JVM's memory, threads, CPU and uptime.</li>
 * </ul>
 *
 * Routes are templates ({@code /api/v1/catalogs/{catalog}/products}), never raw paths, so a caller cannot
 * grow the number of series; requests no route matched share the route {@code unmatched}.
 */
public final class Metrics {

    /** Route label of requests that matched no route (404, 405). */
    public static final String UNMATCHED = "unmatched";

    /** Histogram buckets: from a cached answer to the longest solve. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Publishes another part's measurements, such as the solver pool's occupancy, read at each scrape. */
    public void bind(MeterBinder binder) {
        binder.bindTo(registry);
    }

    public void recordRequest(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** @param status the planner's status (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN), or "error" when it threw */
    public void recordSolve(String solver, String status, long nanos) {
        Timer.builder("nutriplan.solve")
                .description("solves by solver and result status, admission wait excluded")
                .tags("solver", solver, "status", status)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One event of the security log ({@code nutriplan_security_events_total{event}}): a fixed set of labels. */
    public void recordSecurityEvent(String event) {
        Counter.builder("nutriplan.security.events")
                .description("security log events: key and user changes, sign-ins, failed authentications, refusals")
                .tag("event", event)
                .register(registry)
                .increment();
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }
}

package nutriplan.api.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.CorsPlugin;

import nutriplan.api.access.Access;
import nutriplan.api.catalogs.CatalogRoutes;
import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.catalogs.CatalogService;
import nutriplan.api.catalogs.CatalogSnapshots;
import nutriplan.api.docs.DocsRoutes;
import nutriplan.api.errors.ErrorJson;
import nutriplan.api.health.HealthRoutes;
import nutriplan.api.history.HistoryRoutes;
import nutriplan.api.history.HistoryService;
import nutriplan.api.json.JsonRequests;
import nutriplan.api.metrics.Metrics;
import nutriplan.api.metrics.MetricsRoutes;
import nutriplan.api.catalogs.CatalogDirectory;
import nutriplan.api.plans.PlanBatchRoutes;
import nutriplan.api.plans.PlanBatches;
import nutriplan.api.plans.PlanRoutes;
import nutriplan.api.plans.PlanService;
import nutriplan.api.plans.SolverPool;
import nutriplan.api.web.PresetRoutes;
import nutriplan.api.web.WebForm;
import nutriplan.api.targets.TargetRoutes;
import nutriplan.catalog.json.Json;
import nutriplan.store.CatalogStore;
import nutriplan.store.Change;

/**
 * The HTTP service, built from its settings and its two services (the catalog store, the planner); tests
 * build it with a port of 0 and their own planner. Every route is mounted here, by the routes class of its
 * entity; the cross-cutting parts (error table, request ids, access log and metrics, security headers, CORS,
 * graceful shutdown) are wired here once.
 */
public final class NutriplanApp {

    private static final Logger LOG = LoggerFactory.getLogger(NutriplanApp.class);

    private final ServiceSettings settings;
    private final Metrics metrics;
    private final SolverPool pool;
    private final Javalin javalin;
    private final PlanService planService;
    private final Catalogs catalogs;
    private final Access access;
    private volatile boolean accepting;
    /** Null until started. */
    private volatile WarmUp warmUp;

    private final AutoCloseable storage;

    private NutriplanApp(ServiceSettings settings, Metrics metrics, CatalogService catalogs, HistoryService history,
                         PlanService planService, Access access, AutoCloseable storage) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.pool = new SolverPool(settings.solverPoolSize(), settings.solverQueueSize(), settings.queueTimeoutMs(),
                settings.retryAfterSeconds());
        metrics.bind(pool);
        this.storage = storage;
        this.planService = planService;
        this.catalogs = catalogs.snapshots();
        this.access = access;
        var plans = new PlanRoutes(catalogs.snapshots(), planService, pool, metrics, settings.maxInlineProducts(),
                settings.requestTimeoutMs());
        var batches = new PlanBatchRoutes(new PlanBatches(catalogs.snapshots(), planService, pool, metrics,
                settings.maxInlineProducts(), settings.requestTimeoutMs(), settings.maxBatchRequests()));
        var catalogRoutes = new CatalogRoutes(catalogs);
        var historyRoutes = new HistoryRoutes(history);
        var health = new HealthRoutes(this::readiness, () -> warmUp.progress(), catalogs.snapshots()::storeReachable,
                settings.retryAfterSeconds());
        var metricsRoutes = new MetricsRoutes(metrics);
        var docs = new DocsRoutes();
        var queryParameters = docs.queryParameters();
        var presets = new PresetRoutes();
        var accessLog = new AccessLog(metrics);
        this.javalin = Javalin.create(config -> {
            configureHttp(config);
            config.routes.before(RequestIds::assign);
            config.routes.before(RequestGuards::check);
            // One place decides who may call each route, before its handler: closed by default.
            config.routes.beforeMatched(access::check);
            // A query parameter the OpenAPI document does not declare for the route is a 400, never ignored.
            config.routes.beforeMatched(queryParameters::check);
            access.register(config.routes);
            plans.register(config.routes);
            batches.register(config.routes);
            catalogRoutes.register(config.routes);
            historyRoutes.register(config.routes);
            new TargetRoutes(settings.maxBatchRequests()).register(config.routes);
            health.register(config.routes);
            metricsRoutes.register(config.routes);
            docs.register(config.routes);
            presets.register(config.routes);
            WebForm.serve(config);
            new HttpErrors(settings.maxBodyBytes()).register(config.routes);
            config.requestLogger.http(accessLog::record);
        });
        // A route registered without a scope would be open by mistake: refuse to start instead.
        access.scopes().check(routes());
    }

    /**
     * The service over the store of {@code settings.store()} and the standard planner. A store holding no catalog
     * at all is seeded from {@code settings.catalogDirectory()} first.
     */
    public static NutriplanApp create(ServiceSettings settings) {
        return create(settings, settings.store().open(), new PlanService());
    }

    /** The service over this store, which it closes when it stops. */
    public static NutriplanApp create(ServiceSettings settings, CatalogStore store, PlanService planService) {
        return create(settings, store, planService, Clock.systemUTC());
    }

    /** The same, on a clock of its own for access control (expiries, timeouts, failure limits): tests move it. */
    public static NutriplanApp create(ServiceSettings settings, CatalogStore store, PlanService planService, Clock clock) {
        try {
            if (store.catalogs().isEmpty()) {
                var seeded = store.seedIfEmpty(new CatalogDirectory(settings.catalogDirectory()).all(), Change.by("seed"));
                LOG.info("seeded the catalog store from {}: {}", settings.catalogDirectory(), seeded);
            }
            var snapshots = CatalogSnapshots.load(store, settings.store().pollMs());
            var metrics = new Metrics();
            var access = Access.create(store, settings.access(), Duration.ofMillis(settings.store().pollMs()),
                    metrics, clock);
            var catalogs = new CatalogService(store, snapshots);
            return new NutriplanApp(settings, metrics, catalogs, new HistoryService(store, catalogs), planService, access, () -> {
                snapshots.close();
                store.close();
            });
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void configureHttp(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.unsafe.appData(JsonRequests.MAX_BODY_BYTES, settings.maxBodyBytes());
        config.http.prefer405over404 = true;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        config.jetty.modifyServer(server -> {
            // Stop: close the listener, let requests in flight finish (plans included), then stop.
            server.setStopTimeout(settings.shutdownTimeoutMs());
            server.insertHandler(new GracefulHandler());
            server.insertHandler(new SecurityHeaders());
            server.setErrorHandler(new JsonErrorHandler());
        });
        config.router.javaLangErrorHandler((response, error) -> {
            LOG.error("internal error", error);
            JsonErrorHandler.write(response, ErrorJson.internalError());
        });
        if (!settings.corsOrigins().isEmpty()) {
            config.registerPlugin(new CorsPlugin(cors -> cors.addRule(rule -> {
                settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
                rule.exposeHeader(RequestIds.HEADER);
                rule.exposeHeader("Retry-After");
            })));
        }
    }

    /**
     * Starts listening, and warming up in the background: {@code /ready} says 503 until the sample plans are done
     * ({@link WarmUp}); {@link #port()} then tells where.
     */
    public NutriplanApp start() {
        javalin.start();
        warmUp = WarmUp.start(planService, catalogs, settings.warmUpRounds(), pool.size());
        accepting = true;
        access.started(settings.host(), port());
        LOG.info("nutriplan listening on http://{}:{} ({} solvers, queue {}, body limit {} bytes){}", settings.host(), port(),
                pool.size(), pool.queueSize(), settings.maxBodyBytes(),
                warmUp.finished() ? "" : "; warming up, /ready says 503 until done");
        return this;
    }

    /** Where the service stands, for {@code /ready}. */
    private HealthRoutes.Readiness readiness() {
        if (!accepting) {
            return HealthRoutes.Readiness.STOPPING;
        }
        return warmUp.finished() ? HealthRoutes.Readiness.READY : HealthRoutes.Readiness.WARMING;
    }

    /** Whether the warm-up is done (at once without one): {@code /ready} then says 200. */
    public boolean warmedUp() {
        return warmUp != null && warmUp.finished();
    }

    /**
     * Stops gracefully: /ready turns 503, the listener closes, requests in flight (plans included) finish within
     * the shutdown timeout, then the server stops. Safe to call twice.
     */
    public void stop() {
        accepting = false;
        if (warmUp != null) {
            warmUp.stop();
        }
        javalin.stop();
        pool.close(); // after the requests in flight: a batch running finishes first
        try {
            storage.close(); // after the requests in flight: a change under way finishes first
        } catch (Exception e) {
            LOG.warn("closing the catalog store failed", e);
        }
    }

    public int port() {
        return javalin.port();
    }

    /** Every route this app answers, as "METHOD /path/{param}": what the OpenAPI document must describe. */
    public List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    public Metrics metrics() {
        return metrics;
    }

    public Access access() {
        return access;
    }
}

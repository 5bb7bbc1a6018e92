package nutriplan.api.service;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import nutriplan.api.access.AccessFilter.AnonymousAccess;
import nutriplan.api.access.AccessSettings;
import nutriplan.api.access.keys.ApiKey;
import nutriplan.api.catalogs.CatalogDirectory;
import nutriplan.api.plans.PlanRequestJson;
import nutriplan.planner.request.PlanRequest;
import nutriplan.store.Retention;

/**
 * Every setting of the service, read once from environment variables ({@link #fromEnvironment}); the README
 * lists each with its default. Tests build one with {@link #defaults()} and the {@code with...} methods.
 *
 * @param host               the address to listen on
 * @param port               the port to listen on; 0 picks a free one (tests)
 * @param catalogDirectory   where the stored catalogs are read from at start-up
 * @param maxBodyBytes       the largest request body accepted (413 above), checked while reading, chunked too
 * @param maxInlineProducts  the most products an inline catalog may hold (413 above)
 * @param solverPoolSize     how many solves run at once
 * @param solverQueueSize    how many plan requests may wait for a solver; beyond pool + queue, 503 at once
 * @param queueTimeoutMs     the longest a plan request waits for a solver before a 503
 * @param requestTimeoutMs   the longest a plan request takes in all, waiting and solving; a solve gets
 *                           what is left of it when that is less than the request's timeLimitMs
 * @param shutdownTimeoutMs  on stop, the longest to wait for requests in flight to finish
 * @param retryAfterSeconds  the Retry-After of a 503 busy
 * @param corsOrigins        origins allowed to call from a browser; empty: CORS off (same origin only)
 * @param store              where catalogs are stored
 * @param maxBatchRequests   the most requests a batch ({@code POST /api/v1/plans:batch}, {@code targets:batch}) may
 *                           hold (413 above)
 * @param warmUpRounds       how many times each warm-up request is planned at start, before {@code /ready} says
 *                           ready ({@link WarmUp}); 0: ready at once, the first plans cold
 * @param access             who may call without a credential, and the admin key to seed
 */
public record ServiceSettings(String host, int port, Path catalogDirectory, long maxBodyBytes, int maxInlineProducts,
                              int solverPoolSize, int solverQueueSize, long queueTimeoutMs, long requestTimeoutMs,
                              long shutdownTimeoutMs, int retryAfterSeconds, List<String> corsOrigins,
                              StoreSettings store, int maxBatchRequests, int warmUpRounds, AccessSettings access) {

    public static final int DEFAULT_PORT = 7070;
    /** Loopback by default: a first run is reachable from this machine only; a deployment sets HOST. */
    public static final String LOOPBACK = "127.0.0.1";
    public static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;
    /** A solve waiting longer than this for a core would rather be retried elsewhere. */
    public static final long DEFAULT_QUEUE_TIMEOUT_MS = 1000;
    /** The longest solve (30 s) and a little more for waiting, reading and writing. */
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = PlanRequest.MAX_TIME_LIMIT_MS + 2000;
    public static final long DEFAULT_SHUTDOWN_TIMEOUT_MS = DEFAULT_REQUEST_TIMEOUT_MS + 1000;
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    /** Plan requests that may wait per solver: enough to keep every core busy through short bursts. */
    public static final int QUEUE_PER_SOLVER = 4;
    /** A team roster or a day of a recommendation job in one call, and still a body well under MAX_BODY_BYTES. */
    public static final int DEFAULT_MAX_BATCH_REQUESTS = 100;
    /** Enough for the first request to get a warm service's answer (docs/API.md, "Readiness"). */
    public static final int DEFAULT_WARM_UP_ROUNDS = 3;

    /** The variables read, in the README's order; each maps to one component. */
    public static final List<String> VARIABLES = List.of("HOST", "PORT", "CATALOG_DIR", "MAX_BODY_BYTES",
            "MAX_INLINE_PRODUCTS", "SOLVER_POOL_SIZE", "SOLVER_QUEUE_SIZE", "QUEUE_TIMEOUT_MS", "REQUEST_TIMEOUT_MS",
            "SHUTDOWN_TIMEOUT_MS", "RETRY_AFTER_SECONDS", "CORS_ORIGINS", "MONGODB_URI", "NUTRIPLAN_DATA_DIR",
            "CATALOG_POLL_MS", "STORE_TIMEOUT_MS", "CATALOG_RETENTION_DAYS", "MAX_BATCH_REQUESTS", "WARM_UP_ROUNDS", "ANONYMOUS_ACCESS",
            "NUTRIPLAN_ADMIN_KEY");

    /** An origin as browsers send it: scheme, host and optional port, nothing after. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    private static final long MAX_TIMEOUT_MS = 3_600_000;
    /** A hundred years: longer is "keep all", which is the default. */
    private static final long MAX_RETENTION_DAYS = 36_500;

    public ServiceSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(catalogDirectory, "catalogDirectory");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(access, "access");
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Every default: port 7070, data/catalogs, 2 MiB bodies, 5,000 inline products, one solver per core. */
    public static ServiceSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServiceSettings(LOOPBACK, DEFAULT_PORT, CatalogDirectory.IN_WORKING_DIRECTORY, DEFAULT_MAX_BODY_BYTES,
                PlanRequestJson.DEFAULT_MAX_INLINE_PRODUCTS, cores, cores * QUEUE_PER_SOLVER, DEFAULT_QUEUE_TIMEOUT_MS,
                DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_SHUTDOWN_TIMEOUT_MS, DEFAULT_RETRY_AFTER_SECONDS, List.of(),
                StoreSettings.defaults(), DEFAULT_MAX_BATCH_REQUESTS, DEFAULT_WARM_UP_ROUNDS, AccessSettings.defaultsFor(LOOPBACK));
    }

    /**
     * The settings from environment variables ({@link #VARIABLES}), each missing or empty one at its default.
     *
     * @throws InvalidSettingsException naming every variable with a bad value, what it held and what it takes
     */
    public static ServiceSettings fromEnvironment(Map<String, String> environment) {
        var reader = new Reader(environment);
        var defaults = defaults();
        var host = reader.text("HOST", defaults.host());
        int port = (int) reader.number("PORT", defaults.port(), 0, 65_535);
        var catalogDirectory = reader.path("CATALOG_DIR", defaults.catalogDirectory());
        long maxBodyBytes = reader.number("MAX_BODY_BYTES", defaults.maxBodyBytes(), 1024, 1L << 30);
        int maxInlineProducts = (int) reader.number("MAX_INLINE_PRODUCTS", defaults.maxInlineProducts(), 1, 1_000_000);
        int solverPoolSize = (int) reader.number("SOLVER_POOL_SIZE", defaults.solverPoolSize(), 1, 1024);
        int solverQueueSize = (int) reader.number("SOLVER_QUEUE_SIZE", (long) solverPoolSize * QUEUE_PER_SOLVER, 0, 100_000);
        long queueTimeoutMs = reader.number("QUEUE_TIMEOUT_MS", defaults.queueTimeoutMs(), 0, MAX_TIMEOUT_MS);
        long requestTimeoutMs = reader.number("REQUEST_TIMEOUT_MS", defaults.requestTimeoutMs(), 1, MAX_TIMEOUT_MS);
        long shutdownTimeoutMs = reader.number("SHUTDOWN_TIMEOUT_MS", Math.max(defaults.shutdownTimeoutMs(), requestTimeoutMs + 1000),
                0, MAX_TIMEOUT_MS);
        int retryAfterSeconds = (int) reader.number("RETRY_AFTER_SECONDS", defaults.retryAfterSeconds(), 1, 3600);
        var corsOrigins = reader.origins("CORS_ORIGINS");
        var store = new StoreSettings(reader.mongodbUri("MONGODB_URI"),
                reader.path("NUTRIPLAN_DATA_DIR", defaults.store().dataDirectory()),
                reader.number("CATALOG_POLL_MS", defaults.store().pollMs(), 100, MAX_TIMEOUT_MS),
                reader.number("STORE_TIMEOUT_MS", defaults.store().timeoutMs(), 100, MAX_TIMEOUT_MS),
                reader.retention("CATALOG_RETENTION_DAYS"));
        int maxBatchRequests = (int) reader.number("MAX_BATCH_REQUESTS", defaults.maxBatchRequests(), 1, 10_000);
        int warmUpRounds = (int) reader.number("WARM_UP_ROUNDS", defaults.warmUpRounds(), 0, 100);
        var access = AccessSettings.defaultsFor(host);
        var anonymous = reader.choice("ANONYMOUS_ACCESS", access.anonymous(), AnonymousAccess.class);
        access = access.withAnonymous(anonymous).withAdminKey(reader.adminKey("NUTRIPLAN_ADMIN_KEY"));
        reader.throwIfInvalid();
        return new ServiceSettings(host, port, catalogDirectory, maxBodyBytes, maxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, corsOrigins, store, maxBatchRequests,
                warmUpRounds, access);
    }

    public ServiceSettings withPort(int newPort) {
        return new ServiceSettings(host, newPort, catalogDirectory, maxBodyBytes, maxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, corsOrigins, store, maxBatchRequests, warmUpRounds, access);
    }

    public ServiceSettings withCatalogDirectory(Path newCatalogDirectory) {
        return new ServiceSettings(host, port, newCatalogDirectory, maxBodyBytes, maxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, corsOrigins, store, maxBatchRequests, warmUpRounds, access);
    }

    public ServiceSettings withLimits(long newMaxBodyBytes, int newMaxInlineProducts) {
        return new ServiceSettings(host, port, catalogDirectory, newMaxBodyBytes, newMaxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, corsOrigins, store, maxBatchRequests, warmUpRounds, access);
    }

    public ServiceSettings withSolverPool(int newPoolSize, int newQueueSize, long newQueueTimeoutMs) {
        return new ServiceSettings(host, port, catalogDirectory, maxBodyBytes, maxInlineProducts, newPoolSize,
                newQueueSize, newQueueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, corsOrigins, store, maxBatchRequests, warmUpRounds, access);
    }

    public ServiceSettings withTimeouts(long newRequestTimeoutMs, long newShutdownTimeoutMs) {
        return new ServiceSettings(host, port, catalogDirectory, maxBodyBytes, maxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, newRequestTimeoutMs, newShutdownTimeoutMs, retryAfterSeconds, corsOrigins, store, maxBatchRequests, warmUpRounds, access);
    }

    public ServiceSettings withMaxBatchRequests(int newMaxBatchRequests) {
        return new ServiceSettings(host, port, catalogDirectory, maxBodyBytes, maxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, corsOrigins, store,
                newMaxBatchRequests, warmUpRounds, access);
    }

    public ServiceSettings withWarmUpRounds(int newWarmUpRounds) {
        return new ServiceSettings(host, port, catalogDirectory, maxBodyBytes, maxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, corsOrigins, store,
                maxBatchRequests, newWarmUpRounds, access);
    }

    public ServiceSettings withStore(StoreSettings newStore) {
        return new ServiceSettings(host, port, catalogDirectory, maxBodyBytes, maxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, corsOrigins, newStore, maxBatchRequests, warmUpRounds, access);
    }

    public ServiceSettings withAccess(AccessSettings newAccess) {
        return new ServiceSettings(host, port, catalogDirectory, maxBodyBytes, maxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, corsOrigins, store,
                maxBatchRequests, warmUpRounds, newAccess);
    }

    public ServiceSettings withCorsOrigins(List<String> newCorsOrigins) {
        return new ServiceSettings(host, port, catalogDirectory, maxBodyBytes, maxInlineProducts, solverPoolSize,
                solverQueueSize, queueTimeoutMs, requestTimeoutMs, shutdownTimeoutMs, retryAfterSeconds, newCorsOrigins, store, maxBatchRequests, warmUpRounds, access);
    }

    /** Reads variables, collecting every fault so that one start-up names them all. */
    private static final class Reader {

        private final Map<String, String> environment;
        private final List<String> faults = new ArrayList<>();

        Reader(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
        }

        private String raw(String name) {
            var value = environment.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** An API key, checked but never echoed: a fault names the variable only. */
        String adminKey(String name) {
            var value = raw(name);
            if (value != null && ApiKey.parse(value).isEmpty()) {
                faults.add(name + " is not a nutriplan API key (its value is not shown); make one with"
                        + " `nutriplan keys generate`");
                return null;
            }
            return value;
        }

        String text(String name, String fallback) {
            var value = raw(name);
            return value == null ? fallback : value;
        }

        long number(String name, long fallback, long min, long max) {
            return parsed(name, fallback, value -> {
                long number;
                try {
                    number = Long.parseLong(value.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is not a whole number; expected " + min + " to " + max);
                }
                if (number < min || number > max) {
                    throw new IllegalArgumentException("is out of range; expected " + min + " to " + max);
                }
                return number;
            });
        }

        Path path(String name, Path fallback) {
            return parsed(name, fallback, value -> {
                try {
                    return Path.of(value);
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException("is not a path: " + e.getReason());
                }
            });
        }

        /** A MongoDB connection string, or null (the embedded store) when unset. */
        String mongodbUri(String name) {
            return parsed(name, null, value -> {
                if (!value.startsWith("mongodb://") && !value.startsWith("mongodb+srv://")) {
                    throw new IllegalArgumentException("is not a MongoDB connection string; expected mongodb://host:27017/db"
                            + " or mongodb+srv://cluster.example.net/db (leave it unset for the embedded store)");
                }
                try {
                    new com.mongodb.ConnectionString(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("is not a valid MongoDB connection string: " + e.getMessage());
                }
                return value;
            });
        }

        /** Days to keep untagged catalog versions (1 to 36,500); unset: every version kept. */
        Retention retention(String name) {
            return parsed(name, Retention.KEEP_ALL, value -> {
                long days;
                try {
                    days = Long.parseLong(value.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is not a whole number of days; expected 1 to " + MAX_RETENTION_DAYS
                            + " (empty: keep every version)");
                }
                if (days < 1 || days > MAX_RETENTION_DAYS) {
                    throw new IllegalArgumentException("is out of range; expected 1 to " + MAX_RETENTION_DAYS
                            + " days (empty: keep every version)");
                }
                return Retention.days((int) days);
            });
        }

        /** A comma-separated list of origins such as "https://plan.example.com,http://localhost:3000". */
        List<String> origins(String name) {
            return parsed(name, List.of(), value -> {
                Set<String> origins = new LinkedHashSet<>();
                for (var origin : value.split(",")) {
                    var trimmed = origin.strip();
                    if (trimmed.equals("*")) {
                        throw new IllegalArgumentException("may not be \"*\": list the origins allowed, such as https://plan.example.com");
                    }
                    if (!ORIGIN.matcher(trimmed).matches()) {
                        throw new IllegalArgumentException("holds \"" + trimmed + "\", which is not an origin such as"
                                + " https://plan.example.com or http://localhost:3000 (scheme, host, optional port; no path)");
                    }
                    origins.add(trimmed);
                }
                return List.copyOf(origins);
            });
        }

        /** One of an enum's constants, named in lower case ("plan", "none"). */
        <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
            return parsed(name, fallback, value -> {
                for (var constant : type.getEnumConstants()) {
                    if (constant.name().equalsIgnoreCase(value)) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("is not one of " + String.join(", ", java.util.Arrays.stream(
                        type.getEnumConstants()).map(constant -> constant.name().toLowerCase(java.util.Locale.ROOT)).toList()));
            });
        }

        private <T> T parsed(String name, T fallback, Function<String, T> parser) {
            var value = raw(name);
            if (value == null) {
                return fallback;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                faults.add(name + "=\"" + shortened(value) + "\" " + e.getMessage());
                return fallback;
            }
        }

        void throwIfInvalid() {
            if (!faults.isEmpty()) {
                throw new InvalidSettingsException(faults);
            }
        }

        private static String shortened(String value) {
            return value.length() <= 60 ? value : value.substring(0, 60) + "…";
        }
    }
}

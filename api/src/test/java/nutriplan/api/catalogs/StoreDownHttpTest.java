package nutriplan.api.catalogs;

import static nutriplan.api.service.TestService.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nutriplan.api.service.StoreSettings;
import nutriplan.api.service.TestService;
import nutriplan.store.EmbeddedMongo;
import nutriplan.store.StoreUnavailableException;

/**
 * The service against a store it did not start, named by {@code MONGODB_URI} as a MongoDB deployment would be
 * (here a separately started server: no real mongod can be installed on these machines) — and what happens when
 * that store goes down and comes back.
 */
class StoreDownHttpTest {

    private static final String GEL = """
            {"id": "test-gel", "name": "Test gel", "kind": "gel", "serving": "40 g",
             "nutrients": {"energy": "100 kcal", "carbohydrate": "25 g"}, "source": "label: test"}""";
    private static final String PLAN = "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}}}";

    @TempDir
    Path data;

    @Test
    void plans_go_on_while_the_store_is_down_changes_get_503_and_all_recovers_without_a_restart() throws Exception {
        var store = EmbeddedMongo.start(data);
        int port = store.port();
        var settings = TestService.settings().withStore(new StoreSettings(store.connectionString(), data, 200, 1000));
        try (var service = TestService.start(settings)) {
            assertThat(put(service).statusCode()).isEqualTo(200);

            store.close();
            awaitReady(service, body -> body.contains("\"store\":\"down\""));
            long start = System.nanoTime();
            var refused = put(service);
            long refusedMs = (System.nanoTime() - start) / 1_000_000;
            var plan = service.postJson("/api/v1/plans", PLAN);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(json(refused).at("/error").asText()).isEqualTo("busy");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refusedMs).as("a change fails fast, bounded by STORE_TIMEOUT_MS").isLessThan(5000);
            System.out.printf("store down: a change refused with 503 in %d ms (STORE_TIMEOUT_MS 1000)%n", refusedMs);
            assertThat(plan.statusCode()).as("plans use the catalogs held in memory").isEqualTo(200);
            assertThat(json(plan).at("/catalog/version").asLong()).isEqualTo(2);

            store = EmbeddedMongo.start(data, port);
            awaitReady(service, body -> body.contains("\"store\":\"up\""));
            var after = put(service);

            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            assertThat(json(after).at("/catalog/version").asLong()).isEqualTo(3);
        } finally {
            store.close();
        }
    }

    @Test
    void writes_in_flight_when_the_store_goes_down_get_200_or_503_never_500_or_a_hang_and_no_acknowledged_one_is_lost()
            throws Exception {
        var store = EmbeddedMongo.start(data);
        int port = store.port();
        var settings = TestService.settings().withStore(new StoreSettings(store.connectionString(), data, 200, 1000));
        try (var service = TestService.start(settings)) {
            var acknowledged = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
            var statuses = new java.util.concurrent.ConcurrentHashMap<Integer, Integer>();
            var slowest = new java.util.concurrent.atomic.AtomicLong();
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var writers = java.util.concurrent.Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        var id = "stream-" + writer + "-" + i;
                        long start = System.nanoTime();
                        int status = put(service, id).statusCode();
                        slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                        statuses.merge(status, 1, Integer::sum);
                        if (status == 200) {
                            acknowledged.add(id);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(500);
            store.close(); // mid-stream
            Thread.sleep(2500);
            store = EmbeddedMongo.start(data, port);
            awaitReady(service, body -> body.contains("\"store\":\"up\""));
            Thread.sleep(500);
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            System.out.printf("writes while the store went down and came back: %s by status, slowest %d ms%n", statuses, slowest.get());

            assertThat(statuses.keySet()).as("statuses").isSubsetOf(200, 503).contains(200, 503);
            assertThat(slowest.get()).as("no write waits long: STORE_TIMEOUT_MS 1000").isLessThan(10_000);
            var stored = json(service.get("/api/v1/catalogs/default/products")).path("products");
            var ids = new java.util.HashSet<String>();
            stored.forEach(product -> ids.add(product.path("id").asText()));
            assertThat(ids).as("every acknowledged write").containsAll(acknowledged);
        } finally {
            store.close();
        }
    }

    @Test
    void a_mongodb_uri_where_nothing_listens_stops_the_start_with_a_clear_error_in_bounded_time() throws Exception {
        int deadPort;
        try (var socket = new java.net.ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        var settings = TestService.settings().withStore(new StoreSettings("mongodb://127.0.0.1:" + deadPort + "/nutriplan",
                data, 200, 1000));

        long start = System.nanoTime();
        assertThatThrownBy(() -> TestService.start(settings)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("store");
        long ms = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("dead MONGODB_URI: start-up refused in %d ms (STORE_TIMEOUT_MS 1000)%n", ms);
        assertThat(ms).isLessThan(15_000);
    }

    @Test
    void a_replica_on_the_same_store_plans_with_the_other_replicas_change_within_a_poll() throws Exception {
        try (var store = EmbeddedMongo.start(data)) {
            var settings = TestService.settings().withStore(new StoreSettings(store.connectionString(), data, 200, 1000));
            try (var first = TestService.start(settings); var second = TestService.start(settings)) {
                assertThat(put(first).statusCode()).isEqualTo(200);

                long deadline = System.nanoTime() + 10_000_000_000L;
                long seenAfterMs = -1;
                long start = System.nanoTime();
                while (System.nanoTime() < deadline) {
                    if (second.get("/api/v1/catalogs/default/products/test-gel").statusCode() == 200) {
                        seenAfterMs = (System.nanoTime() - start) / 1_000_000;
                        break;
                    }
                    Thread.sleep(20);
                }

                assertThat(seenAfterMs).as("the other replica's change is seen within a few polls").isBetween(0L, 5000L);
                assertThat(json(second.postJson("/api/v1/plans", PLAN)).at("/catalog/version").asLong()).isEqualTo(2);
            }
        }
    }

    private static HttpResponse<String> put(TestService service) {
        return put(service, "test-gel");
    }

    private static HttpResponse<String> put(TestService service, String id) {
        return service.send(service.request("/api/v1/catalogs/default/products/" + id)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(GEL.replace("test-gel", id), StandardCharsets.UTF_8)).build());
    }

    private static void awaitReady(TestService service, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String body = "";
        while (System.nanoTime() < deadline) {
            body = service.get("/ready").body();
            if (condition.test(body)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("/ready never turned as expected: " + body);
    }
}

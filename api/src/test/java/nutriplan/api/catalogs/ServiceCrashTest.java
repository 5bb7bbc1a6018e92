package nutriplan.api.catalogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nutriplan.api.service.ChildService;
import nutriplan.catalog.json.Json;

/**
 * Crash durability of the service itself: a child JVM runs {@code nutriplan serve} on the embedded store and is
 * killed with SIGKILL ({@code kill -9}) right after acknowledged writes, and in the middle of an import; a new
 * service on the same data directory must hold every acknowledged write and no part of the import.
 */
class ServiceCrashTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    @Test
    void every_acknowledged_write_survives_kill_minus_9_of_the_service() throws Exception {
        var service = start(data);
        var acknowledged = new ArrayList<String>();
        for (int i = 0; i < 25; i++) {
            var id = "crash-" + i;
            if (put(service, id).statusCode() == 200) {
                acknowledged.add(id);
            }
        }
        service.kill(); // right after the last acknowledgement

        var restarted = start(data);
        try {
            assertThat(acknowledged).hasSize(25);
            for (var id : acknowledged) {
                assertThat(restarted.get("/api/v1/catalogs/default/products/" + id).statusCode()).as(id).isEqualTo(200);
            }
        } finally {
            restarted.kill();
        }
    }

    @Test
    void every_acknowledged_write_of_a_stream_in_flight_survives_kill_minus_9_of_the_service() throws Exception {
        var service = start(data);
        var acknowledged = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        var writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; ; i++) {
                    var id = "stream-" + writer + "-" + i;
                    try {
                        if (put(service, id).statusCode() == 200) {
                            acknowledged.add(id);
                        }
                    } catch (IOException e) {
                        return null; // the service died under this write: it was never acknowledged
                    }
                }
            });
        }
        // Writes of four clients in flight: kill once enough are acknowledged (a cold JVM on a busy machine is slow).
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() <= 20 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        service.kill();
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        var restarted = start(data);
        try {
            System.out.printf("kill -9 during a stream of writes: %d acknowledged before the kill%n", acknowledged.size());
            assertThat(acknowledged).hasSizeGreaterThan(20);
            var stored = Json.MAPPER.readTree(restarted.get("/api/v1/catalogs/default/products").body()).path("products");
            var ids = new java.util.HashSet<String>();
            stored.forEach(product -> ids.add(product.path("id").asText()));
            assertThat(ids).containsAll(acknowledged);
        } finally {
            restarted.kill();
        }
    }

    @Test
    void an_import_killed_midway_is_not_visible_at_all_and_the_catalog_takes_changes_again() throws Exception {
        var service = start(data);
        long before = version(service);
        var products = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            products.append(i == 0 ? "" : ",").append(product("bulk-" + i));
        }
        var pending = CLIENT.sendAsync(service.request("/api/v1/catalogs/default/products:import")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(products.append("]").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(700); // the body is read and validated; the store is being written
        service.kill();
        assertThat(pending.isDone() && !pending.isCompletedExceptionally())
                .as("the import finished before the kill; the test needs a bigger one").isFalse();

        var restarted = start(data);
        try {
            assertThat(version(restarted)).isEqualTo(before);
            assertThat(restarted.get("/api/v1/catalogs/default/products/bulk-0").statusCode()).isEqualTo(404);
            assertThat(restarted.get("/api/v1/catalogs/default/products/bulk-4999").statusCode()).isEqualTo(404);
            // The dead writer's lease (10 s) expires; then the next change repairs what it left and goes through.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int status;
            do {
                status = put(restarted, "after-crash").statusCode();
            } while (status == 503 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(200);
            assertThat(version(restarted)).isEqualTo(before + 1);
            assertThat(restarted.get("/api/v1/catalogs/default/products/bulk-0").statusCode()).isEqualTo(404);
        } finally {
            restarted.kill();
        }
    }

    private static long version(ChildService service) throws IOException {
        return Json.MAPPER.readTree(service.get("/api/v1/catalogs/default/products").body()).at("/catalog/version").asLong();
    }

    private static String product(String id) {
        return "{\"id\": \"" + id + "\", \"name\": \"Crash test " + id + "\", \"kind\": \"gel\", \"serving\": \"40 g\","
                + " \"nutrients\": {\"energy\": \"100 kcal\", \"carbohydrate\": \"25 g\"}, \"source\": \"label: test\"}";
    }

    private static ChildService start(Path data) throws Exception {
        return ChildService.start(data, Map.of(), List.of());
    }

    private static HttpResponse<String> put(ChildService service, String id) throws IOException {
        return service.send(service.request("/api/v1/catalogs/default/products/" + id).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(product(id), StandardCharsets.UTF_8)).build());
    }
}

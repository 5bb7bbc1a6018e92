package nutriplan.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nutriplan.api.health.HealthRoutes;
import nutriplan.api.plans.PlanRoutes;
import nutriplan.api.plans.PlanService;
import nutriplan.catalog.json.Json;

/**
 * Issue 27: the first plan after a start is the plan a warm service gives. A fresh JVM runs {@code nutriplan serve}
 * with its default warm-up; {@code /ready} says 503 warming (with Retry-After) until the warm-up has ended, and then
 * the first answer to a 4-hour workout with a schedule equals the tenth in everything but {@code timeMs}. (Before:
 * the first came back FEASIBLE from Timefold after the whole 2 s, the next OPTIMAL from Choco.)
 */
class WarmUpHttpTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The request of the issue. */
    static final String WORKOUT = """
            {"workout": {"durationMin": 240, "bodyMass": "75 kg", "sweatRate": "1.5 L/h", "temperature": "32 °C",
                         "carbTolerance": "90 g/h"},
             "schedule": {}}
            """;

    @TempDir
    Path data;

    @Test
    void ready_says_warming_until_the_warm_up_ends_and_the_first_plan_is_the_tenth() throws Exception {
        var child = Child.start(data);
        try {
            // when: /ready from the start until it says ready
            var warming = new ArrayList<HttpResponse<String>>();
            HttpResponse<String> ready = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (ready == null && System.nanoTime() < deadline && child.process.isAlive()) {
                var response = child.getOrNull(HealthRoutes.READY);
                if (response != null && response.statusCode() == 200) {
                    ready = response;
                    // then: the warm-up had ended (the child logs it before /ready turns)
                    assertThat(Files.readString(child.log)).contains("warmed up in");
                } else if (response != null) {
                    warming.add(response); // (the warm-up may end, and log so, before this line: no check here)
                }
                Thread.sleep(20);
            }
            assertThat(ready).as("the service never got ready; its log: %s", child.log).isNotNull();
            assertThat(warming).as("/ready said 503 warming before it said ready").isNotEmpty();
            int plans = ServiceSettings.DEFAULT_WARM_UP_ROUNDS * WarmUp.REQUESTS.size();
            for (var response : warming) {
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                var body = json(response);
                assertThat(body.path("status").asText()).isEqualTo("warming");
                assertThat(body.path("detail").asText()).matches("warming up the engines: \\d+ of " + plans + " sample plans done");
                ContractCheck.check(response.request(), response); // as the OpenAPI document says
            }

            var answers = new ArrayList<JsonNode>();
            for (int i = 0; i < 10; i++) {
                var response = child.post(PlanRoutes.PLANS, WORKOUT);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                answers.add(json(response));
            }

            var first = answers.getFirst();
            assertThat(first.path("schedule").isMissingNode()).isFalse();
            assertThat(withoutTimes(first)).isEqualTo(withoutTimes(answers.getLast()));
        } finally {
            child.stop();
        }
    }

    /** Deterministically, in process: while a warm-up plan is under way, {@code /ready} is not ready. */
    @Test
    void ready_is_not_ready_while_a_warm_up_plan_is_under_way() throws InterruptedException {
        var planner = new BlockingPlanner(1);
        try (var service = TestService.start(TestService.settings().withWarmUpRounds(1), new PlanService(planner))) {
            planner.awaitStarted();

            var warming = service.get(HealthRoutes.READY);
            var health = service.get(HealthRoutes.HEALTH);

            assertThat(warming.statusCode()).isEqualTo(503);
            assertThat(warming.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(TestService.json(warming).path("status").asText()).isEqualTo("warming");
            assertThat(service.app().warmedUp()).isFalse();
            assertThat(health.statusCode()).isEqualTo(200); // alive all along

            planner.release();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (service.get(HealthRoutes.READY).statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(service.app().warmedUp()).isTrue();
            assertThat(service.get(HealthRoutes.READY).body()).isEqualTo("{\"status\":\"ready\",\"store\":\"up\"}");
            assertThat(planner.calls()).isGreaterThanOrEqualTo(WarmUp.REQUESTS.size());
        }
    }

    /** The answer without its {@code timeMs} fields, wherever they are. */
    private static JsonNode withoutTimes(JsonNode node) {
        var copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("timeMs");
            object.forEach(WarmUpHttpTest::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(WarmUpHttpTest::strip);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    /** {@code nutriplan serve} in a fresh JVM on a free port, over a fresh embedded store, with the default warm-up. */
    private record Child(Process process, int port, Path log) {

        static Child start(Path data) throws IOException {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var log = data.resolve("service.log");
            // The tests' logging says warnings only; the warm-up's line is what tells when it ended.
            var builder = new ProcessBuilder(List.of(java, "-XX:+UseParallelGC",
                    "-Dorg.slf4j.simpleLogger.log." + WarmUp.class.getName() + "=info",
                    "-cp", System.getProperty("java.class.path"), "nutriplan.api.cli.Main", "serve"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("HOST", "127.0.0.1");
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("NUTRIPLAN_DATA_DIR", data.resolve("store").toString());
            builder.environment().put("CATALOG_DIR", TestService.CATALOG_DIRECTORY.toAbsolutePath().toString());
            builder.environment().remove("MONGODB_URI");
            builder.environment().remove("WARM_UP_ROUNDS");
            return new Child(builder.start(), port, log);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        }

        /** The answer, or null while the service is not listening yet. */
        HttpResponse<String> getOrNull(String path) throws InterruptedException {
            try {
                return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return null;
            }
        }

        HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
            return CLIENT.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** SIGTERM, as a deployment stops it. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

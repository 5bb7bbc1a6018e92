package nutriplan.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import nutriplan.api.access.keys.ApiKey;
import nutriplan.api.plans.PlanService;
import nutriplan.api.service.TestService;

/**
 * Guessing keys: the 11th failed authentication within a minute from one address gets 429 with Retry-After, while a
 * valid key from another address (127.0.0.2, also the loopback) still plans; a minute later, on the test's clock, the
 * address may try again.
 */
class BruteForceHttpTest {

    private static final String PLAN = "{\"targets\": {\"carbohydrate\": {\"min\": \"60 g\"}}}";

    @Test
    void the_eleventh_failure_in_a_minute_is_refused_while_other_addresses_are_not() throws Exception {
        var clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
        try (var service = TestService.start(TestService.settings(), new PlanService(), clock)) {
            var guesser = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.1")).build();
            var other = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
            for (int attempt = 1; attempt <= 10; attempt++) {
                assertThat(plan(guesser, service, ApiKey.generate().text()).statusCode()).as("attempt " + attempt).isEqualTo(401);
            }

            var eleventh = plan(guesser, service, ApiKey.generate().text());
            assertThat(eleventh.statusCode()).isEqualTo(429);
            assertThat(TestService.json(eleventh).get("error").asText()).isEqualTo("rate_limited");
            assertThat(eleventh.headers().firstValue("Retry-After").map(Integer::parseInt)).hasValueSatisfying(
                    seconds -> assertThat(seconds).isBetween(1, 61));
            // The right key from the limited address waits too: the limit is on the address, not the guess.
            assertThat(plan(guesser, service, TestService.ADMIN_KEY).statusCode()).isEqualTo(429);
            assertThat(plan(other, service, TestService.ADMIN_KEY).statusCode()).isEqualTo(200);
            assertThat(service.get("/health").statusCode()).isEqualTo(200);

            clock.advance(Duration.ofSeconds(61));
            assertThat(plan(guesser, service, TestService.ADMIN_KEY).statusCode()).isEqualTo(200);
            assertThat(plan(guesser, service, ApiKey.generate().text()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void requests_without_a_credential_are_not_failures() throws Exception {
        var clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
        try (var service = TestService.start(TestService.settings(), new PlanService(), clock)) {
            for (int attempt = 1; attempt <= 15; attempt++) {
                var anonymous = service.send(service.anonymous("/api/v1/keys").GET().build());
                assertThat(anonymous.statusCode()).isEqualTo(401);
            }
            assertThat(service.get("/api/v1/keys").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> plan(HttpClient client, TestService service, String key)
            throws IOException, InterruptedException {
        var request = service.as(key, "/api/v1/plans").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PLAN)).build();
        return TestService.checked(request, client.send(request, HttpResponse.BodyHandlers.ofString()));
    }
}

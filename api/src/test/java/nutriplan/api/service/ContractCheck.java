package nutriplan.api.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import nutriplan.api.docs.OpenApiDocument;

/**
 * Every exchange of the HTTP tests, checked against the service's own OpenAPI document (Atlassian's
 * swagger-request-validator): the response must be what the document promises for its route and status (body schema,
 * declared headers), and a request the service accepted (2xx, 422) must be one the document accepts. Exchanges outside
 * the document (the web form's files, unknown routes, a method a route does not have) and compressed bodies are not
 * checked; a 405 must still name the route's methods in Allow. The counts are written to
 * {@code target/contract-checks.txt} when the test JVM ends.
 */
public final class ContractCheck {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(OpenApiDocument.load())
            // Header names are case-insensitive over HTTP; extra response headers (security ones) are fine.
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    private static final AtomicInteger RESPONSES = new AtomicInteger();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final Path COUNTS = Path.of("target", "contract-checks.txt");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ContractCheck::writeCounts));
    }

    private ContractCheck() {
    }

    /** Checks one exchange; an AssertionError names the route, the status and every mismatch. */
    public static void check(HttpRequest request, HttpResponse<String> response) {
        if (isCompressed(request.headers().firstValue("Content-Encoding"), response)) {
            return;
        }
        var validatorRequest = request(request);
        var status = response.statusCode();
        if (status == 405) {
            if (response.headers().firstValue("Allow").isEmpty()) {
                throw new AssertionError("405 without Allow for " + request.method() + " " + request.uri().getPath());
            }
            return;
        }
        var route = request.method() + " " + request.uri().getPath() + " → " + status;
        var responseReport = VALIDATOR.validateResponse(request.uri().getPath(), validatorRequest.getMethod(), response(response));
        if (outsideTheDocument(responseReport)) {
            return;
        }
        fail(route + ": the response does not match the document", responseReport, response.body());
        RESPONSES.incrementAndGet();
        if (status / 100 == 2 || status == 422) {
            var requestReport = VALIDATOR.validateRequest(validatorRequest);
            fail(route + ": the service accepted a request the document refuses", requestReport, body(request));
            REQUESTS.incrementAndGet();
        }
    }

    /** The counts so far: {@code [responses, requests]}. */
    public static int[] counts() {
        return new int[] {RESPONSES.get(), REQUESTS.get()};
    }

    private static boolean isCompressed(java.util.Optional<String> requestEncoding, HttpResponse<String> response) {
        return requestEncoding.isPresent() || response.headers().firstValue("Content-Encoding").isPresent();
    }

    private static boolean outsideTheDocument(ValidationReport report) {
        return report.getMessages().stream().anyMatch(message -> message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed"));
    }

    private static void fail(String what, ValidationReport report, String body) {
        if (report.hasErrors()) {
            var messages = new ArrayList<String>();
            report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(message -> messages.add(message.getKey() + ": " + message.getMessage()));
            throw new AssertionError(what + ":\n  " + String.join("\n  ", messages) + "\nbody: "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
        }
    }

    private static Request request(HttpRequest request) {
        var uri = request.uri();
        var builder = new SimpleRequest.Builder(request.method(), uri.getPath());
        request.headers().map().forEach(builder::withHeader);
        query(uri.getRawQuery()).forEach(builder::withQueryParam);
        var body = body(request);
        if (!body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static SimpleResponse response(HttpResponse<String> response) {
        var builder = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach(builder::withHeader);
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    private static Map<String, List<String>> query(String raw) {
        var parameters = new LinkedHashMap<String, List<String>>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (var pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** The request's body as text: a body publisher can be read again (the client did once). */
    private static String body(HttpRequest request) {
        var publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return "";
        }
        var bytes = new java.io.ByteArrayOutputStream();
        var done = new CompletableFuture<Void>();
        publisher.get().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                var chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.join();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void writeCounts() {
        try {
            Files.createDirectories(COUNTS.getParent());
            // Appended: the fuzzing runs of the verify phase are JVMs of their own.
            Files.writeString(COUNTS, "responses checked: " + RESPONSES.get() + ", requests checked: " + REQUESTS.get() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

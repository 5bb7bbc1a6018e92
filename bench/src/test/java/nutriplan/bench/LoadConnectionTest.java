package nutriplan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The benchmark's client against the JDK's HTTP server: every way an answer's end is marked, over one connection. */
class LoadConnectionTest {

    private HttpServer server;
    private InetSocketAddress address;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/length", exchange -> {
            var body = exchange.getRequestBody().readAllBytes(); // echoed: the request body arrived whole
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(503, 0); // 0: chunked
            for (int i = 0; i < 50; i++) {
                exchange.getResponseBody().write("a chunk of the answer\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
            }
            exchange.close();
        });
        server.createContext("/close", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        address = server.getAddress();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void reads_answers_of_every_framing_in_a_row_on_one_keep_alive_connection() throws IOException {
        var post = LoadConnection.postJson(address, "/length", "{\"planned\":true}".getBytes(StandardCharsets.UTF_8));
        var chunked = LoadConnection.get(address, "/chunked");
        try (var connection = new LoadConnection(address)) {
            for (int round = 0; round < 3; round++) {
                assertThat(connection.exchange(post)).isEqualTo(201);
                assertThat(connection.exchange(chunked)).isEqualTo(503);
            }
        }
    }

    @Test
    void reconnects_after_the_server_closes_the_connection() throws IOException {
        try (var connection = new LoadConnection(address)) {
            for (int round = 0; round < 3; round++) {
                assertThat(connection.exchange(LoadConnection.get(address, "/close"))).isEqualTo(200);
            }
        }
    }

    @Test
    void an_answer_cut_short_is_an_io_exception_and_the_next_request_reconnects() throws IOException {
        try (var half = new ServerSocket(0, 50, address.getAddress())) {
            var cutShort = new InetSocketAddress(address.getAddress(), half.getLocalPort());
            var acceptor = Thread.ofPlatform().start(() -> {
                while (!half.isClosed()) {
                    try (var socket = half.accept()) {
                        connections.incrementAndGet();
                        socket.getInputStream().read(new byte[4096]);
                        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            try (var connection = new LoadConnection(cutShort)) {
                var request = LoadConnection.get(cutShort, "/");
                assertThatThrownBy(() -> connection.exchange(request)).isInstanceOf(IOException.class);
                assertThatThrownBy(() -> connection.exchange(request)).isInstanceOf(IOException.class);
            }
            half.close();
            acceptor.interrupt();
            assertThat(connections).hasValue(2);
        }
    }
}

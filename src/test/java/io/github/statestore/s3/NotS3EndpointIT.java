package io.github.statestore.s3;

import static io.github.statestore.contract.ConditionalWritesContract.counter;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StorageException;
import io.github.statestore.StoreUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11: an endpoint that is not an S3 API. A web server that answers every request 200 makes the first
 * call fail, naming the endpoint, instead of letting {@code set} "succeed" with nothing stored; an endpoint
 * that accepts connections and never answers fails within {@code requestTimeout}, all attempts together.
 */
class NotS3EndpointIT {
    private static final Scope SCOPE = Scope.of("app");

    static Stream<Consumer<StateStore>> calls() {
        return Stream.of(s -> s.set("k", counter(1)), s -> s.list(), s -> s.get("k"), s -> s.create("k", counter(1)),
                StateStore::init);
    }

    @ParameterizedTest
    @MethodSource("calls")
    void aServerThatAnswersEverything200IsNamedAsNotS3(Consumer<StateStore> call) throws IOException {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html><body>It works!</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!"HEAD".equals(exchange.getRequestMethod())) {
                    out.write(page);
                }
            }
        });
        web.start();
        URI endpoint = URI.create("http://127.0.0.1:" + web.getAddress().getPort());
        try (StateStore store = S3Server.config("some-bucket").endpoint(endpoint).build().open(SCOPE)) {
            StorageException e = assertThrows(StorageException.class, () -> call.accept(store));
            assertTrue(e.getMessage().contains("endpoint " + endpoint + " does not behave like an S3 API"),
                    e.getMessage());
        } finally {
            web.stop(0);
        }
    }

    @Test
    void anEndpointThatNeverAnswersFailsWithinTheRequestTimeout() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            try (StateStore store = S3Server.config("some-bucket").endpoint(endpoint)
                    .attemptTimeout(Duration.ofMillis(200)).requestTimeout(Duration.ofSeconds(1)).build()
                    .open(SCOPE)) {
                StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.list());
                assertTrue(e.getAttempts() <= 5, "the 1 s deadline, not the default 6 attempts, ended the call: 6"
                        + " attempts of 200 ms do not fit in it; made " + e.getAttempts());
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        assertFalse(held.isEmpty(), "the store never connected");
    }
}

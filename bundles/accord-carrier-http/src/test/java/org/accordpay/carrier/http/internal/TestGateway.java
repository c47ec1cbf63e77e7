package org.accordpay.carrier.http.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A local HTTP SMS gateway: records each request and answers with the status and body set by the test. */
final class TestGateway implements AutoCloseable {

    /** One request the gateway received. */
    record Received(String method, String path, String contentType, String authorization, String body) {
    }

    final BlockingQueue<Received> requests = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "{\"id\":\"gw-1\",\"status\":\"queued\"}";
    private volatile long delayMillis;

    TestGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    void delay(long millis) {
        this.delayMillis = millis;
    }

    Received next() throws InterruptedException {
        Received r = requests.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the gateway got no request within 5 s");
        }
        return r;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

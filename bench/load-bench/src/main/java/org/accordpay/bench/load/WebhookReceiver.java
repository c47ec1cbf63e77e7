package org.accordpay.bench.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The merchant's webhook endpoint (plain HTTP on loopback, allowed in test mode): records when each
 * {@code purchase.*} event arrived and wakes the virtual merchant waiting for it. Signatures are not
 * verified (the bench measures Accord, not the receiver); duplicates (at-least-once) are counted.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, PurchaseTrace> traces = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    /** Sum and count of (arrival - event's "at") in microseconds, per event type. */
    private final Map<String, Latencies> lag = new ConcurrentHashMap<>();

    WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/hooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long arrived = System.nanoTime();
            Instant wall = Instant.now();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            String json = new String(body, StandardCharsets.UTF_8);
            String type = MerchantClient.field(json, "type");
            String purchase = MerchantClient.field(json, "purchase_id");
            String at = MerchantClient.field(json, "at");
            received.incrementAndGet();
            if (type == null || purchase == null) {
                return;
            }
            if (at != null) {
                try {
                    long micros = java.time.Duration.between(Instant.parse(at), wall).toNanos() / 1000;
                    lag.computeIfAbsent(type, t -> new Latencies()).add(micros);
                } catch (RuntimeException ignored) {
                    // not an instant: no lag sample
                }
            }
            if (!trace(purchase).event(type, arrived)) {
                duplicates.incrementAndGet();
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    PurchaseTrace trace(String purchaseId) {
        return traces.computeIfAbsent(purchaseId, PurchaseTrace::new);
    }

    void forget(String purchaseId) {
        traces.remove(purchaseId);
    }

    long received() {
        return received.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** @return lag samples (µs from the event's own timestamp to its arrival) per type, reset */
    Map<String, Latencies> drainLag() {
        Map<String, Latencies> copy = Map.copyOf(lag);
        lag.clear();
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.accordpay.webhooks.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.dto.PurchaseRecord;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.webhook.WebhookException;
import org.accordpay.api.webhook.dto.WebhookEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each endpoint's events in order, at least once: the endpoint's cursor moves past an
 * event only after a 2xx answer (or, after {@code giveUp} of failures, with the event recorded as
 * given up in the audit trail). A failing endpoint is retried with back-off that grows with the
 * time it has been failing (1 s up to 1 h), so an outage of days is retried for days. Redirects
 * are not followed.
 */
final class WebhookDeliverer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final int EVENTS_PER_PASS = 20;

    private final AccordStore store;
    private final AccordClock clock;
    private final WebhookSigner signer;
    private final Duration giveUp;
    private final Duration timeout;
    private final long pollMillis;
    private final HttpClient http;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;

    WebhookDeliverer(AccordStore store, AccordClock clock, WebhookSigner signer, Duration giveUp, Duration timeout,
            long pollMillis) {
        this.store = store;
        this.clock = clock;
        this.signer = signer;
        this.giveUp = giveUp;
        this.timeout = timeout;
        this.pollMillis = pollMillis;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    void stop() {
        running = false;
        wake.release();
    }

    @Override
    public void run() {
        while (running) {
            try {
                deliverDue();
                wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Webhook pass failed: {}", e.toString());
            }
        }
    }

    /** One pass over the due endpoints. @return how many events were delivered */
    int deliverDue() {
        int delivered = 0;
        for (WebhookEndpoint endpoint : store.transact(tx -> tx.webhooks().due(clock.now(), 50))) {
            delivered += deliverFor(endpoint);
        }
        return delivered;
    }

    private int deliverFor(WebhookEndpoint endpoint) {
        List<MerchantEvent> events = store.transact(tx -> tx.merchantEvents().list(endpoint.merchantId(),
                endpoint.deliveredUpTo(), EVENTS_PER_PASS));
        int delivered = 0;
        Instant failingSince = endpoint.failingSince();
        for (MerchantEvent event : events) {
            if (!running) {
                break;
            }
            if (modeOf(event) != endpoint.mode()) {
                advance(endpoint, event.seq());
                continue;
            }
            Optional<String> failure = post(endpoint, event);
            if (failure.isEmpty()) {
                advance(endpoint, event.seq());
                failingSince = null;
                delivered++;
                continue;
            }
            Instant now = clock.now();
            Instant since = failingSince == null ? now : failingSince;
            if (Duration.between(since, now).compareTo(giveUp) >= 0) {
                LOG.warn("Webhook {}: gave up on event {} after {} of failures: {}", endpoint.id(), event.eventId(),
                        giveUp, failure.get());
                store.transact(tx -> {
                    tx.audit().append("webhook.gave-up", event.purchaseId(), ("webhook.gave-up|" + endpoint.id() + "|"
                            + event.eventId() + "|" + failure.get()).getBytes(StandardCharsets.UTF_8));
                    tx.webhooks().advance(endpoint.id(), event.seq());
                    return null;
                });
                failingSince = null;
                continue;
            }
            Duration elapsed = Duration.between(since, now);
            long backoffMillis = Math.min(Duration.ofHours(1).toMillis(), Math.max(1000, elapsed.toMillis() / 2));
            store.transact(tx -> {
                tx.webhooks().failed(endpoint.id(), now, failure.get(), now.plusMillis(backoffMillis));
                return null;
            });
            break;
        }
        return delivered;
    }

    private Optional<String> post(WebhookEndpoint endpoint, MerchantEvent event) {
        URI target;
        try {
            target = TargetPolicy.check(endpoint.url(), endpoint.mode());
        } catch (WebhookException e) {
            return Optional.of(e.getMessage());
        }
        long t = clock.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accord-Event-Id", event.eventId())
                .header("Accord-Event-Type", event.type())
                .header("Accord-Key-Id", signer.keyId())
                .header("Accord-Signature", signer.signature(t, event.json()))
                .POST(HttpRequest.BodyPublishers.ofString(event.json(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private Mode modeOf(MerchantEvent event) {
        return store.transact(tx -> tx.purchases().find(event.purchaseId())).map(PurchaseRecord::mode)
                .orElse(Mode.LIVE);
    }

    private void advance(WebhookEndpoint endpoint, long seq) {
        store.transact(tx -> {
            tx.webhooks().advance(endpoint.id(), seq);
            return null;
        });
    }
}

package org.accordpay.webhooks.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Events read per endpoint and pass; a full page is followed by the next pass at once. */
    private static final int EVENTS_PER_PASS = 100;
    /** A purchase's mode never changes: remembered for the purchases seen last. */
    private static final int MODE_CACHE = 10_000;

    private final AccordStore store;
    private final AccordClock clock;
    private final WebhookSigner signer;
    private final Duration giveUp;
    private final Duration timeout;
    private final long pollMillis;
    private final HttpClient http;
    private final Semaphore wake = new Semaphore(0);
    private final Map<String, Mode> modeCache = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Mode> eldest) {
                    return size() > MODE_CACHE;
                }
            });
    private volatile boolean running = true;
    /** Set by a pass that read a full page for some endpoint: the next pass follows at once. */
    private boolean pageFull;

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
                if (!pageFull) {
                    wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
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
        pageFull = false;
        int delivered = 0;
        for (WebhookEndpoint endpoint : store.transact(tx -> tx.webhooks().due(clock.now(), 50))) {
            delivered += deliverFor(endpoint);
        }
        return delivered;
    }

    /**
     * Posts the endpoint's next events in order and moves its cursor once for the pass (at least once:
     * a crash before that commit posts them again, with the same event ids).
     */
    private int deliverFor(WebhookEndpoint endpoint) {
        List<MerchantEvent> events = store.transact(tx -> tx.merchantEvents().list(endpoint.merchantId(),
                endpoint.deliveredUpTo(), EVENTS_PER_PASS));
        pageFull |= events.size() >= EVENTS_PER_PASS;
        Map<String, Mode> modes = modesOf(events);
        int delivered = 0;
        long upTo = endpoint.deliveredUpTo();
        Instant failingSince = endpoint.failingSince();
        try {
            for (MerchantEvent event : events) {
                if (!running) {
                    break;
                }
                if (modes.get(event.purchaseId()) != endpoint.mode()) {
                    upTo = event.seq();
                    continue;
                }
                Optional<String> failure = post(endpoint, event);
                if (failure.isEmpty()) {
                    upTo = event.seq();
                    failingSince = null;
                    delivered++;
                    continue;
                }
                Instant now = clock.now();
                Instant since = failingSince == null ? now : failingSince;
                if (Duration.between(since, now).compareTo(giveUp) >= 0) {
                    LOG.warn("Webhook {}: gave up on event {} after {} of failures: {}", endpoint.id(),
                            event.eventId(), giveUp, failure.get());
                    store.transact(tx -> {
                        tx.audit().append("webhook.gave-up", event.purchaseId(), ("webhook.gave-up|" + endpoint.id()
                                + "|" + event.eventId() + "|" + failure.get()).getBytes(StandardCharsets.UTF_8));
                        tx.webhooks().advance(endpoint.id(), event.seq());
                        return null;
                    });
                    upTo = event.seq();
                    failingSince = null;
                    continue;
                }
                Duration elapsed = Duration.between(since, now);
                long backoffMillis = Math.min(Duration.ofHours(1).toMillis(), Math.max(1000, elapsed.toMillis() / 2));
                long reached = upTo;
                store.transact(tx -> {
                    if (reached > endpoint.deliveredUpTo()) {
                        tx.webhooks().advance(endpoint.id(), reached);
                    }
                    tx.webhooks().failed(endpoint.id(), now, failure.get(), now.plusMillis(backoffMillis));
                    return null;
                });
                upTo = endpoint.deliveredUpTo(); // recorded with the failure
                break;
            }
        } finally {
            if (upTo > endpoint.deliveredUpTo()) {
                advance(endpoint, upTo);
            }
        }
        return delivered;
    }

    /** The mode of each event's purchase: from the cache, the others read in one transaction. */
    private Map<String, Mode> modesOf(List<MerchantEvent> events) {
        Map<String, Mode> modes = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (MerchantEvent e : events) {
            Mode known = modeCache.get(e.purchaseId());
            if (known != null) {
                modes.put(e.purchaseId(), known);
            } else if (!modes.containsKey(e.purchaseId()) && !unknown.contains(e.purchaseId())) {
                unknown.add(e.purchaseId());
            }
        }
        if (!unknown.isEmpty()) {
            store.transact(tx -> {
                for (String id : unknown) {
                    Mode mode = tx.purchases().find(id).map(PurchaseRecord::mode).orElse(Mode.LIVE);
                    modes.put(id, mode);
                    modeCache.put(id, mode);
                }
                return null;
            });
        }
        return modes;
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

    private void advance(WebhookEndpoint endpoint, long seq) {
        store.transact(tx -> {
            tx.webhooks().advance(endpoint.id(), seq);
            return null;
        });
    }
}

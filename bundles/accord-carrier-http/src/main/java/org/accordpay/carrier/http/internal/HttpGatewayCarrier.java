package org.accordpay.carrier.http.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each message as one POST to the gateway (body: {@link SubmitBody}). A 2xx answer is an acceptance;
 * its JSON field {@code id} (or {@code message_id}), when present, is remembered for reports. 429, 5xx,
 * timeouts and connection errors are retryable, any other answer is a refusal. After a number of
 * consecutive connection failures the connection reports itself unavailable until the probe delay has
 * passed, when one send may try again; any answer from the gateway makes it available at once.
 */
final class HttpGatewayCarrier implements CarrierConnector {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGatewayCarrier.class);

    private final GatewaySettings settings;
    private final Supplier<Instant> clock;
    private final SentMessages sent;
    private final HttpClient client;
    private final Semaphore inFlight;
    private final String authorization;
    private int consecutiveFailures;
    private Instant lastFailure = Instant.MIN;

    HttpGatewayCarrier(GatewaySettings settings, Supplier<Instant> clock, SentMessages sent) {
        this.settings = settings;
        this.clock = clock;
        this.sent = sent;
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.authorization = switch (settings.auth()) {
            case BEARER -> "Bearer " + settings.token();
            case BASIC -> "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
            case NONE -> null;
        };
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String id() {
        return settings.id();
    }

    /** @return false after the configured number of consecutive connection failures, until the probe delay passed */
    @Override
    public synchronized boolean isAvailable() {
        return consecutiveFailures < settings.failuresBeforeUnavailable()
                || !clock.get().isBefore(lastFailure.plus(settings.probeAfter()));
    }

    /**
     * POSTs the message to the gateway.
     *
     * @throws CarrierException retryable for 429, 5xx, timeouts, connection errors and a full window;
     *                          not retryable for any other answer but 2xx
     */
    @Override
    public void send(OutboundSms message) throws CarrierException {
        SubmitBody body = SubmitBody.of(message, settings.sender(), settings.format());
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", body.contentType()).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.body(), StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = exchange(request.build());
        int status = response.statusCode();
        if (status / 100 == 2) {
            String gatewayId = gatewayId(response.body());
            if (gatewayId != null) {
                sent.accepted(gatewayId, message.messageId());
            }
            LOG.debug("carrier {}: {} accepted as {}", settings.id(), message.messageId(), gatewayId);
            return;
        }
        boolean retryable = status == 429 || status >= 500;
        throw new CarrierException("carrier " + settings.id() + ": the gateway answered " + status + " to "
                + message.messageId() + ": " + excerpt(response.body()), retryable);
    }

    private HttpResponse<String> exchange(HttpRequest request) throws CarrierException {
        try {
            if (!inFlight.tryAcquire(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CarrierException("carrier " + settings.id() + ": " + settings.maxInFlight()
                        + " requests already wait for the gateway", true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException("carrier " + settings.id() + ": interrupted", true);
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            reached();
            return response;
        } catch (HttpTimeoutException e) {
            failed();
            throw new CarrierException("carrier " + settings.id() + ": no answer from the gateway within "
                    + settings.timeout().toMillis() + " ms", true);
        } catch (IOException e) {
            failed();
            throw new CarrierException("carrier " + settings.id() + ": gateway unreachable: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException("carrier " + settings.id() + ": interrupted", true);
        } finally {
            inFlight.release();
        }
    }

    private synchronized void reached() {
        if (consecutiveFailures >= settings.failuresBeforeUnavailable()) {
            LOG.info("carrier {}: gateway reachable again", settings.id());
        }
        consecutiveFailures = 0;
    }

    private synchronized void failed() {
        consecutiveFailures++;
        lastFailure = clock.get();
        if (consecutiveFailures == settings.failuresBeforeUnavailable()) {
            LOG.warn("carrier {}: {} connection failures in a row, unavailable for {} ms", settings.id(),
                    consecutiveFailures, settings.probeAfter().toMillis());
        }
    }

    /** @return the gateway's message id from a JSON answer, or null */
    static String gatewayId(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            Map<String, String> fields = JsonFields.parse(body);
            String id = fields.getOrDefault("id", fields.get("message_id"));
            return id == null || id.isBlank() ? null : id;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String s = body.replaceAll("\\p{Cntrl}", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}

package org.accordpay.carrier.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.carrier.http.internal.GatewaySettings.Auth;
import org.accordpay.carrier.http.internal.GatewaySettings.Format;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpGatewayCarrierTest {

    private static final byte[] CHALLENGE = {0, 1, 2, (byte) 0xfe, (byte) 0xff, 42};
    private static final OutboundSms MESSAGE = new OutboundSms("msg-1", "+33612345678", "Approve 25.00 EUR? é",
            CHALLENGE, 16707);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    private final SentMessages sent = new SentMessages(100);
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = new TestGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private HttpGatewayCarrier carrier(GatewaySettings settings) {
        return new HttpGatewayCarrier(settings, now::get, sent);
    }

    @Test
    void aJsonRequestCarriesEveryFieldAndTheBearerToken() throws Exception {
        carrier(Settings.of(gateway.url(), Format.JSON, Auth.BEARER)).send(MESSAGE);

        TestGateway.Received r = gateway.next();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.authorization()).isEqualTo("Bearer gw-token");
        Map<String, String> fields = JsonFields.parse(r.body());
        assertThat(fields).containsExactly(Map.entry("to", "+33612345678"), Map.entry("from", "Accord"),
                Map.entry("text", "Approve 25.00 EUR? é"), Map.entry("binary", "AAEC/v8q"),
                Map.entry("port", "16707"), Map.entry("reference", "msg-1"));
        assertThat(Base64.getDecoder().decode(fields.get("binary"))).isEqualTo(CHALLENGE);
        assertThat(r.body()).contains("\"port\":16707");
    }

    @Test
    void aFormRequestCarriesEveryFieldAndBasicCredentials() throws Exception {
        carrier(Settings.of(gateway.url(), Format.FORM, Auth.BASIC)).send(MESSAGE);

        TestGateway.Received r = gateway.next();
        assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("accord:s3cret:pw".getBytes(StandardCharsets.UTF_8)));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : r.body().split("&")) {
            String[] nv = pair.split("=", 2);
            fields.put(nv[0], URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
        }
        assertThat(fields).containsExactly(Map.entry("to", "+33612345678"), Map.entry("from", "Accord"),
                Map.entry("text", "Approve 25.00 EUR? é"), Map.entry("binary", "AAEC/v8q"),
                Map.entry("port", "16707"), Map.entry("reference", "msg-1"));
    }

    @Test
    void aTextOnlyMessageWithoutCredentialsHasNoBinaryPartNorAuthorization() throws Exception {
        carrier(Settings.of(gateway.url(), Format.JSON, Auth.NONE)).send(new OutboundSms("msg-2", "+33611111111",
                "Paid", null, 0));

        TestGateway.Received r = gateway.next();
        assertThat(r.authorization()).isNull();
        assertThat(JsonFields.parse(r.body())).containsOnlyKeys("to", "from", "text", "reference");
    }

    @Test
    void theGatewaysIdOfAnAcceptedMessageIsRememberedForReports() throws Exception {
        HttpGatewayCarrier carrier = carrier(Settings.of(gateway.url(), Format.JSON, Auth.BEARER));
        gateway.answer(202, "{\"message_id\":\"gw-77\",\"parts\":[1,2]}");
        carrier.send(MESSAGE);
        gateway.answer(200, "OK");
        carrier.send(new OutboundSms("msg-3", "+33611111111", "x", null, 0));

        assertThat(sent.messageId("gw-77")).isEqualTo("msg-1");
        assertThat(sent.size()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"429, true", "500, true", "503, true", "400, false", "401, false", "404, false", "422, false",
            "302, false"})
    void aRefusalIsRetryableOnlyForThrottlingAndServerErrors(int status, boolean retryable) {
        gateway.answer(status, "{\"error\":\"no\"}");
        HttpGatewayCarrier carrier = carrier(Settings.of(gateway.url(), Format.JSON, Auth.BEARER));

        CarrierException e = catchThrowableOfType(CarrierException.class, () -> carrier.send(MESSAGE));

        assertThat(e).hasMessageContaining(String.valueOf(status));
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(carrier.isAvailable()).isTrue();
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeIsARetryableFailure() {
        gateway.delay(1500);
        HttpGatewayCarrier carrier = carrier(Settings.of(gateway.url(), Format.JSON, Auth.BEARER,
                Duration.ofMillis(300)));

        CarrierException e = catchThrowableOfType(CarrierException.class, () -> carrier.send(MESSAGE));

        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessageContaining("no answer");
    }

    @Test
    void consecutiveConnectionFailuresMakeTheCarrierUnavailableUntilTheProbeDelayOrASuccess() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpGatewayCarrier refused = carrier(Settings.of(URI.create("http://127.0.0.1:" + closedPort + "/sms"),
                Format.JSON, Auth.BEARER));

        for (int i = 0; i < 3; i++) {
            assertThat(refused.isAvailable()).isTrue();
            CarrierException e = catchThrowableOfType(CarrierException.class, () -> refused.send(MESSAGE));
            assertThat(e.retryable()).isTrue();
            assertThat(e).hasMessageContaining("unreachable");
        }
        assertThat(refused.isAvailable()).isFalse();
        now.set(now.get().plusSeconds(29));
        assertThat(refused.isAvailable()).isFalse();
        now.set(now.get().plusSeconds(1));
        assertThat(refused.isAvailable()).as("one send may probe").isTrue();
        catchThrowableOfType(CarrierException.class, () -> refused.send(MESSAGE));
        assertThat(refused.isAvailable()).as("the probe failed").isFalse();
    }

    @Test
    void anAnswerFromTheGatewayMakesItAvailableAgain() throws Exception {
        // timeouts leave room for a loaded machine: the answer after them must come within the timeout
        gateway.delay(2500);
        HttpGatewayCarrier carrier = carrier(Settings.of(gateway.url(), Format.JSON, Auth.BEARER,
                Duration.ofMillis(800)));
        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(CarrierException.class, () -> carrier.send(MESSAGE));
        }
        assertThat(carrier.isAvailable()).isFalse();

        gateway.delay(0);
        gateway.answer(500, "");
        catchThrowableOfType(CarrierException.class, () -> carrier.send(MESSAGE));

        assertThat(carrier.isAvailable()).isTrue();
    }
}

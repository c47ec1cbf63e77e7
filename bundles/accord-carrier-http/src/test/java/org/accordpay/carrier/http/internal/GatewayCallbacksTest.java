package org.accordpay.carrier.http.internal;

import org.accordpay.testkit.RecordingInbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.junit.jupiter.api.Test;

class GatewayCallbacksTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Map<String, List<String>> AUTHORIZED = Map.of("authorization", List.of("Bearer in-token"));
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final SentMessages sent = new SentMessages(100);
    private final InboundQueue queue = new InboundQueue("acme", 3);
    private final GatewayCallbacks callbacks = new GatewayCallbacks("acme", "in-token", sent, queue, () -> NOW);
    private final RecordingInbound inbound = new RecordingInbound();

    private String post(String kind, String contentType, String body) {
        return callbacks.handle(kind, AUTHORIZED, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJsonMessageFromAHandsetReachesAccordWithItsBinaryPart() {
        queue.bind(inbound);

        String answer = post("mo", JSON + "; charset=UTF-8",
                "{\"from\":\"33612345678\",\"text\":\"oui\",\"binary\":\"AAEC/v8q\",\"port\":16707,\"meta\":{\"x\":[1]}}");

        assertThat(answer).isEqualTo(GatewayCallbacks.ACCEPTED);
        assertThat(inbound.received).hasSize(1);
        InboundSms sms = inbound.received.peek();
        assertThat(sms.carrierId()).isEqualTo("acme");
        assertThat(sms.fromE164()).isEqualTo("+33612345678");
        assertThat(sms.text()).isEqualTo("oui");
        assertThat(sms.binary()).containsExactly(0, 1, 2, 0xfe, 0xff, 42);
        assertThat(sms.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void aFormMessageFromAHandsetReachesAccord() {
        queue.bind(inbound);

        post("mo", FORM, "from=%2B33612345678&text=Yes+%C3%A9");

        assertThat(inbound.received).singleElement().satisfies(sms -> {
            assertThat(sms.fromE164()).isEqualTo("+33612345678");
            assertThat(sms.text()).isEqualTo("Yes é");
            assertThat(sms.binary()).isNull();
        });
    }

    @Test
    void aReportNamingAccordsMessageIdIsPassedOn() {
        queue.bind(inbound);

        post("report", JSON, "{\"reference\":\"msg-1\",\"status\":\"DELIVERED\"}");
        post("report", FORM, "reference=msg-2&status=failed&detail=absent+subscriber");

        assertThat(inbound.reports).containsExactly(new DeliveryReport("acme", "msg-1", true, "delivered", NOW),
                new DeliveryReport("acme", "msg-2", false, "absent subscriber", NOW));
    }

    @Test
    void aReportNamingOnlyTheGatewaysIdIsMappedBackToAccordsMessage() {
        queue.bind(inbound);
        sent.accepted("gw-9", "msg-9");

        post("report", JSON, "{\"id\":\"gw-9\",\"status\":\"expired\"}");
        String unknown = post("report", JSON, "{\"id\":\"gw-unknown\",\"status\":\"delivered\"}");

        assertThat(inbound.reports).containsExactly(new DeliveryReport("acme", "msg-9", false, "expired", NOW));
        assertThat(unknown).isEqualTo(GatewayCallbacks.IGNORED);
    }

    @Test
    void aMissingOrWrongTokenIsRefused() {
        queue.bind(inbound);
        byte[] body = "{\"from\":\"+33612345678\",\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> callbacks.handle("mo", Map.of(), JSON, body)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> callbacks.handle("mo", Map.of("authorization", List.of("Bearer in-tokeN")), JSON,
                body)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> callbacks.handle("mo", Map.of("authorization", List.of("Basic in-token")), JSON,
                body)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> callbacks.handle("mo", Map.of("authorization", List.of("Bearer in-token",
                "Bearer other")), JSON, body)).isInstanceOf(SecurityException.class);
        assertThat(callbacks.handle("mo", Map.of("authorization", List.of("bearer in-token")), JSON, body))
                .isEqualTo(GatewayCallbacks.ACCEPTED);
        assertThat(inbound.received).hasSize(1);
    }

    @Test
    void withoutAnInboundTokenEveryCallbackIsRefused() {
        GatewayCallbacks closed = new GatewayCallbacks("acme", "", sent, queue, () -> NOW);

        assertThatThrownBy(() -> closed.handle("mo", Map.of("authorization", List.of("Bearer ")), JSON,
                "{}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(SecurityException.class);
    }

    @Test
    void aMalformedCallbackIsRefusedAndNothingReachesAccord() {
        queue.bind(inbound);

        for (String[] bad : new String[][] {
                {"mo", JSON, "{\"from\":\"+33612345678\",\"text\":"},
                {"mo", JSON, "[\"from\"]"},
                {"mo", JSON, "{\"text\":\"no sender\"}"},
                {"mo", JSON, "{\"from\":\"+33612345678\"}"},
                {"mo", JSON, "{\"from\":\"not a number\",\"text\":\"x\"}"},
                {"mo", JSON, "{\"from\":\"+33612345678\",\"binary\":\"***\"}"},
                {"mo", "text/plain", "from=+33612345678&text=x"},
                {"mo", FORM, "from=%ZZ&text=x"},
                {"report", JSON, "{\"reference\":\"msg-1\",\"status\":\"lost\"}"},
                {"report", JSON, "{\"status\":\"delivered\"}"},
                {"unsubscribe", JSON, "{}"}}) {
            assertThatThrownBy(() -> post(bad[0], bad[1], bad[2])).as(bad[2])
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(inbound.received).isEmpty();
        assertThat(inbound.reports).isEmpty();
    }

    @Test
    void eventsWaitUntilAccordIsBoundThenArriveInOrderAndTheQueueIsBounded() {
        post("mo", JSON, "{\"from\":\"+33600000001\",\"text\":\"1\"}");
        post("report", JSON, "{\"reference\":\"msg-2\",\"status\":\"delivered\"}");
        post("mo", JSON, "{\"from\":\"+33600000003\",\"text\":\"3\"}");
        post("mo", JSON, "{\"from\":\"+33600000004\",\"text\":\"4\"}");
        assertThat(queue.waiting()).isEqualTo(3);

        queue.bind(inbound);

        assertThat(queue.waiting()).isZero();
        assertThat(inbound.reports).extracting(DeliveryReport::messageId).containsExactly("msg-2");
        assertThat(inbound.received).extracting(InboundSms::text).containsExactly("3", "4");

        queue.unbind(inbound);
        post("mo", JSON, "{\"from\":\"+33600000005\",\"text\":\"5\"}");
        assertThat(inbound.received).hasSize(2);
        assertThat(queue.waiting()).isEqualTo(1);
    }
}

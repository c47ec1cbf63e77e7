package org.accordpay.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.store.dto.PurchaseRecord;
import org.accordpay.api.webhook.WebhookException;
import org.accordpay.api.webhook.dto.WebhookEndpoint;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.SigningKeyFile;
import org.accordpay.store.internal.JpaStore;
import org.accordpay.store.internal.StoreSettings;
import org.accordpay.testkit.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries against a real HTTP server and the real store: order, signatures, retries, refusals. */
class WebhookDelivererTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock();
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private JpaStore store;
    private HttpServer server;
    private SigningKeyFile key;
    private WebhookService service;
    private WebhookDeliverer deliverer;
    private String url;

    @BeforeEach
    void start() throws Exception {
        store = JpaStore.open(StoreSettings.of("jdbc:h2:" + dir.resolve("db"), "sa", "", 4, 1),
                JpaStore.class.getClassLoader(), clock.asClock());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            if (status == 200) {
                received.add(new String[] {exchange.getRequestHeaders().getFirst("Accord-Event-Id"),
                        exchange.getRequestHeaders().getFirst("Accord-Signature"),
                        new String(body, StandardCharsets.UTF_8)});
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        key = SigningKeyFile.of(Ed25519.generate());
        WebhookSigner signer = new WebhookSigner(key);
        deliverer = new WebhookDeliverer(store, clock, signer, Duration.ofHours(96), Duration.ofSeconds(5), 100);
        service = new WebhookService(store, clock, signer, () -> { });
    }

    @AfterEach
    void stop() {
        server.stop(0);
        store.close();
    }

    @Test
    void eventsArriveInOrderSignedAndOnlyOnce() throws Exception {
        service.register("m-1", url, Mode.TEST, 0, "it");
        purchase("p-1", "m-1", Mode.TEST);
        event("m-1", "p-1", "purchase.in_escrow");
        event("m-1", "p-1", "purchase.shipped");
        assertThat(deliverer.deliverDue()).isEqualTo(2);
        assertThat(deliverer.deliverDue()).isZero();
        assertThat(received).extracting(r -> r[2]).containsExactly("{\"type\":\"purchase.in_escrow\"}",
                "{\"type\":\"purchase.shipped\"}");
        String[] first = received.get(0);
        String t = first[1].substring(2, first[1].indexOf(','));
        byte[] signature = Base64.getDecoder().decode(first[1].substring(first[1].indexOf("v1=") + 3));
        assertThat(Ed25519.verify(key.publicKey(), (t + "." + first[2]).getBytes(StandardCharsets.UTF_8), signature))
                .isTrue();
        assertThat(Ed25519.verify(key.publicKey(), (t + "." + first[2] + " ").getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
    }

    @Test
    void aFailingEndpointIsRetriedWithBackOffWithoutSkippingAnEvent() throws Exception {
        WebhookEndpoint endpoint = service.register("m-1", url, Mode.TEST, 0, "it");
        purchase("p-1", "m-1", Mode.TEST);
        event("m-1", "p-1", "purchase.in_escrow");
        event("m-1", "p-1", "purchase.settled");
        failNext.set(3);
        assertThat(deliverer.deliverDue()).isZero();
        assertThat(deliverer.deliverDue()).as("not due during the back-off").isZero();
        WebhookEndpoint failing = service.list("m-1").get(0);
        assertThat(failing.lastError()).isEqualTo("HTTP 503");
        assertThat(failing.failingSince()).isNotNull();
        for (int i = 0; i < 5 && received.size() < 2; i++) {
            clock.advance(Duration.ofMinutes(30));
            deliverer.deliverDue();
        }
        assertThat(received).extracting(r -> r[2]).containsExactly("{\"type\":\"purchase.in_escrow\"}",
                "{\"type\":\"purchase.settled\"}");
        assertThat(service.list("m-1").get(0).failingSince()).isNull();
        assertThat(endpoint.id()).startsWith("whk_");
    }

    @Test
    void aLongBacklogGoesOutInOrderPageByPageAndAFailureMidPageKeepsWhatWasDelivered() throws Exception {
        service.register("m-1", url, Mode.TEST, 0, "it");
        purchase("p-test", "m-1", Mode.TEST);
        purchase("p-live", "m-1", Mode.LIVE);
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 230; i++) {
            event("m-1", i % 10 == 5 ? "p-live" : "p-test", "purchase.n" + i);
            if (i % 10 != 5) {
                expected.add("{\"type\":\"purchase.n" + i + "\"}");
            }
        }
        assertThat(deliverer.deliverDue()).as("one page of 100 events, the live ones skipped").isEqualTo(90);
        long afterPage = service.list("m-1").get(0).deliveredUpTo();
        failNext.set(1);
        // the next page fails at its first event: the cursor stays after the first page, nothing is skipped
        assertThat(deliverer.deliverDue()).isZero();
        assertThat(service.list("m-1").get(0).deliveredUpTo()).isEqualTo(afterPage);
        for (int i = 0; i < 10 && received.size() < expected.size(); i++) {
            clock.advance(Duration.ofMinutes(1));
            deliverer.deliverDue();
        }
        assertThat(received).extracting(r -> r[2]).containsExactlyElementsOf(expected);
        assertThat(service.list("m-1").get(0).failingSince()).isNull();
    }

    @Test
    void anEventFailingForDaysIsGivenUpAndRecorded() throws Exception {
        service.register("m-1", url, Mode.TEST, 0, "it");
        purchase("p-1", "m-1", Mode.TEST);
        event("m-1", "p-1", "purchase.in_escrow");
        event("m-1", "p-1", "purchase.shipped");
        failNext.set(1_000_000);
        deliverer.deliverDue();
        clock.advance(Duration.ofHours(72));
        deliverer.deliverDue();
        assertThat(service.list("m-1").get(0).deliveredUpTo()).as("still retrying after 3 days").isZero();
        clock.advance(Duration.ofHours(25));
        deliverer.deliverDue();
        assertThat(service.list("m-1").get(0).deliveredUpTo()).as("first event given up").isPositive();
        List<org.accordpay.api.audit.dto.AuditEntry> trace = store.transact(tx -> tx.auditChain().forPurchase("p-1"));
        assertThat(trace).anyMatch(e -> e.type().equals("webhook.gave-up"));
    }

    @Test
    void eachEndpointGetsItsOwnMerchantsEventsOfItsModeAndReplayDeliversAgain() throws Exception {
        WebhookEndpoint test = service.register("m-1", url, Mode.TEST, 0, "it");
        service.register("m-2", url, Mode.TEST, 0, "it");
        purchase("p-test", "m-1", Mode.TEST);
        purchase("p-live", "m-1", Mode.LIVE);
        event("m-1", "p-live", "purchase.live_only");
        event("m-1", "p-test", "purchase.test_only");
        deliverer.deliverDue();
        assertThat(received).extracting(r -> r[2]).containsExactly("{\"type\":\"purchase.test_only\"}");
        service.replayFrom("m-1", test.id(), 0, "merchant");
        deliverer.deliverDue();
        assertThat(received).hasSize(2);
        assertThatThrownBy(() -> service.replayFrom("m-2", test.id(), 0, "other merchant"))
                .isInstanceOfSatisfying(WebhookException.class,
                        e -> assertThat(e.code()).isEqualTo(WebhookException.UNKNOWN_ENDPOINT));
        service.disable("m-1", test.id(), "merchant");
        event("m-1", "p-test", "purchase.after_disable");
        deliverer.deliverDue();
        assertThat(received).hasSize(2);
    }

    @Test
    void liveEndpointsMustBeHttpsAndPublic() {
        for (String bad : List.of("http://example.com/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook",
                "https://192.168.0.10/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
                "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://user:pw@example.com/hook",
                "ftp://example.com/hook", "not a url")) {
            assertThatThrownBy(() -> service.register("m-1", bad, Mode.LIVE, 0, "it"))
                    .as(bad).isInstanceOf(WebhookException.class);
        }
        assertThat(service.list("m-1")).isEmpty();
        assertThat(TargetPolicy.check("https://93.184.215.14/hook", Mode.LIVE)).isNotNull();
        assertThat(TargetPolicy.check("http://127.0.0.1:8080/hook", Mode.TEST)).isNotNull();
    }

    private void purchase(String id, String merchantId, Mode mode) {
        store.transact(tx -> {
            tx.purchases().insert(new PurchaseRecord(id, merchantId, "c-1", "o-" + id,
                    List.of(new PurchaseItem("x", 100, 1)), Money.of(100, "EUR"), PurchaseState.IN_ESCROW, mode,
                    clock.now(), clock.now()));
            return null;
        });
    }

    private void event(String merchantId, String purchaseId, String type) {
        store.transact(tx -> tx.merchantEvents().append(new MerchantEvent(0, "evt_" + System.nanoTime(), merchantId,
                purchaseId, type, "{\"type\":\"" + type + "\"}", clock.now())));
    }
}

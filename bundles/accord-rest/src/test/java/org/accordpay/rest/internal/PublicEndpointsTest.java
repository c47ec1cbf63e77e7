package org.accordpay.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.courier.dto.DeliveryEvent;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.CheckoutView;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.HostedCheckout;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.time.AccordClock;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoints that are not merchant-signed (hosted checkout page, courier reports, handset answers) through
 * the API's real filters and error mapping, on Jetty at an ephemeral loopback port.
 */
class PublicEndpointsTest {

    static final String TOKEN = "Q".repeat(43);
    static final String COURIER_SECRET = "courier-secret-0123456789";

    /** The purchase service as far as these endpoints use it; records the calls. */
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile PurchaseState state = PurchaseState.AWAITING_CUSTOMER;
    volatile boolean submitted;
    final List<DeliveryEvent> deliveries = new CopyOnWriteArrayList<>();
    /** Work handed to the public worker, run only when a test says so. */
    final List<Runnable> deferred = new CopyOnWriteArrayList<>();

    private final PurchaseService purchases = (PurchaseService) Proxy.newProxyInstance(
            PurchaseService.class.getClassLoader(), new Class<?>[] {PurchaseService.class}, (proxy, m, args) -> {
                switch (m.getName()) {
                    case "checkout" -> {
                        return TOKEN.equals(args[0]) ? Optional.of(view()) : Optional.empty();
                    }
                    case "attachCustomer" -> {
                        calls.add("attach " + ((CustomerIdentifier) args[1]).phoneE164());
                        return null;
                    }
                    case "answer" -> {
                        calls.add("answer " + ((byte[]) args[0]).length);
                        return null;
                    }
                    case "openCheckout" -> {
                        PurchaseRequest r = (PurchaseRequest) args[0];
                        calls.add("open " + r.merchantOrderRef());
                        return new HostedCheckout(purchase(r), TOKEN, Instant.parse("2026-12-05T12:15:00Z"));
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                }
            });
    private final CourierEvents courierEvents = e -> {
        deliveries.add(e);
        return e.trackingRef().equals("TRK-1");
    };
    private final AccordClock clock = new AccordClock() {
        @Override
        public Instant now() {
            return Instant.parse("2026-12-05T12:00:00Z");
        }

        @Override
        public java.time.Clock asClock() {
            return java.time.Clock.fixed(now(), java.time.ZoneOffset.UTC);
        }
    };
    private final HttpClient client = HttpClient.newHttpClient();
    private LoopbackApiServer server;
    private String base;

    private CheckoutView view() {
        return new CheckoutView("pur_1", "Librairie Duval", "order-42", List.of(new PurchaseItem("Book", 1250, 2)),
                Money.of(2500, "EUR"), state, submitted, Mode.TEST, Instant.parse("2026-12-05T12:15:00Z"),
                "https://shop.example/thanks");
    }

    private static Purchase purchase(PurchaseRequest r) {
        return new Purchase("pur_1", r.merchantId(), null, r.merchantOrderRef(), r.items(),
                Money.of(r.totalMinor(), r.currency()), Money.of(0, r.currency()), PurchaseState.AWAITING_CUSTOMER,
                r.mode(), Instant.parse("2026-12-05T12:00:00Z"), Instant.parse("2026-12-05T12:00:00Z"), null, null,
                null, null);
    }

    @BeforeEach
    void start() throws Exception {
        ResourceConfig api = MerchantApiServer.resources(purchases, null, clock, null, Duration.ofMinutes(5), 65536);
        PublicEndpoints settings = PublicEndpoints.of("https://pay.example/",
                MerchantApiServer.courierTokens(new String[] {"acme-courier=" + COURIER_SECRET, "broken"}),
                deferred::add);
        MerchantApiServer.withPublicEndpoints(api, purchases, () -> courierEvents, clock, settings);
        server = new LoopbackApiServer(api);
        base = server.base();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, byte[] body, String bearer) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String phone) throws Exception {
        return post("/v1/checkout/" + TOKEN + "/customer", "application/json",
                ("{\"phone\":\"" + phone + "\",\"country\":\"FR\"}").getBytes(), null);
    }

    private static void problem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"code\":\"" + code + "\"");
    }

    // ---------------------------------------------------------------- hosted checkout

    @Test
    void theCheckoutShowsMerchantBasketAndStateWithoutSignatureAndTheReturnUrlOnlyOnceFinal() throws Exception {
        HttpResponse<String> waiting = get("/v1/checkout/" + TOKEN);
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);
        assertThat(waiting.body()).contains("\"object\":\"checkout\"", "\"merchant_name\":\"Librairie Duval\"",
                "\"amount\":2500", "\"currency\":\"EUR\"", "\"state\":\"awaiting_customer\"", "\"name\":\"Book\"",
                "\"expires_at\":\"2026-12-05T12:15:00Z\"").doesNotContain("return_url", "pur_1", "phone", "customer_id");

        submitted = true;
        assertThat(get("/v1/checkout/" + TOKEN).body()).contains("\"state\":\"awaiting_approval\"")
                .doesNotContain("return_url");
        state = PurchaseState.CHALLENGED;
        assertThat(get("/v1/checkout/" + TOKEN).body()).contains("\"state\":\"awaiting_approval\"")
                .doesNotContain("return_url");
        state = PurchaseState.IN_ESCROW;
        assertThat(get("/v1/checkout/" + TOKEN).body()).contains("\"state\":\"approved\"",
                "\"return_url\":\"https://shop.example/thanks\"");
        state = PurchaseState.EXPIRED;
        assertThat(get("/v1/checkout/" + TOKEN).body()).contains("\"state\":\"expired\"", "\"return_url\"");

        problem(get("/v1/checkout/" + "R".repeat(43)), 404, "unknown-checkout");
        problem(get("/v1/checkout/short"), 404, "unknown-checkout");
    }

    @Test
    void anEnrolledAndAnUnknownNumberGetTheSameAnswerBeforeAnyLookup() throws Exception {
        HttpResponse<String> known = submit("+33612345678");
        HttpResponse<String> unknown = submit("+33699999999");

        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body()).isEqualTo("{\"object\":\"checkout\",\"status\":\"submitted\"}");
        assertThat(unknown.headers().map().keySet()).isEqualTo(known.headers().map().keySet());
        assertThat(calls).as("nothing looked up before answering").isEmpty();
        deferred.forEach(Runnable::run);
        assertThat(calls).containsExactly("attach +33612345678", "attach +33699999999");
    }

    @Test
    void submissionsAreCheckedForFormatTokenAndState() throws Exception {
        problem(submit("0612345678"), 422, "invalid-phone");
        problem(post("/v1/checkout/" + TOKEN + "/customer", "application/json",
                "{\"phone\":\"+33612345678\",\"country\":\"France\"}".getBytes(), null), 422, "invalid-field");
        problem(post("/v1/checkout/" + TOKEN + "/customer", "application/json",
                "{\"phone\":\"+33612345678\",\"country\":\"FR\",\"name\":\"x\"}".getBytes(), null), 400,
                "unknown-field");
        problem(post("/v1/checkout/" + "R".repeat(43) + "/customer", "application/json",
                "{\"phone\":\"+33612345678\",\"country\":\"FR\"}".getBytes(), null), 404, "unknown-checkout");
        state = PurchaseState.EXPIRED;
        problem(submit("+33612345678"), 409, "wrong-state");
        deferred.forEach(Runnable::run);
        assertThat(calls).isEmpty();
    }

    @Test
    void aSecondNumberIsAnsweredAlikeWhetherTheFirstNamedACustomerOrNot() throws Exception {
        submitted = true;
        HttpResponse<String> afterUnknown = submit("+33612345678");
        state = PurchaseState.CHALLENGED;
        HttpResponse<String> afterKnown = submit("+33612345679");
        assertThat(afterKnown.statusCode()).isEqualTo(afterUnknown.statusCode()).isEqualTo(202);
        assertThat(afterKnown.body()).isEqualTo(afterUnknown.body());
    }

    @Test
    void aNumberIsLimitedToFiveSubmissions() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(submit("+33612345678").statusCode()).isEqualTo(202);
        }
        problem(submit("+33612345678"), 429, "rate-limited");
        assertThat(submit("+33612345679").statusCode()).isEqualTo(202);
    }

    @Test
    void anAddressIsLimitedToTenSubmissionsAMinute() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(submit("+3361234567" + i).statusCode()).isEqualTo(202);
        }
        problem(submit("+33612345699"), 429, "rate-limited");
    }

    @Test
    void aHostedPurchaseIsCreatedWithoutCustomerAndAnswersItsCheckoutUrl() {
        PurchasesResource resource = new PurchasesResource(purchases, null, "https://pay.example/");
        var items = List.of(new Bodies.ItemBody("Book", 1250L, 2));
        Response created = resource.create(ReturnUrlsResourceTest.signed("m1", Mode.TEST), null,
                new Bodies.CreatePurchaseBody(null, items, "EUR", "order-42", null, "hosted"));
        assertThat(created.getStatus()).isEqualTo(201);
        Bodies.PurchaseView view = (Bodies.PurchaseView) created.getEntity();
        assertThat(view.state()).isEqualTo("awaiting_customer");
        assertThat(view.checkoutUrl()).isEqualTo("https://pay.example/checkout/" + TOKEN);
        assertThat(view.checkoutExpiresAt()).isEqualTo("2026-12-05T12:15:00Z");
        assertThat(calls).containsExactly("open order-42");

        assertThatThrownBy(() -> resource.create(ReturnUrlsResourceTest.signed("m1", Mode.TEST), null,
                new Bodies.CreatePurchaseBody(new Bodies.CustomerBody("+33612345678", "FR", null), items, "EUR",
                        "order-43", null, "hosted")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("customer"));
        assertThatThrownBy(() -> resource.create(ReturnUrlsResourceTest.signed("m1", Mode.TEST), null,
                new Bodies.CreatePurchaseBody(null, items, "EUR", "order-44", null, "redirect")))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("checkout"));
        assertThatThrownBy(() -> resource.create(ReturnUrlsResourceTest.signed("m1", Mode.TEST), null,
                new Bodies.CreatePurchaseBody(null, items, "EUR", "order-45", null, null)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("customer"));
        assertThat(calls).containsExactly("open order-42");
    }

    // ---------------------------------------------------------------- couriers

    private HttpResponse<String> deliver(String courier, String bearer, String json) throws Exception {
        return post("/v1/couriers/" + courier + "/deliveries", "application/json", json.getBytes(), bearer);
    }

    @Test
    void aCourierWithItsTokenReportsADelivery() throws Exception {
        HttpResponse<String> ok = deliver("acme-courier", COURIER_SECRET,
                "{\"tracking_ref\":\"TRK-1\",\"delivered\":true,\"detail\":\"left with the concierge\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
        assertThat(deliveries).singleElement().satisfies(e -> {
            assertThat(e.courierId()).isEqualTo("acme-courier");
            assertThat(e.trackingRef()).isEqualTo("TRK-1");
            assertThat(e.delivered()).isTrue();
            assertThat(e.detail()).isEqualTo("left with the concierge");
            assertThat(e.at()).isEqualTo(clock.now());
        });
        problem(deliver("acme-courier", COURIER_SECRET, "{\"tracking_ref\":\"TRK-9\",\"delivered\":false}"), 404,
                "unknown-shipment");
    }

    @Test
    void courierReportsAreRefusedWithoutTheRightToken() throws Exception {
        String json = "{\"tracking_ref\":\"TRK-1\",\"delivered\":true}";
        problem(deliver("acme-courier", null, json), 401, "courier-unauthenticated");
        problem(deliver("acme-courier", COURIER_SECRET + "x", json), 401, "courier-unauthenticated");
        problem(deliver("other-courier", COURIER_SECRET, json), 404, "unknown-courier");
        problem(deliver("broken", COURIER_SECRET, json), 404, "unknown-courier");
        problem(deliver("acme-courier", COURIER_SECRET, "{\"delivered\":true}"), 400, "invalid-delivery");
        problem(deliver("acme-courier", COURIER_SECRET, "{\"tracking_ref\":\"TRK-1\"}"), 400, "invalid-delivery");
        problem(deliver("acme-courier", COURIER_SECRET, "not json"), 400, "malformed-json");
        assertThat(deliveries).isEmpty();
    }

    // ---------------------------------------------------------------- handsets

    @Test
    void aHandsetAnswerIsAcceptedUnreadAndAppliedAfterwards() throws Exception {
        HttpResponse<String> r = post("/v1/handset/answers", HandsetAnswersResource.RESPONSE_TYPE, new byte[215], null);
        HttpResponse<String> garbage = post("/v1/handset/answers", "application/octet-stream", new byte[7], null);

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
        assertThat(garbage.statusCode()).isEqualTo(202);
        assertThat(garbage.body()).isEmpty();
        assertThat(calls).isEmpty();
        deferred.forEach(Runnable::run);
        assertThat(calls).containsExactly("answer 215", "answer 7");
    }

    @Test
    void handsetAnswersHaveSizeAndTypeLimits() throws Exception {
        problem(post("/v1/handset/answers", "application/octet-stream", new byte[1025], null), 413, "body-too-large");
        problem(post("/v1/handset/answers", "application/octet-stream", new byte[0], null), 400, "invalid-answer");
        problem(post("/v1/handset/answers", "text/plain", new byte[215], null), 415, "unsupported-media-type");
        for (int i = 0; i < 27; i++) {
            assertThat(post("/v1/handset/answers", "application/octet-stream", new byte[215], null).statusCode())
                    .isEqualTo(202);
        }
        problem(post("/v1/handset/answers", "application/octet-stream", new byte[215], null), 429, "rate-limited");
        assertThat(deferred).hasSize(27);
    }

    @Test
    void merchantRoutesStillNeedASignature() throws Exception {
        problem(post("/v1/purchases", "application/json", "{}".getBytes(), null), 401, "unauthenticated");
        assertThat(MerchantAuthentication.signed("/v1/checkout/" + TOKEN)).isFalse();
        assertThat(MerchantAuthentication.signed("/v1/checkout/" + TOKEN + "/customer")).isFalse();
        assertThat(MerchantAuthentication.signed("/v1/checkout/" + TOKEN + "/other")).isTrue();
        assertThat(MerchantAuthentication.signed("/v1/couriers/acme/deliveries")).isFalse();
        assertThat(MerchantAuthentication.signed("/v1/couriers/ac%2Fme/deliveries")).isTrue();
        assertThat(MerchantAuthentication.signed("/v1/handset/answers")).isFalse();
        assertThat(MerchantAuthentication.isPublic("/v1/couriers/acme/deliveries")).isFalse();
    }
}

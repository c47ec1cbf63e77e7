package org.accordpay.itests;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.accordpay.api.challenge.MerchantTables;
import org.accordpay.api.challenge.dto.IssuedMerchantTable;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantApplication;
import org.accordpay.api.registry.dto.MerchantKey;
import org.accordpay.carrier.loopback.HandsetPolicy;
import org.accordpay.itests.support.SignedApi;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

/**
 * The merchant API over real HTTPS in the distribution: a whole purchase with nothing but the API,
 * the simulated handset and the loopback courier; every refusal a problem+json 4xx that changes
 * nothing; signatures, replays, idempotency keys and merchant isolation.
 */
public abstract class AbstractMerchantApiIT extends AbstractPurchaseFlowIT {

    private static final Pattern STATE = Pattern.compile("\"state\":\"([a-z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"(pur_[0-9a-f]+)\"");
    private static final Pattern EVENT = Pattern.compile("\"id\":\"(evt_[0-9a-f]+)\",\"type\":\"purchase.in_escrow\"");
    private static final Pattern CHECKOUT_URL = Pattern.compile("\"checkout_url\":\"https://[^\"]+/checkout/([A-Za-z0-9_-]{43})\"");

    @Inject
    @Filter(timeout = 90_000)
    protected MerchantKeys merchantKeys;

    @Inject
    @Filter(timeout = 90_000)
    protected MerchantTables merchantTables;

    private HttpClient http;
    private String base;

    /** A merchant with a registered test key and its private half. */
    protected record ApiMerchant(Merchant merchant, String keyId, PrivateKey key) {
    }

    // ------------------------------------------------------------------ the whole purchase

    @Test
    public void aWholePurchaseThroughTheApi() throws Exception {
        ApiMerchant m = apiMerchant(true);
        Shopper shopper = shopper(50_000);
        HttpResponse<String> created = post(m, "/v1/purchases", createBody(shopper.phone(), 1250, 2, "EUR"));
        assertEquals(created.body(), 201, created.statusCode());
        assertTrue(created.body(), created.body().contains("\"state\":\"challenged\""));
        assertTrue(created.body(), created.body().contains("\"mode\":\"test\""));
        assertTrue(created.body(), created.body().contains("\"amount\":2500"));
        String id = match(ID, created.body());

        String paid = awaitState(m, id, "in_escrow");
        assertTrue("step 7: the delivery address once paid: " + paid, paid.contains("\"delivery_address\""));
        assertTrue(paid, paid.contains("\"postal_code\":\"75007\""));

        HttpResponse<String> shipped = post(m, "/v1/purchases/" + id + "/ship",
                "{\"courier\":\"loopback-courier\",\"tracking_ref\":\"TRK-" + id + "\"}");
        assertEquals(shipped.body(), 200, shipped.statusCode());
        assertEquals("shipped", match(STATE, shipped.body()));
        assertTrue("the loopback courier watches the shipment", waitFor(() -> courier.find("TRK-" + id).isPresent()));
        assertTrue(courier.deliver("TRK-" + id, true, "handed over"));
        awaitState(m, id, "settled");

        HttpResponse<String> list = get(m, "/v1/purchases?from=2000-01-01T00:00:00Z&limit=10");
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue(list.body(), list.body().contains(id));
        HttpResponse<String> events = get(m, "/v1/events?after=0");
        assertEquals(events.body(), 200, events.statusCode());
        assertTrue(events.body(), events.body().contains("purchase.in_escrow"));
        assertBooksHold();
    }

    @Test
    public void cancelAndRefundThroughTheApi() throws Exception {
        ApiMerchant m = apiMerchant(true);
        Shopper shopper = shopper(20_000);
        String cancelled = match(ID, post(m, "/v1/purchases", createBody(shopper.phone(), 2_000, 1, "EUR")).body());
        awaitState(m, cancelled, "in_escrow");
        HttpResponse<String> c = post(m, "/v1/purchases/" + cancelled + "/cancel", "{\"reason\":\"out of stock\"}");
        assertEquals(c.body(), 200, c.statusCode());
        assertEquals("cancelled", match(STATE, c.body()));

        String refunded = match(ID, post(m, "/v1/purchases", createBody(shopper.phone(), 3_000, 1, "EUR")).body());
        awaitState(m, refunded, "in_escrow");
        HttpResponse<String> partial = post(m, "/v1/purchases/" + refunded + "/refunds", "{\"amount\":1000}");
        assertEquals(partial.body(), 201, partial.statusCode());
        assertTrue(partial.body(), partial.body().contains("\"refunded\":1000"));
        HttpResponse<String> tooMuch = post(m, "/v1/purchases/" + refunded + "/refunds", "{\"amount\":2001}");
        assertProblem(tooMuch, 422, "invalid-amount");
        HttpResponse<String> rest = post(m, "/v1/purchases/" + refunded + "/refunds", "{}");
        assertEquals(rest.body(), 201, rest.statusCode());
        assertTrue(rest.body(), rest.body().contains("\"refunded\":3000"));
        HttpResponse<String> wrongState = post(m, "/v1/purchases/" + cancelled + "/cancel", "{}");
        assertTrue(wrongState.body(), wrongState.statusCode() == 409 || wrongState.statusCode() == 422);
        assertTrue(waitFor(() -> bank.balance(shopper.iban(), "EUR").minorUnits() == 20_000));
        assertBooksHold();
    }

    // ------------------------------------------------------------------ errors

    @Test
    public void badRequestsAreProblemsAndChangeNothing() throws Exception {
        ApiMerchant m = apiMerchant(true);
        Shopper shopper = shopper(10_000);
        String phone = shopper.phone();
        assertProblem(post(m, "/v1/purchases", "{\"customer\":"), 400, "malformed-json");
        assertProblem(post(m, "/v1/purchases", createBody(phone, 100, 1, "EUR").replace("{\"customer\"",
                "{\"colour\":\"red\",\"customer\"")), 400, "unknown-field");
        assertProblem(post(m, "/v1/purchases", createBody(phone, -100, 1, "EUR")), 422, "invalid-amount");
        assertProblem(post(m, "/v1/purchases", createBody(phone, Long.MAX_VALUE, 2, "EUR")), 422, "invalid-amount");
        assertProblem(post(m, "/v1/purchases", createBody(phone, 100, 1, "EUR").replace("\"unit_price\":100",
                "\"unit_price\":99999999999999999999")), 400, "invalid-number");
        assertProblem(post(m, "/v1/purchases", createBody(phone, 100, 1, "EUR").replace("\"unit_price\":100",
                "\"unit_price\":1.5")), 400, "invalid-field");
        assertProblem(post(m, "/v1/purchases", createBody(phone, 100, 1, "XYZ")), 422, "invalid-currency");
        assertProblem(post(m, "/v1/purchases", createBody("0612", 100, 1, "EUR")), 422, "invalid-phone");
        assertProblem(post(m, "/v1/purchases", createBody("+33699999999", 100, 1, "EUR")), 422, "unknown-customer");
        assertProblem(post(m, "/v1/purchases", createBody(phone, 100, 0, "EUR")), 422, "invalid-field");
        assertProblem(post(m, "/v1/purchases", "{}"), 422, "invalid-field");
        String big = createBody(phone, 100, 1, "EUR").replace("\"merchant_order_ref\":\"",
                "\"merchant_order_ref\":\"" + "x".repeat(70 * 1024));
        assertProblem(oversize(m, big), 413, "body-too-large");
        assertProblem(send(m, "POST", "/v1/purchases", createBody(phone, 100, 1, "EUR"), null, null), 400,
                "idempotency-key-required");
        assertProblem(get(m, "/v1/purchases/pur_000000000000000000000000"), 404, "unknown-purchase");
        assertProblem(get(m, "/v1/purchases?from=yesterday"), 422, "invalid-field");

        ApiMerchant applied = apiMerchant(false);
        assertProblem(post(applied, "/v1/purchases", createBody(phone, 100, 1, "EUR")), 403, "merchant-not-admitted");

        for (ApiMerchant who : List.of(m, applied)) {
            assertTrue("nothing was created", purchases.listForMerchant(who.merchant().id(), Instant.EPOCH,
                    Instant.parse("2199-01-01T00:00:00Z"), null, 10).isEmpty());
        }
    }

    @Test
    public void unsignedBadlySignedStaleAndReplayedRequestsAreRefused() throws Exception {
        ApiMerchant m = apiMerchant(true);
        HttpResponse<String> health = client().send(HttpRequest.newBuilder(URI.create(base() + "/v1/health")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(health.body(), 200, health.statusCode());

        HttpResponse<String> unsigned = client().send(HttpRequest.newBuilder(URI.create(base() + "/v1/purchases"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(unsigned, 401, "unauthenticated");

        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ApiMerchant impostor = new ApiMerchant(m.merchant(), m.keyId(), other.getPrivate());
        assertProblem(get(impostor, "/v1/purchases"), 401, "bad-signature");
        assertProblem(get(new ApiMerchant(m.merchant(), "kt-nosuchkey", m.key()), "/v1/purchases"), 401,
                "unknown-key");
        String stale = String.valueOf(clock.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        assertProblem(send(m, "GET", "/v1/purchases", "", null, stale), 401, "stale-timestamp");
        String epochSeconds = String.valueOf(clock.now().getEpochSecond());
        HttpResponse<String> byEpoch = send(m, "GET", "/v1/purchases?limit=1", "", null, epochSeconds);
        assertEquals(byEpoch.body(), 200, byEpoch.statusCode());

        HttpRequest once = signed(m, "GET", "/v1/purchases?limit=2", "", null, null);
        assertEquals(200, client().send(once, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertProblem(client().send(once, HttpResponse.BodyHandlers.ofString()), 401, "replayed-request");
        // a POST's signature is remembered with its idempotency key, in one transaction: replayed, with or without
        // a key, it is refused as a replay, not answered again from the key
        HttpRequest oncePost = signed(m, "POST", "/v1/purchases/pur_000000000000000000000000/cancel", "{}",
                "replay-" + UUID.randomUUID(), null);
        assertProblem(client().send(oncePost, HttpResponse.BodyHandlers.ofString()), 404, "unknown-purchase");
        assertProblem(client().send(oncePost, HttpResponse.BodyHandlers.ofString()), 401, "replayed-request");
        HttpRequest noKey = signed(m, "POST", "/v1/purchases/pur_000000000000000000000000/cancel", "{}", null, null);
        assertProblem(client().send(noKey, HttpResponse.BodyHandlers.ofString()), 400, "idempotency-key-required");
        assertProblem(client().send(noKey, HttpResponse.BodyHandlers.ofString()), 401, "replayed-request");

        MerchantKey revoked = merchantKeys.revoke(m.keyId(), "it-operator");
        assertFalse(revoked.active());
        assertProblem(get(m, "/v1/purchases"), 401, "unknown-key");
    }

    // ------------------------------------------------------------------ idempotency, isolation

    @Test
    public void idempotencyKeysGiveTheSameAnswerOnce() throws Exception {
        ApiMerchant m = apiMerchant(true);
        Shopper shopper = shopper(10_000);
        String body = createBody(shopper.phone(), 700, 1, "EUR");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = send(m, "POST", "/v1/purchases", body, key, null);
        assertEquals(first.body(), 201, first.statusCode());
        HttpResponse<String> again = send(m, "POST", "/v1/purchases", body, key, null);
        assertEquals(again.body(), 201, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertProblem(send(m, "POST", "/v1/purchases", createBody(shopper.phone(), 701, 1, "EUR"), key, null), 422,
                "idempotency-key-reused");

        // concurrent duplicates: exactly one runs
        String racing = UUID.randomUUID().toString();
        String racingBody = createBody(shopper.phone(), 800, 1, "EUR");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit((Callable<HttpResponse<String>>) () ->
                        send(m, "POST", "/v1/purchases", racingBody, racing, null)));
            }
            for (Future<HttpResponse<String>> a : answers) {
                int status = a.get().statusCode();
                assertTrue(a.get().body(), status == 201 || status == 409 || status == 429);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Purchase> made = purchases.listForMerchant(m.merchant().id(), Instant.EPOCH,
                Instant.parse("2199-01-01T00:00:00Z"), null, 50);
        assertEquals(made.toString(), 1, made.stream().filter(p -> p.total().minorUnits() == 700).count());
        assertTrue(made.toString(), made.stream().filter(p -> p.total().minorUnits() == 800).count() <= 1);
    }

    @Test
    public void aMerchantSeesOnlyItsOwnPurchases() throws Exception {
        ApiMerchant a = apiMerchant(true);
        ApiMerchant b = apiMerchant(true);
        Shopper shopper = shopper(10_000);
        String id = match(ID, post(a, "/v1/purchases", createBody(shopper.phone(), 400, 1, "EUR")).body());
        assertEquals(200, get(a, "/v1/purchases/" + id).statusCode());
        assertProblem(get(b, "/v1/purchases/" + id), 404, "unknown-purchase");
        assertProblem(post(b, "/v1/purchases/" + id + "/cancel", "{}"), 404, "unknown-purchase");
        assertProblem(post(b, "/v1/purchases/" + id + "/refunds", "{}"), 404, "unknown-purchase");
        assertProblem(post(b, "/v1/purchases/" + id + "/ship", "{\"courier\":\"x\",\"tracking_ref\":\"y\"}"), 404,
                "unknown-purchase");
        HttpResponse<String> listB = get(b, "/v1/purchases");
        assertEquals(200, listB.statusCode());
        assertFalse(listB.body(), listB.body().contains(id));
        HttpResponse<String> eventsB = get(b, "/v1/events");
        assertFalse(eventsB.body(), eventsB.body().contains(id));
        awaitState(a, id, "in_escrow"); // B's cancel changed nothing: A's purchase goes on
        // A's own live key sees neither the test purchase nor its events
        KeyPair live = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = live.getPublic().getEncoded();
        MerchantKey liveKey = merchantKeys.register(a.merchant().id(), Mode.LIVE,
                Arrays.copyOfRange(spki, spki.length - 32, spki.length), "it-operator");
        ApiMerchant aLive = new ApiMerchant(a.merchant(), liveKey.keyId(), live.getPrivate());
        assertProblem(get(aLive, "/v1/purchases/" + id), 404, "unknown-purchase");
        HttpResponse<String> eventsLive = get(aLive, "/v1/events");
        assertEquals(200, eventsLive.statusCode());
        assertFalse(eventsLive.body(), eventsLive.body().contains(id));
        assertTrue(get(a, "/v1/events").body().contains(id));
    }

    // ------------------------------------------------------------------ OpenAPI and webhook endpoints

    @Test
    public void theOpenApiDocumentIsServedWithoutASignature() throws Exception {
        HttpResponse<String> r = client().send(HttpRequest.newBuilder(URI.create(base() + "/v1/openapi.json")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.body(), r.body().contains("\"openapi\": \"3.1.0\""));
        assertTrue(r.body(), r.body().contains("\"/v1/webhook-endpoints/{id}\""));
    }

    @Test
    public void aMerchantRegistersListsAndDisablesItsWebhookEndpoints() throws Exception {
        ApiMerchant a = apiMerchant(true);
        ApiMerchant b = apiMerchant(true);
        Shopper shopper = shopper(10_000);
        try (org.accordpay.itests.support.WebhookReceiver receiver = new org.accordpay.itests.support.WebhookReceiver()) {
            // test mode: a local http URL is fine, and the events of the key's mode arrive there
            HttpResponse<String> created = post(a, "/v1/webhook-endpoints", "{\"url\":\"" + receiver.url() + "\"}");
            assertEquals(created.body(), 201, created.statusCode());
            assertTrue(created.body(), created.body().contains("\"mode\":\"test\""));
            assertTrue(created.body(), created.body().contains("\"status\":\"active\""));
            assertTrue(created.body(), created.body().contains("\"signing_key\":\"" + webhooks.signingKey() + "\""));
            String endpoint = match(Pattern.compile("\"id\":\"(whk_[0-9a-f]+)\""), created.body());
            assertTrue(webhooks.list(a.merchant().id()).stream().anyMatch(e -> e.id().equals(endpoint)
                    && e.mode() == Mode.TEST && e.disabledAt() == null));
            String id = match(ID, post(a, "/v1/purchases", createBody(shopper.phone(), 700, 1, "EUR")).body());
            awaitState(a, id, "in_escrow");
            assertTrue("delivered to the endpoint registered over the API", waitFor(() -> receiver.bodies().stream()
                    .anyMatch(body -> body.contains(id) && body.contains("purchase.in_escrow"))));

            assertTrue(get(a, "/v1/webhook-endpoints").body().contains(endpoint));
            assertFalse(get(b, "/v1/webhook-endpoints").body().contains(endpoint));
            assertProblem(send(b, "DELETE", "/v1/webhook-endpoints/" + endpoint, "", null, null), 404,
                    "unknown-endpoint");
            HttpResponse<String> disabled = send(a, "DELETE", "/v1/webhook-endpoints/" + endpoint, "", null, null);
            assertEquals(disabled.body(), 200, disabled.statusCode());
            assertTrue(disabled.body(), disabled.body().contains("\"status\":\"disabled\""));
            assertTrue(webhooks.list(a.merchant().id()).stream().anyMatch(e -> e.id().equals(endpoint)
                    && e.disabledAt() != null));
        }

        // live mode: https to public addresses only, refused on field url; a live key sees no test endpoint
        KeyPair live = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = live.getPublic().getEncoded();
        MerchantKey liveKey = merchantKeys.register(a.merchant().id(), Mode.LIVE,
                Arrays.copyOfRange(spki, spki.length - 32, spki.length), "it-operator");
        ApiMerchant aLive = new ApiMerchant(a.merchant(), liveKey.keyId(), live.getPrivate());
        int before = webhooks.list(a.merchant().id()).size();
        for (String[] refused : new String[][] {{"http://shop.example/events", "invalid-url"},
            {"https://127.0.0.1/events", "forbidden-target"}, {"https://169.254.169.254/latest/meta-data",
                "forbidden-target"}, {"https://10.1.2.3/events", "forbidden-target"}}) {
            HttpResponse<String> r = post(aLive, "/v1/webhook-endpoints", "{\"url\":\"" + refused[0] + "\"}");
            assertProblem(r, 422, refused[1]);
            assertTrue(r.body(), r.body().contains("\"field\":\"url\""));
        }
        assertProblem(post(aLive, "/v1/webhook-endpoints", "{}"), 422, "invalid-field");
        assertEquals("refusals change nothing", before, webhooks.list(a.merchant().id()).size());
        assertTrue(get(aLive, "/v1/webhook-endpoints").body().contains("\"data\":[]"));
    }

    @Test
    public void aPurchasesReturnUrlMustBeRegisteredBeforehand() throws Exception {
        ApiMerchant a = apiMerchant(true);
        ApiMerchant b = apiMerchant(true);
        Shopper shopper = shopper(10_000);
        String url = "https://shop.example/thanks?shop=" + a.merchant().id();
        String withReturn = createBody(shopper.phone(), 500, 1, "EUR").replaceFirst("}$",
                ",\"return_url\":\"" + url + "\"}");
        HttpResponse<String> unregistered = post(a, "/v1/purchases", withReturn);
        assertProblem(unregistered, 422, "unregistered-return-url");
        assertTrue(unregistered.body(), unregistered.body().contains("\"field\":\"return_url\""));

        HttpResponse<String> registered = post(a, "/v1/return-urls", "{\"url\":\"" + url + "\"}");
        assertEquals(registered.body(), 201, registered.statusCode());
        String id = match(Pattern.compile("\"id\":\"(rurl_[0-9a-f]+)\""), registered.body());
        HttpResponse<String> again = post(a, "/v1/return-urls", "{\"url\":\"" + url + "\"}");
        assertEquals(again.body(), 200, again.statusCode());
        assertTrue(again.body(), again.body().contains(id));
        assertTrue(get(a, "/v1/return-urls").body().contains(id));
        assertFalse(get(b, "/v1/return-urls").body().contains(id));

        HttpResponse<String> created = post(a, "/v1/purchases", withReturn);
        assertEquals(created.body(), 201, created.statusCode());
        assertTrue("the create answer echoes it: " + created.body(),
                created.body().contains("\"return_url\":\"" + url + "\""));
        assertProblem(post(a, "/v1/purchases", withReturn.replace(url, url + "&x=1")), 422, "unregistered-return-url");
        assertProblem(post(b, "/v1/purchases", createBody(shopper.phone(), 500, 1, "EUR").replaceFirst("}$",
                ",\"return_url\":\"" + url + "\"}")), 422, "unregistered-return-url");

        // live mode: https only, and the test registration does not count there
        KeyPair live = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = live.getPublic().getEncoded();
        MerchantKey liveKey = merchantKeys.register(a.merchant().id(), Mode.LIVE,
                Arrays.copyOfRange(spki, spki.length - 32, spki.length), "it-operator");
        ApiMerchant aLive = new ApiMerchant(a.merchant(), liveKey.keyId(), live.getPrivate());
        assertFalse(get(aLive, "/v1/return-urls").body().contains(id));
        HttpResponse<String> plain = post(aLive, "/v1/return-urls", "{\"url\":\"http://shop.example/thanks\"}");
        assertProblem(plain, 422, "invalid-field");
        assertTrue(plain.body(), plain.body().contains("\"field\":\"url\""));

        assertProblem(send(b, "DELETE", "/v1/return-urls/" + id, "", null, null), 404, "unknown-return-url");
        assertProblem(send(aLive, "DELETE", "/v1/return-urls/" + id, "", null, null), 404, "unknown-return-url");
        assertEquals(204, send(a, "DELETE", "/v1/return-urls/" + id, "", null, null).statusCode());
        assertProblem(post(a, "/v1/purchases", withReturn), 422, "unregistered-return-url");
    }

    // ------------------------------------------------------------------ hosted checkout, couriers, handsets

    @Test
    public void aHostedCheckoutTakesTheBuyersNumberOnAccordsPageAndIsPaid() throws Exception {
        ApiMerchant m = apiMerchant(true);
        Shopper shopper = shopper(20_000);
        String url = "https://shop.example/thanks?hosted=" + m.merchant().id();
        assertEquals(201, post(m, "/v1/return-urls", "{\"url\":\"" + url + "\"}").statusCode());
        HttpResponse<String> created = post(m, "/v1/purchases", hostedBody(1250, 2, url));
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals("awaiting_customer", match(STATE, created.body()));
        assertFalse(created.body(), created.body().contains(shopper.phone()));
        String id = match(ID, created.body());
        String token = match(CHECKOUT_URL, created.body());

        HttpResponse<String> page = unsigned("GET", "/v1/checkout/" + token, null, null);
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.body(), page.body().contains("\"merchant_name\":\"" + m.merchant().displayName() + "\""));
        assertTrue(page.body(), page.body().contains("\"amount\":2500"));
        assertEquals("awaiting_customer", match(STATE, page.body()));
        assertFalse("no return URL before the end: " + page.body(), page.body().contains("return_url"));

        HttpResponse<String> given = unsigned("POST", "/v1/checkout/" + token + "/customer", "application/json",
                "{\"phone\":\"" + shopper.phone() + "\",\"country\":\"FR\"}");
        assertEquals(given.body(), 202, given.statusCode());
        assertEquals("{\"object\":\"checkout\",\"status\":\"submitted\"}", given.body());

        String paid = awaitState(m, id, "in_escrow");
        assertTrue(paid, paid.contains("\"delivery_address\""));
        HttpResponse<String> done = unsigned("GET", "/v1/checkout/" + token, null, null);
        assertEquals("approved", match(STATE, done.body()));
        assertTrue(done.body(), done.body().contains("\"return_url\":\"" + url + "\""));
        assertFalse(done.body(), done.body().contains(shopper.phone()));
        assertProblem(unsigned("POST", "/v1/checkout/" + token + "/customer", "application/json",
                "{\"phone\":\"" + shopper.phone() + "\",\"country\":\"FR\"}"), 409, "wrong-state");
        assertBooksHold();
    }

    @Test
    public void anUnknownNumberGetsTheSameAnswerAndTheCheckoutExpires() throws Exception {
        ApiMerchant m = apiMerchant(true);
        Shopper shopper = shopper(10_000);
        handsets.setPolicy(shopper.phone(), HandsetPolicy.IGNORE);
        HttpResponse<String> first = post(m, "/v1/purchases", hostedBody(500, 1, null));
        HttpResponse<String> second = post(m, "/v1/purchases", hostedBody(500, 1, null));
        String unknownToken = match(CHECKOUT_URL, first.body());
        String knownToken = match(CHECKOUT_URL, second.body());

        HttpResponse<String> unknown = unsigned("POST", "/v1/checkout/" + unknownToken + "/customer",
                "application/json", "{\"phone\":\"+33700000001\",\"country\":\"FR\"}");
        HttpResponse<String> known = unsigned("POST", "/v1/checkout/" + knownToken + "/customer",
                "application/json", "{\"phone\":\"" + shopper.phone() + "\",\"country\":\"FR\"}");
        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(known.body(), unknown.body());
        awaitState(m, match(ID, second.body()), "challenged");
        assertTrue(waitFor(() -> unsigned("GET", "/v1/checkout/" + unknownToken, null, null).body()
                .contains("\"state\":\"awaiting_approval\"")));
        assertEquals("awaiting_customer", match(STATE, get(m, "/v1/purchases/" + match(ID, first.body())).body()));

        HttpResponse<String> neverGiven = post(m, "/v1/purchases", hostedBody(500, 1, null));
        clockControl.advance(Duration.ofMinutes(16));
        awaitState(m, match(ID, first.body()), "expired");
        awaitState(m, match(ID, neverGiven.body()), "expired");
        assertCheckoutState("expired", unsigned("GET", "/v1/checkout/" + unknownToken, null, null));
        assertProblem(unsigned("GET", "/v1/checkout/" + "A".repeat(43), null, null), 404, "unknown-checkout");
        assertBooksHold();
    }

    @Test
    public void aCourierReportsADeliveryWithItsToken() throws Exception {
        ApiMerchant m = apiMerchant(true);
        Shopper shopper = shopper(10_000);
        String id = match(ID, post(m, "/v1/purchases", createBody(shopper.phone(), 900, 1, "EUR")).body());
        awaitState(m, id, "in_escrow");
        HttpResponse<String> shipped = post(m, "/v1/purchases/" + id + "/ship",
                "{\"courier\":\"it-courier\",\"tracking_ref\":\"ITC-" + id + "\"}");
        assertEquals(shipped.body(), 200, shipped.statusCode());
        String report = "{\"tracking_ref\":\"ITC-" + id + "\",\"delivered\":true,\"detail\":\"handed over\"}";

        assertProblem(courierReport("it-courier", null, report), 401, "courier-unauthenticated");
        assertProblem(courierReport("it-courier", IT_COURIER_TOKEN + "x", report), 401, "courier-unauthenticated");
        assertProblem(courierReport("other-courier", IT_COURIER_TOKEN, report), 404, "unknown-courier");
        assertProblem(courierReport("it-courier", IT_COURIER_TOKEN, "{\"delivered\":true}"), 400, "invalid-delivery");
        assertProblem(courierReport("it-courier", IT_COURIER_TOKEN,
                "{\"tracking_ref\":\"nope\",\"delivered\":true}"), 404, "unknown-shipment");
        assertEquals("shipped", match(STATE, get(m, "/v1/purchases/" + id).body()));

        HttpResponse<String> ok = courierReport("it-courier", IT_COURIER_TOKEN, report);
        assertEquals(ok.body(), 204, ok.statusCode());
        awaitState(m, id, "settled");
        assertBooksHold();
    }

    @Test
    public void handsetAnswersOverHttpsAreTakenWithoutTellingAnything() throws Exception {
        HttpResponse<String> garbage = unsigned("POST", "/v1/handset/answers", "application/vnd.accord.response",
                "x".repeat(215));
        assertEquals(garbage.body(), 202, garbage.statusCode());
        assertEquals("", garbage.body());
        assertProblem(unsigned("POST", "/v1/handset/answers", "text/plain", "x".repeat(215)), 415,
                "unsupported-media-type");
        assertProblem(unsigned("POST", "/v1/handset/answers", "application/octet-stream", "x".repeat(1025)), 413,
                "body-too-large");
    }

    // ------------------------------------------------------------------ events and their replay

    @Test
    public void aMerchantReadsAnEventAndReplaysItToItsWebhookEndpoint() throws Exception {
        ApiMerchant a = apiMerchant(true);
        ApiMerchant b = apiMerchant(true);
        Shopper shopper = shopper(10_000);
        try (org.accordpay.itests.support.WebhookReceiver receiver = new org.accordpay.itests.support.WebhookReceiver()) {
            String endpoint = match(Pattern.compile("\"id\":\"(whk_[0-9a-f]+)\""),
                    post(a, "/v1/webhook-endpoints", "{\"url\":\"" + receiver.url() + "\"}").body());
            String id = match(ID, post(a, "/v1/purchases", createBody(shopper.phone(), 800, 1, "EUR")).body());
            awaitState(a, id, "in_escrow");
            String eventId = match(EVENT, get(a, "/v1/events?after=0&limit=500").body());
            assertTrue("delivered once", waitFor(() -> deliveries(receiver, eventId) == 1));

            HttpResponse<String> one = get(a, "/v1/events/" + eventId);
            assertEquals(one.body(), 200, one.statusCode());
            assertTrue(one.body(), one.body().contains("\"purchase_id\":\"" + id + "\""));

            // another merchant's event, the other mode's, an unknown one: all the same 404, nothing replayed
            KeyPair live = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = live.getPublic().getEncoded();
            ApiMerchant aLive = new ApiMerchant(a.merchant(), merchantKeys.register(a.merchant().id(), Mode.LIVE,
                    Arrays.copyOfRange(spki, spki.length - 32, spki.length), "it-operator").keyId(), live.getPrivate());
            for (ApiMerchant other : List.of(b, aLive)) {
                assertProblem(get(other, "/v1/events/" + eventId), 404, "unknown-event");
                assertProblem(post(other, "/v1/events/" + eventId + "/replay", "{}"), 404, "unknown-event");
            }
            assertProblem(post(a, "/v1/events/evt_000000000000000000000000/replay", "{}"), 404, "unknown-event");
            assertProblem(post(a, "/v1/events/" + eventId + "/replay", "{\"endpoint\":\"whk_nosuch\"}"), 404,
                    "unknown-endpoint");
            assertProblem(send(a, "POST", "/v1/events/" + eventId + "/replay", "{}", null, null), 400,
                    "idempotency-key-required");
            Thread.sleep(500); // a wrong delivery would have had time to arrive
            assertEquals("refusals replay nothing", 1, deliveries(receiver, eventId));

            HttpResponse<String> replay = post(a, "/v1/events/" + eventId + "/replay",
                    "{\"endpoint\":\"" + endpoint + "\"}");
            assertEquals(replay.body(), 202, replay.statusCode());
            assertTrue(replay.body(), replay.body().contains("\"object\":\"event_replay\""));
            assertTrue(replay.body(), replay.body().contains("\"event_id\":\"" + eventId + "\""));
            assertTrue("delivered again, with the same event id", waitFor(() -> deliveries(receiver, eventId) == 2));

            send(a, "DELETE", "/v1/webhook-endpoints/" + endpoint, "", null, null);
            assertProblem(post(a, "/v1/events/" + eventId + "/replay", "{}"), 409, "no-active-endpoint");
        }
    }

    private static long deliveries(org.accordpay.itests.support.WebhookReceiver receiver, String eventId) {
        int n = receiver.bodies().size();
        long count = 0;
        for (int i = 0; i < n; i++) {
            count += eventId.equals(receiver.header(i, "accord-event-id")) ? 1 : 0;
        }
        return count;
    }

    // ------------------------------------------------------------------ the merchant's identification table

    @Test
    public void aHighValuePurchaseNeedsTheProofFromTheMerchantsTable() throws Exception {
        ApiMerchant m = apiMerchant(true);
        Shopper shopper = shopper(200_000);
        IssuedMerchantTable table = merchantTables.issueTable(m.merchant().id(), 50_000, "EUR", "it-operator");
        HttpResponse<String> small = post(m, "/v1/purchases", createBody(shopper.phone(), 49_999, 1, "EUR"));
        assertEquals("below the threshold: the signature is enough " + small.body(), 201, small.statusCode());
        awaitState(m, match(ID, small.body()), "in_escrow"); // the customer's challenge is answered

        String body = createBody(shopper.phone(), 60_000, 1, "EUR");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> asked = send(m, "POST", "/v1/purchases", body, key, null);
        assertProblem(asked, 428, "merchant-proof-required");
        String challenge = match(Pattern.compile("\"challenge_id\":\"(mch_[0-9a-f]+)\""), asked.body());
        int cell = Integer.parseInt(match(Pattern.compile("\"cell\":(\\d+)"), asked.body()));
        assertEquals(sha256Hex(body), match(Pattern.compile("\"request_digest\":\"([0-9a-f]{64})\""), asked.body()));
        assertEquals(table.tableId(), match(Pattern.compile("\"table_id\":\"([0-9a-f]+)\""), asked.body()));
        assertEquals("only the small purchase exists", 1, purchaseCount(m));

        String right = challenge + ":" + proof(table, cell, challenge, sha256Hex(body));
        assertProblem(withProof(m, body, key, challenge + ":" + proof(table, (cell + 1) % table.cellCount(), challenge,
                sha256Hex(body))), 403, "invalid-merchant-proof");
        String otherBody = createBody(shopper.phone(), 90_000, 1, "EUR");
        assertProblem(withProof(m, otherBody, UUID.randomUUID().toString(), right), 403, "invalid-merchant-proof");
        assertEquals("refused proofs create nothing", 1, purchaseCount(m));

        HttpResponse<String> created = withProof(m, body, key, right);
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals("challenged", match(STATE, created.body()));
        assertEquals(2, purchaseCount(m));
        assertProblem(withProof(m, body, UUID.randomUUID().toString(), right), 409, "merchant-proof-used");
        assertEquals("a replayed proof creates nothing", 2, purchaseCount(m));
        assertEquals("Accord's copy of each challenged cell is gone", table.cellCount() - 1,
                merchantTables.table(m.merchant().id()).orElseThrow().remainingCells());

        String late = createBody(shopper.phone(), 70_000, 1, "EUR");
        HttpResponse<String> lateAsked = post(m, "/v1/purchases", late);
        assertProblem(lateAsked, 428, "merchant-proof-required");
        String lateChallenge = match(Pattern.compile("\"challenge_id\":\"(mch_[0-9a-f]+)\""), lateAsked.body());
        int lateCell = Integer.parseInt(match(Pattern.compile("\"cell\":(\\d+)"), lateAsked.body()));
        clockControl.advance(Duration.ofMinutes(4));
        assertProblem(withProof(m, late, UUID.randomUUID().toString(), lateChallenge + ":"
                + proof(table, lateCell, lateChallenge, sha256Hex(late))), 409, "merchant-challenge-expired");
        assertEquals("an expired challenge creates nothing", 2, purchaseCount(m));
    }

    /** The merchant's computation (docs/merchant-api.md): base64url(HMAC-SHA256(cell, label, challenge, digest)). */
    private static String proof(IssuedMerchantTable table, int cell, String challengeId, String digest)
            throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(Arrays.copyOfRange(table.cells(), cell * table.cellLength(),
                (cell + 1) * table.cellLength()), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("accord-merchant-proof-v1\n"
                + challengeId + "\n" + digest).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> withProof(ApiMerchant m, String body, String key, String proof) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(signed(m, "POST", "/v1/purchases", body, key, null), (n, v) -> true)
                .header("Accord-Merchant-Proof", proof).build();
        return client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private int purchaseCount(ApiMerchant m) {
        return purchases.listForMerchant(m.merchant().id(), Instant.EPOCH, Instant.parse("2199-01-01T00:00:00Z"), null,
                100).size();
    }

    private static String sha256Hex(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertCheckoutState(String state, HttpResponse<String> r) {
        assertEquals(r.body(), 200, r.statusCode());
        assertEquals(r.body(), state, match(STATE, r.body()));
        assertFalse(r.body(), r.body().contains("phone"));
    }

    private static String hostedBody(long unitPrice, int quantity, String returnUrl) {
        return "{\"checkout\":\"hosted\",\"items\":[{\"name\":\"Book\",\"unit_price\":" + unitPrice
                + ",\"quantity\":" + quantity + "}],\"currency\":\"EUR\",\"merchant_order_ref\":\"order-"
                + UUID.randomUUID() + "\"" + (returnUrl == null ? "" : ",\"return_url\":\"" + returnUrl + "\"") + "}";
    }

    private HttpResponse<String> courierReport(String courierId, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/v1/couriers/" + courierId + "/deliveries"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request without signature or idempotency key, as the payment page and handsets send them. */
    protected HttpResponse<String> unsigned(String method, String path, String type, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
            if (body == null) {
                b.GET();
            } else {
                b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            return client().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** @return a merchant (admitted or only applied) with a fresh test key */
    protected ApiMerchant apiMerchant(boolean admitted) throws Exception {
        Merchant merchant;
        if (admitted) {
            merchant = admittedMerchant();
        } else {
            String name = "Applied" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            merchant = merchants.apply(new MerchantApplication(name + " SAS", "Shop " + name,
                    new BankAccount(germanIban(), null, name + " SAS")), "it-operator");
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        MerchantKey key = merchantKeys.register(merchant.id(), Mode.TEST, raw, "it-operator");
        return new ApiMerchant(merchant, key.keyId(), pair.getPrivate());
    }

    protected static String createBody(String phone, long unitPrice, int quantity, String currency) {
        return "{\"customer\":{\"phone\":\"" + phone + "\",\"country\":\"FR\"},\"items\":[{\"name\":\"Book\","
                + "\"unit_price\":" + unitPrice + ",\"quantity\":" + quantity + "}],\"currency\":\"" + currency
                + "\",\"merchant_order_ref\":\"order-" + UUID.randomUUID() + "\"}";
    }

    protected HttpResponse<String> get(ApiMerchant m, String path) throws Exception {
        return send(m, "GET", path, "", null, null);
    }

    /**
     * Posts a body over the limit. The server answers 413 as soon as it has read past the limit and
     * closes; a client still writing the rest can see a broken pipe instead of that answer (a race
     * of the transport, not a server error), so such an attempt is made again, a few times.
     */
    private HttpResponse<String> oversize(ApiMerchant m, String big) throws Exception {
        java.io.IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return post(m, "/v1/purchases", big);
            } catch (java.io.IOException e) {
                last = e;
            }
        }
        throw last;
    }

    protected HttpResponse<String> post(ApiMerchant m, String path, String body) throws Exception {
        return send(m, "POST", path, body, UUID.randomUUID().toString(), null);
    }

    protected HttpResponse<String> send(ApiMerchant m, String method, String path, String body, String idempotencyKey,
            String timestamp) throws Exception {
        return client().send(signed(m, method, path, body, idempotencyKey, timestamp),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs as docs/merchant-api.md says: Ed25519 over METHOD\npath-with-query\ntimestamp\nhex(sha256(body)). */
    protected HttpRequest signed(ApiMerchant m, String method, String path, String body, String idempotencyKey,
            String timestamp) throws Exception {
        // RFC 3339 with microseconds: Ed25519 is deterministic, so two identical requests signed within the
        // same second would carry the same signature and the second would be refused as a replay
        String ts = timestamp != null ? timestamp : clock.now().toString();
        return SignedApi.signed(base(), m.keyId(), m.key(), method, path, body, idempotencyKey, ts);
    }

    protected String awaitState(ApiMerchant m, String id, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(m, "/v1/purchases/" + id);
            body = r.body();
            if (r.statusCode() == 200 && state.equals(match(STATE, body))) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " did not reach " + state + ": " + body);
    }

    protected static void assertProblem(HttpResponse<String> r, int status, String code) {
        assertEquals(r.body(), status, r.statusCode());
        assertEquals(r.body(), "application/problem+json", r.headers().firstValue("Content-Type").orElse("")
                .replaceFirst(";.*", ""));
        assertTrue(r.body(), r.body().contains("\"type\":\"https://accordpay.org/problems/" + code + "\""));
        assertTrue(r.body(), r.body().contains("\"title\":"));
        assertTrue(r.body(), r.body().contains("\"status\":" + status));
    }

    private static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertTrue(body, m.find());
        return m.group(1);
    }

    /** @return the API's base URL: the configured port, over TLS with the generated certificate trusted */
    protected String base() throws Exception {
        if (base == null) {
            Object port = configurationAdmin.getConfiguration(REST_PID, "?").getProperties().get("port");
            base = "https://127.0.0.1:" + port;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try {
                    HttpResponse<String> r = client().send(HttpRequest.newBuilder(URI.create(base + "/v1/health"))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                }
                Thread.sleep(200);
            }
        }
        return base;
    }

    /** @return a client that trusts the distribution's self-signed certificate (tests only) */
    protected HttpClient client() throws Exception {
        if (http == null) {
            http = SignedApi.trusting(Path.of(System.getProperty("karaf.etc")).resolve("accord-rest.p12"), "accord-rest");
        }
        return http;
    }
}

package org.accordpay.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.api.webhook.WebhookException;
import org.accordpay.api.webhook.dto.WebhookEndpoint;

/** Registration, replay and listing of merchants' webhook endpoints; each change audited. */
final class WebhookService implements WebhookEndpoints {

    private final AccordStore store;
    private final AccordClock clock;
    private final WebhookSigner signer;
    private final Runnable wake;
    private final SecureRandom random = new SecureRandom();

    WebhookService(AccordStore store, AccordClock clock, WebhookSigner signer, Runnable wake) {
        this.store = store;
        this.clock = clock;
        this.signer = signer;
        this.wake = wake;
    }

    @Override
    public WebhookEndpoint register(String merchantId, String url, Mode mode, long fromSeq, String actor) {
        if (merchantId == null || merchantId.isBlank() || mode == null) {
            throw new WebhookException(WebhookException.INVALID_URL, "merchant and mode are required");
        }
        TargetPolicy.check(url, mode);
        byte[] id = new byte[10];
        random.nextBytes(id);
        Instant now = clock.now();
        WebhookEndpoint endpoint = new WebhookEndpoint("whk_" + HexFormat.of().formatHex(id), merchantId, url, mode, now,
                null, Math.max(0, fromSeq), null, null);
        store.transact(tx -> {
            tx.webhooks().insert(endpoint);
            audit(tx, "webhook.registered", endpoint, actor + "|" + url + "|" + mode + "|" + fromSeq);
            return null;
        });
        wake.run();
        return endpoint;
    }

    @Override
    public WebhookEndpoint disable(String merchantId, String endpointId, String actor) {
        return store.transact(tx -> {
            WebhookEndpoint e = owned(tx, merchantId, endpointId);
            tx.webhooks().disable(endpointId, clock.now());
            audit(tx, "webhook.disabled", e, actor);
            return tx.webhooks().find(endpointId).orElseThrow();
        });
    }

    @Override
    public WebhookEndpoint replayFrom(String merchantId, String endpointId, long afterSeq, String actor) {
        WebhookEndpoint replayed = store.transact(tx -> {
            WebhookEndpoint e = owned(tx, merchantId, endpointId);
            tx.webhooks().rewind(endpointId, Math.max(0, afterSeq), clock.now());
            audit(tx, "webhook.replay", e, actor + "|" + afterSeq);
            return tx.webhooks().find(endpointId).orElseThrow();
        });
        wake.run();
        return replayed;
    }

    @Override
    public List<WebhookEndpoint> list(String merchantId) {
        return store.transact(tx -> tx.webhooks().forMerchant(merchantId));
    }

    @Override
    public String signingKey() {
        return signer.keyId() + ":" + HexFormat.of().formatHex(signer.publicKey());
    }

    private static WebhookEndpoint owned(StoreTransaction tx, String merchantId, String endpointId) {
        return tx.webhooks().find(endpointId).filter(e -> e.merchantId().equals(merchantId))
                .orElseThrow(() -> new WebhookException(WebhookException.UNKNOWN_ENDPOINT,
                        "no webhook endpoint " + endpointId + " for merchant " + merchantId));
    }

    private static void audit(StoreTransaction tx, String type, WebhookEndpoint e, String detail) {
        tx.audit().append(type, null,
                (type + "|" + e.id() + "|" + e.merchantId() + "|" + detail).getBytes(StandardCharsets.UTF_8));
    }
}

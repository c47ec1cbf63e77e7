package org.accordpay.api.webhook;

import java.util.List;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.webhook.dto.WebhookEndpoint;

/**
 * Merchants' webhook endpoints. Accord signs every delivery with its webhook key (Ed25519; the
 * public key is in {@code etc/accord-webhook.pub}), so a merchant verifies without holding any
 * secret Accord must keep.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WebhookEndpoints {
    /**
     * Registers a URL. Live endpoints must be https and resolve to public addresses only; test
     * endpoints may be plain http and local (for development).
     *
     * @param fromSeq deliver events after this sequence number (0: all of the merchant's events)
     * @throws WebhookException invalid URL or forbidden target
     */
    WebhookEndpoint register(String merchantId, String url, Mode mode, long fromSeq, String actor);

    /** Stops deliveries to an endpoint. */
    WebhookEndpoint disable(String merchantId, String endpointId, String actor);

    /**
     * Delivers again every event after {@code afterSeq} (a merchant's replay).
     *
     * @throws WebhookException unknown endpoint
     */
    WebhookEndpoint replayFrom(String merchantId, String endpointId, long afterSeq, String actor);

    /** @return the merchant's endpoints, active and disabled */
    List<WebhookEndpoint> list(String merchantId);

    /** @return the hex Ed25519 public key deliveries are signed with, and its key id before a colon */
    String signingKey();
}

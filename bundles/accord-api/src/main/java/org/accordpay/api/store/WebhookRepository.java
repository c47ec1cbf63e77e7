package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.webhook.dto.WebhookEndpoint;

/** Webhook endpoints and where each one's deliveries stand. */
@org.osgi.annotation.versioning.ProviderType
public interface WebhookRepository {
    /** Stores a new endpoint; its id must be new. */
    void insert(WebhookEndpoint endpoint);

    /** @return the endpoint, if it exists */
    Optional<WebhookEndpoint> find(String endpointId);

    /** @return a merchant's endpoints, oldest first */
    List<WebhookEndpoint> forMerchant(String merchantId);

    /** @return up to {@code limit} active endpoints whose next attempt is due at {@code now} */
    List<WebhookEndpoint> due(Instant now, int limit);

    /** Records that events up to {@code seq} are handled; clears the failure. */
    void advance(String endpointId, long seq);

    /** Records a failed delivery and when to try again; {@code failingSince} is kept if already set. */
    void failed(String endpointId, Instant at, String error, Instant nextAttemptAt);

    /** Moves the cursor back (replay) or forward, and makes the endpoint due now. */
    void rewind(String endpointId, long seq, Instant now);

    /** Disables an endpoint. */
    void disable(String endpointId, Instant at);
}

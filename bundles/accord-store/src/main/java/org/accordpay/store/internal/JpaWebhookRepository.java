package org.accordpay.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.WebhookRepository;
import org.accordpay.api.webhook.dto.WebhookEndpoint;
import org.accordpay.store.internal.entity.WebhookEndpointEntity;

/** Webhook endpoints with their delivery cursor and back-off. */
final class JpaWebhookRepository implements WebhookRepository {

    private final JpaStoreTransaction tx;

    JpaWebhookRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(WebhookEndpoint w) {
        WebhookEndpointEntity e = new WebhookEndpointEntity();
        e.id = w.id();
        e.merchantId = w.merchantId();
        e.url = w.url();
        e.mode = w.mode().name();
        e.createdAt = Times.toMicros(w.createdAt());
        e.disabledAt = w.disabledAt() == null ? null : Times.toMicros(w.disabledAt());
        e.deliveredUpTo = w.deliveredUpTo();
        e.nextAttemptAt = e.createdAt;
        tx.em().persist(e);
        tx.em().flush();
    }

    @Override
    public Optional<WebhookEndpoint> find(String endpointId) {
        return Optional.ofNullable(tx.em().find(WebhookEndpointEntity.class, endpointId))
                .map(JpaWebhookRepository::toEndpoint);
    }

    @Override
    public List<WebhookEndpoint> forMerchant(String merchantId) {
        return tx.em().createQuery("select w from WebhookEndpointEntity w where w.merchantId = :m"
                        + " order by w.createdAt, w.id", WebhookEndpointEntity.class)
                .setParameter("m", merchantId).getResultList().stream().map(JpaWebhookRepository::toEndpoint).toList();
    }

    @Override
    public List<WebhookEndpoint> due(Instant now, int limit) {
        return tx.em().createQuery("select w from WebhookEndpointEntity w where w.disabledAt is null"
                        + " and w.nextAttemptAt <= :now order by w.nextAttemptAt, w.id", WebhookEndpointEntity.class)
                .setParameter("now", Times.toMicros(now)).setMaxResults(limit).getResultList().stream()
                .map(JpaWebhookRepository::toEndpoint).toList();
    }

    @Override
    public void advance(String endpointId, long seq) {
        WebhookEndpointEntity e = require(endpointId);
        e.deliveredUpTo = Math.max(e.deliveredUpTo, seq);
        e.failingSince = null;
        e.lastError = null;
        tx.em().flush();
    }

    @Override
    public void failed(String endpointId, Instant at, String error, Instant nextAttemptAt) {
        WebhookEndpointEntity e = require(endpointId);
        if (e.failingSince == null) {
            e.failingSince = Times.toMicros(at);
        }
        e.lastError = error == null ? null : error.substring(0, Math.min(1000, error.length()));
        e.nextAttemptAt = Times.toMicros(nextAttemptAt);
        tx.em().flush();
    }

    @Override
    public void rewind(String endpointId, long seq, Instant now) {
        WebhookEndpointEntity e = require(endpointId);
        e.deliveredUpTo = seq;
        e.failingSince = null;
        e.lastError = null;
        e.nextAttemptAt = Times.toMicros(now);
        tx.em().flush();
    }

    @Override
    public void disable(String endpointId, Instant at) {
        WebhookEndpointEntity e = require(endpointId);
        if (e.disabledAt == null) {
            e.disabledAt = Times.toMicros(at);
        }
        tx.em().flush();
    }

    private WebhookEndpointEntity require(String id) {
        WebhookEndpointEntity e = tx.em().find(WebhookEndpointEntity.class, id);
        if (e == null) {
            throw new StoreException("webhook endpoint " + id + " does not exist");
        }
        return e;
    }

    private static WebhookEndpoint toEndpoint(WebhookEndpointEntity e) {
        return new WebhookEndpoint(e.id, e.merchantId, e.url, Mode.valueOf(e.mode), Times.fromMicros(e.createdAt),
                e.disabledAt == null ? null : Times.fromMicros(e.disabledAt), e.deliveredUpTo,
                e.failingSince == null ? null : Times.fromMicros(e.failingSince), e.lastError);
    }
}

package org.accordpay.store.internal;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.accordpay.api.store.OutboxRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.store.internal.entity.OutboxEntity;

/** The transactional outbox; rows carry a version so two workers never both update one row. */
final class JpaOutboxRepository implements OutboxRepository {

    static final int MAX_ERROR = 1000;

    private final JpaStoreTransaction tx;

    JpaOutboxRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void enqueue(OutboxMessage m) {
        Objects.requireNonNull(m, "message");
        Objects.requireNonNull(m.id(), "message id");
        OutboxEntity e = new OutboxEntity();
        e.id = m.id();
        e.channel = m.channel();
        e.destination = m.destination();
        e.purchaseId = m.purchaseId();
        e.payload = m.payload() == null ? new byte[0] : m.payload().clone();
        e.attempts = m.attempts();
        e.nextAttemptAt = Times.toMicros(m.nextAttemptAt());
        e.createdAt = Times.toMicros(m.createdAt());
        e.lastError = truncate(m.lastError());
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("outbox row " + m.id() + " already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public List<OutboxMessage> pending(int limit) {
        return tx.em().createQuery("select o from OutboxEntity o where o.doneAt is null order by o.createdAt, o.id",
                        OutboxEntity.class)
                .setMaxResults(Math.max(1, limit))
                .getResultList().stream().map(JpaOutboxRepository::toMessage).toList();
    }

    @Override
    public List<OutboxMessage> due(String channel, Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.em().createQuery("select o from OutboxEntity o where o.channel = :channel and o.doneAt is null"
                        + " and o.nextAttemptAt <= :now order by o.createdAt, o.id", OutboxEntity.class)
                .setParameter("channel", channel)
                .setParameter("now", Times.toMicros(now))
                .setMaxResults(limit)
                .getResultList().stream().map(JpaOutboxRepository::toMessage).toList();
    }

    @Override
    public void markDone(String messageId, Instant at) {
        markDone(messageId, at, null);
    }

    @Override
    public void markDone(String messageId, Instant at, String deliveredVia) {
        OutboxEntity e = require(messageId);
        e.doneAt = Times.toMicros(at);
        e.deliveredVia = deliveredVia == null ? null : deliveredVia.substring(0, Math.min(128, deliveredVia.length()));
        tx.em().flush();
    }

    @Override
    public java.util.Optional<String> deliveredVia(String messageId) {
        return java.util.Optional.ofNullable(tx.em().find(OutboxEntity.class, messageId)).map(e -> e.deliveredVia);
    }

    @Override
    public void reschedule(String messageId, Instant nextAttemptAt, String lastError) {
        OutboxEntity e = require(messageId);
        e.attempts++;
        e.nextAttemptAt = Times.toMicros(nextAttemptAt);
        e.lastError = truncate(lastError);
        tx.em().flush();
    }

    private OutboxEntity require(String id) {
        OutboxEntity e = tx.em().find(OutboxEntity.class, id);
        if (e == null) {
            throw new StoreException("outbox row " + id + " does not exist");
        }
        return e;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    static OutboxMessage toMessage(OutboxEntity e) {
        return new OutboxMessage(e.id, e.channel, e.destination, e.purchaseId, e.payload.clone(), e.attempts,
                Times.fromMicros(e.nextAttemptAt), Times.fromMicros(e.createdAt), e.lastError);
    }
}

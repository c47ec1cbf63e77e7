package org.accordpay.store.internal;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.accordpay.api.store.OutboxRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.store.dto.SmsAttempt;
import org.accordpay.store.internal.entity.SmsAttemptEntity;
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
                        // the order of ix_outbox_due (channel, done_at, next_attempt_at, then the primary key):
                        // no sort of the pending rows per pass
                        + " and o.nextAttemptAt <= :now order by o.nextAttemptAt, o.id", OutboxEntity.class)
                .setParameter("channel", channel)
                .setParameter("now", Times.toMicros(now))
                .setMaxResults(limit)
                .getResultList().stream().map(JpaOutboxRepository::toMessage).toList();
    }

    @Override
    public void claim(List<String> messageIds, Instant until) {
        if (messageIds.isEmpty()) {
            return;
        }
        tx.em().createQuery("update OutboxEntity o set o.nextAttemptAt = :until, o.version = o.version + 1"
                        + " where o.id in :ids and o.doneAt is null")
                .setParameter("until", Times.toMicros(until)).setParameter("ids", messageIds).executeUpdate();
    }

    @Override
    public void markDone(String messageId, Instant at) {
        markDone(messageId, at, null);
    }

    @Override
    public void markDone(String messageId, Instant at, String deliveredVia) {
        OutboxEntity e = require(messageId);
        e.doneAt = Times.toMicros(at);
        if (deliveredVia != null || e.deliveredVia == null) {
            e.deliveredVia = clip(deliveredVia, 128);
        }
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

    @Override
    public void awaitReceipt(SmsAttempt attempt, Instant receiptDueAt, String deliveredVia) {
        recordAttempt(attempt);
        OutboxEntity e = require(attempt.messageId());
        e.attempts++;
        e.nextAttemptAt = Times.toMicros(receiptDueAt);
        e.deliveredVia = clip(deliveredVia, 128);
        e.lastError = null;
        tx.em().flush();
    }

    @Override
    public void recordAttempt(SmsAttempt a) {
        SmsAttemptEntity e = toEntity(a);
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("attempt " + a.attemptNo() + " of " + a.messageId() + " already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public List<SmsAttempt> attempts(String messageId) {
        return tx.em().createQuery("select a from SmsAttemptEntity a where a.key.messageId = :id"
                        + " order by a.key.attemptNo", SmsAttemptEntity.class)
                .setParameter("id", messageId)
                .getResultList().stream().map(JpaOutboxRepository::toAttempt).toList();
    }

    @Override
    public java.util.Optional<SmsAttempt> matchReport(String messageId, String carrierId, boolean delivered,
            String detail, Instant at) {
        List<SmsAttemptEntity> open = tx.em().createQuery("select a from SmsAttemptEntity a where a.key.messageId = :id"
                        + " and a.carrierId = :carrier and a.reportedAt is null order by a.key.attemptNo desc",
                        SmsAttemptEntity.class)
                .setParameter("id", messageId).setParameter("carrier", carrierId)
                .setMaxResults(1).getResultList();
        if (open.isEmpty()) {
            return java.util.Optional.empty();
        }
        SmsAttemptEntity a = open.get(0);
        a.reportedAt = Times.toMicros(at);
        a.delivered = delivered;
        a.detail = clip(detail, 255);
        OutboxEntity row = tx.em().find(OutboxEntity.class, messageId);
        if (row != null && row.doneAt == null) {
            if (delivered) {
                row.doneAt = Times.toMicros(at);
            } else if (isLatest(a)) {
                // an older carrier's failure says nothing about the hand-over that followed it
                row.nextAttemptAt = Times.toMicros(at);
                row.lastError = truncate("carrier " + carrierId + " could not deliver: " + detail);
            }
        }
        tx.em().flush();
        return java.util.Optional.of(toAttempt(a));
    }

    @Override
    public void awaitReceipts(List<SmsAttempt> attempts, Instant receiptDueAt, java.util.Map<String, String> via) {
        if (attempts.isEmpty()) {
            return;
        }
        for (SmsAttempt a : attempts) {
            tx.em().persist(toEntity(a));
        }
        tx.em().flush();
        java.util.Map<String, List<String>> byVia = new java.util.HashMap<>();
        for (SmsAttempt a : attempts) {
            byVia.computeIfAbsent(String.valueOf(clip(via.get(a.messageId()), 128)), k -> new java.util.ArrayList<>())
                    .add(a.messageId());
        }
        long due = Times.toMicros(receiptDueAt);
        for (var e : byVia.entrySet()) {
            int n = tx.em().createQuery("update OutboxEntity o set o.attempts = o.attempts + 1,"
                            + " o.nextAttemptAt = :due, o.deliveredVia = :via, o.lastError = null,"
                            + " o.version = o.version + 1 where o.id in :ids")
                    .setParameter("due", due).setParameter("via", e.getKey().equals("null") ? null : e.getKey())
                    .setParameter("ids", e.getValue()).executeUpdate();
            if (n != e.getValue().size()) {
                throw new StoreException("outbox rows missing among " + e.getValue().size() + " hand-overs");
            }
        }
    }

    @Override
    public List<java.util.Optional<SmsAttempt>> matchReports(List<org.accordpay.api.store.dto.SmsReport> reports,
            Instant at) {
        if (reports.isEmpty()) {
            return List.of();
        }
        List<String> ids = reports.stream().map(org.accordpay.api.store.dto.SmsReport::messageId).distinct().toList();
        // every hand-over of these rows: waiting ones are matched, the highest number tells the latest
        java.util.Map<String, List<SmsAttemptEntity>> byMessage = new java.util.HashMap<>();
        for (SmsAttemptEntity a : tx.em().createQuery("select a from SmsAttemptEntity a where a.key.messageId in :ids",
                SmsAttemptEntity.class).setParameter("ids", ids).getResultList()) {
            tx.em().detach(a); // read only: the reports are written below in a few statements, not row by row
            byMessage.computeIfAbsent(a.key.messageId, k -> new java.util.ArrayList<>()).add(a);
        }
        long when = Times.toMicros(at);
        List<java.util.Optional<SmsAttempt>> out = new java.util.ArrayList<>();
        List<String> delivered = new java.util.ArrayList<>();
        // reports with the same carrier, verdict, status text and attempt number are written by one UPDATE
        java.util.Map<List<Object>, List<String>> groups = new java.util.LinkedHashMap<>();
        for (var r : reports) {
            List<SmsAttemptEntity> all = byMessage.getOrDefault(r.messageId(), List.of());
            SmsAttemptEntity match = all.stream()
                    .filter(a -> a.carrierId.equals(r.carrierId()) && a.reportedAt == null)
                    .max(java.util.Comparator.comparingInt(a -> a.key.attemptNo)).orElse(null);
            if (match == null) {
                out.add(java.util.Optional.empty());
                continue;
            }
            match.reportedAt = when; // detached: marks it taken for the rest of this batch
            match.delivered = r.delivered();
            match.detail = clip(r.detail(), 255);
            groups.computeIfAbsent(java.util.Arrays.asList(r.carrierId(), r.delivered(), match.detail,
                            match.key.attemptNo),
                    k -> new java.util.ArrayList<>()).add(r.messageId());
            if (r.delivered()) {
                delivered.add(r.messageId());
            } else if (all.stream().mapToInt(a -> a.key.attemptNo).max().orElse(0) == match.key.attemptNo) {
                OutboxEntity row = tx.em().find(OutboxEntity.class, r.messageId());
                if (row != null && row.doneAt == null) {
                    row.nextAttemptAt = when;
                    row.lastError = truncate("carrier " + r.carrierId() + " could not deliver: " + r.detail());
                }
            }
            out.add(java.util.Optional.of(toAttempt(match)));
        }
        tx.em().flush();
        for (var g : groups.entrySet()) {
            tx.em().createQuery("update SmsAttemptEntity a set a.reportedAt = :at, a.delivered = :delivered,"
                            + " a.detail = :detail where a.key.messageId in :ids and a.key.attemptNo = :attempt")
                    .setParameter("at", when).setParameter("delivered", g.getKey().get(1))
                    .setParameter("detail", g.getKey().get(2)).setParameter("ids", g.getValue())
                    .setParameter("attempt", g.getKey().get(3)).executeUpdate();
        }
        if (!delivered.isEmpty()) {
            tx.em().createQuery("update OutboxEntity o set o.doneAt = :at, o.version = o.version + 1"
                    + " where o.id in :ids and o.doneAt is null")
                    .setParameter("at", when).setParameter("ids", delivered).executeUpdate();
        }
        return out;
    }

    private static SmsAttemptEntity toEntity(SmsAttempt a) {
        SmsAttemptEntity e = new SmsAttemptEntity();
        e.key = new SmsAttemptEntity.Key(a.messageId(), a.attemptNo());
        e.carrierId = a.carrierId();
        e.toE164 = a.toE164();
        e.sentAt = Times.toMicros(a.sentAt());
        e.reportedAt = a.reportedAt() == null ? null : Times.toMicros(a.reportedAt());
        e.delivered = a.delivered();
        e.detail = clip(a.detail(), 255);
        return e;
    }

    private boolean isLatest(SmsAttemptEntity a) {
        Integer latest = tx.em().createQuery("select max(a.key.attemptNo) from SmsAttemptEntity a"
                + " where a.key.messageId = :id", Integer.class).setParameter("id", a.key.messageId).getSingleResult();
        return latest != null && latest == a.key.attemptNo;
    }

    private static SmsAttempt toAttempt(SmsAttemptEntity e) {
        return new SmsAttempt(e.key.messageId, e.key.attemptNo, e.carrierId, e.toE164, Times.fromMicros(e.sentAt),
                e.reportedAt == null ? null : Times.fromMicros(e.reportedAt), e.delivered, e.detail);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
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

package org.accordpay.store.internal;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
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
    /** Ids per IN list at most in the batch statements. */
    private static final int IN_CHUNK = 500;

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
        // the order of ix_outbox_due (channel, done_at, next_attempt_at, then the primary key): no sort of the
        // pending rows per pass; plain JDBC, as the SMS pump reads a batch of rows many times a second
        return tx.sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, channel, destination, purchase_id, payload,"
                    + " attempts, next_attempt_at, created_at, last_error FROM outbox_message WHERE channel = ?"
                    + " AND done_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")) {
                ps.setString(1, channel);
                ps.setLong(2, Times.toMicros(now));
                ps.setInt(3, limit);
                List<OutboxMessage> due = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new OutboxMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getBytes(5), rs.getInt(6), Times.fromMicros(rs.getLong(7)),
                                Times.fromMicros(rs.getLong(8)), rs.getString(9)));
                    }
                }
                return due;
            }
        });
    }

    @Override
    public void claim(List<String> messageIds, Instant until) {
        if (messageIds.isEmpty()) {
            return;
        }
        tx.sql(c -> updateEach(c, "UPDATE outbox_message SET next_attempt_at = ?, version = version + 1"
                + " WHERE done_at IS NULL AND id IN ", messageIds, ps -> {
                    ps.setLong(1, Times.toMicros(until));
                    return 1;
                }));
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
        // one UPDATE per connector and outcome: still waiting (done_at null), or closed by a report that came first
        java.util.Map<java.util.Map.Entry<String, Long>, List<String>> groups = new java.util.HashMap<>();
        for (SmsAttempt a : attempts) {
            Long closedAt = a.reportedAt() != null && Boolean.TRUE.equals(a.delivered())
                    ? Times.toMicros(a.reportedAt()) : null;
            groups.computeIfAbsent(new java.util.AbstractMap.SimpleEntry<>(
                    String.valueOf(clip(via.get(a.messageId()), 128)), closedAt), k -> new ArrayList<>())
                    .add(a.messageId());
        }
        long due = Times.toMicros(receiptDueAt);
        tx.sql(c -> {
            insertAttempts(c, attempts);
            for (var e : groups.entrySet()) {
                String connector = e.getKey().getKey();
                Long closedAt = e.getKey().getValue();
                int n = updateEach(c, "UPDATE outbox_message SET attempts = attempts + 1, next_attempt_at = ?,"
                        + " delivered_via = ?, last_error = NULL, done_at = ?, version = version + 1 WHERE id IN ",
                        e.getValue(), ps -> {
                            ps.setLong(1, due);
                            ps.setString(2, connector.equals("null") ? null : connector);
                            if (closedAt == null) {
                                ps.setNull(3, Types.BIGINT);
                            } else {
                                ps.setLong(3, closedAt);
                            }
                            return 3;
                        });
                if (n != e.getValue().size()) {
                    throw new StoreException("outbox rows missing among " + e.getValue().size() + " hand-overs");
                }
            }
            return null;
        });
    }

    private static void insertAttempts(Connection c, List<SmsAttempt> attempts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sms_attempt (message_id, attempt_no, carrier_id,"
                + " to_e164, sent_at, reported_at, delivered, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SmsAttempt a : attempts) {
                ps.setString(1, a.messageId());
                ps.setInt(2, a.attemptNo());
                ps.setString(3, a.carrierId());
                ps.setString(4, a.toE164());
                ps.setLong(5, Times.toMicros(a.sentAt()));
                if (a.reportedAt() == null) {
                    ps.setNull(6, Types.BIGINT);
                } else {
                    ps.setLong(6, Times.toMicros(a.reportedAt()));
                }
                if (a.delivered() == null) {
                    ps.setNull(7, Types.BOOLEAN);
                } else {
                    ps.setBoolean(7, a.delivered());
                }
                ps.setString(8, clip(a.detail(), 255));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new StoreException("a hand-over among " + attempts.size() + " is already recorded", e);
            }
            throw e;
        }
    }

    /** Binds the parameters of an UPDATE before its id list. */
    private interface Leading {
        /** @return how many it bound */
        int bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * Runs {@code sql} (ending in {@code IN }) for the ids, {@value #IN_CHUNK} at a time.
     *
     * @return rows changed
     */
    private static int updateEach(Connection c, String sql, List<String> ids, Leading leading) throws SQLException {
        int changed = 0;
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(sql + "(" + marks + ")")) {
                int first = leading.bind(ps);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(first + i + 1, chunk.get(i));
                }
                changed += ps.executeUpdate();
            }
        }
        return changed;
    }

    @Override
    public List<java.util.Optional<SmsAttempt>> matchReports(List<org.accordpay.api.store.dto.SmsReport> reports,
            Instant at) {
        if (reports.isEmpty()) {
            return List.of();
        }
        List<String> ids = reports.stream().map(org.accordpay.api.store.dto.SmsReport::messageId).distinct().toList();
        // every hand-over of these rows, in plain JDBC (no managed entities): waiting ones are matched, the
        // highest number tells the latest
        java.util.Map<String, List<Handover>> byMessage = tx.sql(c -> handovers(c, ids));
        long when = Times.toMicros(at);
        Instant reportedAt = Times.fromMicros(when);
        List<java.util.Optional<SmsAttempt>> out = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        // reports with the same carrier, verdict, status text and attempt number are written by one UPDATE
        java.util.Map<List<Object>, List<String>> groups = new java.util.LinkedHashMap<>();
        for (var r : reports) {
            List<Handover> all = byMessage.getOrDefault(r.messageId(), List.of());
            Handover match = all.stream()
                    .filter(a -> a.carrierId.equals(r.carrierId()) && !a.reported)
                    .max(java.util.Comparator.comparingInt(a -> a.attemptNo)).orElse(null);
            if (match == null) {
                out.add(java.util.Optional.empty());
                continue;
            }
            match.reported = true; // taken for the rest of this batch
            String detail = clip(r.detail(), 255);
            groups.computeIfAbsent(java.util.Arrays.asList(r.carrierId(), r.delivered(), detail, match.attemptNo),
                    k -> new ArrayList<>()).add(r.messageId());
            if (r.delivered()) {
                delivered.add(r.messageId());
            } else if (all.stream().mapToInt(a -> a.attemptNo).max().orElse(0) == match.attemptNo) {
                OutboxEntity row = tx.em().find(OutboxEntity.class, r.messageId());
                if (row != null && row.doneAt == null) {
                    row.nextAttemptAt = when;
                    row.lastError = truncate("carrier " + r.carrierId() + " could not deliver: " + r.detail());
                }
            }
            out.add(java.util.Optional.of(new SmsAttempt(match.messageId, match.attemptNo, match.carrierId,
                    match.toE164, Times.fromMicros(match.sentAt), reportedAt, r.delivered(), detail)));
        }
        tx.sql(c -> {
            for (var g : groups.entrySet()) {
                List<Object> k = g.getKey();
                updateEach(c, "UPDATE sms_attempt SET reported_at = ?, delivered = ?, detail = ? WHERE attempt_no = ?"
                        + " AND message_id IN ", g.getValue(), ps -> {
                            ps.setLong(1, when);
                            ps.setBoolean(2, (Boolean) k.get(1));
                            ps.setString(3, (String) k.get(2));
                            ps.setInt(4, (Integer) k.get(3));
                            return 4;
                        });
            }
            updateEach(c, "UPDATE outbox_message SET done_at = ?, version = version + 1 WHERE done_at IS NULL AND id IN ",
                    delivered, ps -> {
                        ps.setLong(1, when);
                        return 1;
                    });
            return null;
        });
        return out;
    }

    private static java.util.Map<String, List<Handover>> handovers(Connection c, List<String> ids) throws SQLException {
        java.util.Map<String, List<Handover>> byMessage = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id, attempt_no, carrier_id, to_e164, sent_at,"
                    + " reported_at FROM sms_attempt WHERE message_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(6);
                        boolean reported = !rs.wasNull();
                        byMessage.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Handover(
                                rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                                reported));
                    }
                }
            }
        }
        return byMessage;
    }

    /** A hand-over as {@link #matchReports} reads it; {@code reported} once a report took it. */
    private static final class Handover {
        final String messageId;
        final int attemptNo;
        final String carrierId;
        final String toE164;
        final long sentAt;
        boolean reported;

        Handover(String messageId, int attemptNo, String carrierId, String toE164, long sentAt, boolean reported) {
            this.messageId = messageId;
            this.attemptNo = attemptNo;
            this.carrierId = carrierId;
            this.toE164 = toE164;
            this.sentAt = sentAt;
            this.reported = reported;
        }
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

package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.MerchantDecision;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.registry.dto.QualityFigures;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.MerchantRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.MerchantRecord;
import org.accordpay.store.internal.entity.MerchantDecisionEntity;
import org.accordpay.store.internal.entity.MerchantEntity;

/** Merchants and their decision log; conditions are stored sorted and comma-separated. */
final class JpaMerchantRepository implements MerchantRepository {

    static final int MAX_REASON = 1000;

    private final JpaStoreTransaction tx;

    JpaMerchantRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(MerchantRecord m) {
        Objects.requireNonNull(m, "merchant");
        MerchantEntity e = new MerchantEntity();
        e.id = Objects.requireNonNull(m.id(), "merchant id");
        e.createdAt = Times.toMicros(Objects.requireNonNull(m.createdAt(), "createdAt"));
        copy(m, e);
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("merchant " + m.id() + " already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<MerchantRecord> find(String merchantId) {
        Objects.requireNonNull(merchantId, "merchant id");
        return Optional.ofNullable(tx.em().find(MerchantEntity.class, merchantId))
                .map(JpaMerchantRepository::toRecord);
    }

    @Override
    public Optional<MerchantRecord> lockForUpdate(String merchantId) {
        Objects.requireNonNull(merchantId, "merchant id");
        return Optional.ofNullable(tx.em().find(MerchantEntity.class, merchantId, LockModeType.PESSIMISTIC_WRITE))
                .map(JpaMerchantRepository::toRecord);
    }

    @Override
    public void update(MerchantRecord m) {
        Objects.requireNonNull(m, "merchant");
        EntityManager em = tx.em();
        MerchantEntity e = em.find(MerchantEntity.class, m.id());
        if (e == null) {
            throw new StoreException("merchant " + m.id() + " does not exist");
        }
        if (e.version != m.version()) {
            throw new ConcurrentUpdateException("merchant " + m.id() + " is at version " + e.version + ", not "
                    + m.version());
        }
        copy(m, e);
        em.flush();
    }

    @Override
    public List<MerchantRecord> list(String afterId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        var query = afterId == null
                ? tx.em().createQuery("select m from MerchantEntity m order by m.id", MerchantEntity.class)
                : tx.em().createQuery("select m from MerchantEntity m where m.id > :after order by m.id", MerchantEntity.class)
                        .setParameter("after", afterId);
        return query.setMaxResults(limit).getResultList().stream().map(JpaMerchantRepository::toRecord).toList();
    }

    @Override
    public List<MerchantRecord> withStatus(MerchantStatus status) {
        Objects.requireNonNull(status, "status");
        return tx.em().createQuery("select m from MerchantEntity m where m.status = :status order by m.id",
                        MerchantEntity.class)
                .setParameter("status", status.name())
                .getResultList().stream().map(JpaMerchantRepository::toRecord).toList();
    }

    @Override
    public void recordDecision(MerchantDecision d) {
        Objects.requireNonNull(d, "decision");
        MerchantDecisionEntity e = new MerchantDecisionEntity();
        e.merchantId = Objects.requireNonNull(d.merchantId(), "merchant id");
        e.at = Times.toMicros(Objects.requireNonNull(d.at(), "at"));
        e.decision = Objects.requireNonNull(d.decision(), "decision");
        e.actor = Objects.requireNonNull(d.actor(), "actor");
        String reason = Objects.requireNonNull(d.reason(), "reason");
        e.reason = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("merchant " + d.merchantId() + " does not exist", ex);
            }
            throw ex;
        }
    }

    @Override
    public List<MerchantDecision> decisions(String merchantId) {
        Objects.requireNonNull(merchantId, "merchant id");
        return tx.em().createQuery("select d from MerchantDecisionEntity d where d.merchantId = :merchant"
                        + " order by d.seq", MerchantDecisionEntity.class)
                .setParameter("merchant", merchantId)
                .getResultList().stream()
                .map(d -> new MerchantDecision(d.merchantId, Times.fromMicros(d.at), d.decision, d.actor, d.reason))
                .toList();
    }

    private static void copy(MerchantRecord m, MerchantEntity e) {
        BankAccount account = Objects.requireNonNull(m.bankAccount(), "bank account");
        QualityFigures q = Objects.requireNonNull(m.quality(), "quality");
        e.legalName = Objects.requireNonNull(m.legalName(), "legal name");
        e.displayName = Objects.requireNonNull(m.displayName(), "display name");
        e.iban = Objects.requireNonNull(account.iban(), "iban");
        e.bic = account.bic();
        e.accountHolder = Objects.requireNonNull(account.holder(), "account holder");
        e.status = Objects.requireNonNull(m.status(), "status").name();
        for (String c : m.conditions()) {
            if (c.isEmpty() || c.indexOf(',') >= 0) {
                throw new IllegalArgumentException("condition names are non-empty and have no comma: " + c);
            }
        }
        e.conditions = String.join(",", new TreeSet<>(m.conditions()));
        e.paid = q.paid();
        e.refunded = q.refunded();
        e.disputed = q.disputed();
        e.updatedAt = Times.toMicros(Objects.requireNonNull(m.updatedAt(), "updatedAt"));
    }

    static MerchantRecord toRecord(MerchantEntity e) {
        Set<String> conditions = e.conditions.isEmpty() ? Set.of()
                : Arrays.stream(e.conditions.split(",")).collect(Collectors.toUnmodifiableSet());
        return new MerchantRecord(e.id, e.legalName, e.displayName, new BankAccount(e.iban, e.bic, e.accountHolder),
                MerchantStatus.valueOf(e.status), conditions, new QualityFigures(e.paid, e.refunded, e.disputed),
                Times.fromMicros(e.createdAt), Times.fromMicros(e.updatedAt), e.version);
    }
}

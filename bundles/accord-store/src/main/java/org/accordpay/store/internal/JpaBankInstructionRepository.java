package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.store.BankInstructionRepository;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.BankInstructionRecord;
import org.accordpay.api.store.dto.InstructionKind;
import org.accordpay.api.store.dto.InstructionStatus;
import org.accordpay.store.internal.entity.BankInstructionEntity;

/** Bank instructions; status changes lock the row and compare the expected status. */
final class JpaBankInstructionRepository implements BankInstructionRepository {

    private final JpaStoreTransaction tx;

    JpaBankInstructionRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(BankInstructionRecord r) {
        Objects.requireNonNull(r.idempotencyKey(), "idempotency key");
        BankInstructionEntity e = new BankInstructionEntity();
        e.idempotencyKey = r.idempotencyKey();
        e.purchaseId = r.purchaseId();
        e.kind = r.kind().name();
        e.bankId = r.bankId();
        e.mode = r.mode().name();
        e.iban = r.counterparty().iban();
        e.bic = r.counterparty().bic();
        e.holder = r.counterparty().holder();
        e.amountMinor = r.amount().minorUnits();
        e.currency = r.amount().currency();
        e.status = r.status().name();
        e.reason = r.reason() == null ? null : r.reason().name();
        e.createdAt = Times.toMicros(r.createdAt());
        e.updatedAt = Times.toMicros(r.updatedAt());
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("bank instruction " + r.idempotencyKey() + " already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<BankInstructionRecord> find(String idempotencyKey) {
        return Optional.ofNullable(tx.em().find(BankInstructionEntity.class, idempotencyKey))
                .map(JpaBankInstructionRepository::toRecord);
    }

    @Override
    public BankInstructionRecord transition(String idempotencyKey, InstructionStatus expected, InstructionStatus next,
            RefusalReason reason, Instant at) {
        EntityManager em = tx.em();
        BankInstructionEntity e = em.find(BankInstructionEntity.class, idempotencyKey, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new StoreException("bank instruction " + idempotencyKey + " does not exist");
        }
        if (!e.status.equals(expected.name())) {
            throw new ConcurrentUpdateException("bank instruction " + idempotencyKey + " is " + e.status + ", not "
                    + expected);
        }
        e.status = next.name();
        e.reason = reason == null ? null : reason.name();
        e.updatedAt = Times.toMicros(at);
        em.flush();
        return toRecord(e);
    }

    @Override
    public List<BankInstructionRecord> forPurchase(String purchaseId) {
        return tx.em().createQuery("select b from BankInstructionEntity b where b.purchaseId = :p"
                        + " order by b.createdAt, b.idempotencyKey", BankInstructionEntity.class)
                .setParameter("p", purchaseId).getResultList().stream()
                .map(JpaBankInstructionRepository::toRecord).toList();
    }

    @Override
    public List<BankInstructionRecord> forBank(String bankId) {
        return tx.em().createQuery("select b from BankInstructionEntity b where b.bankId = :b"
                        + " order by b.createdAt, b.idempotencyKey", BankInstructionEntity.class)
                .setParameter("b", bankId).getResultList().stream()
                .map(JpaBankInstructionRepository::toRecord).toList();
    }

    private static BankInstructionRecord toRecord(BankInstructionEntity e) {
        String currency = e.currency.trim();
        return new BankInstructionRecord(e.idempotencyKey, e.purchaseId, InstructionKind.valueOf(e.kind), e.bankId,
                Mode.valueOf(e.mode), new BankAccount(e.iban, e.bic, e.holder), Money.of(e.amountMinor, currency),
                InstructionStatus.valueOf(e.status), e.reason == null ? null : RefusalReason.valueOf(e.reason),
                Times.fromMicros(e.createdAt), Times.fromMicros(e.updatedAt));
    }
}

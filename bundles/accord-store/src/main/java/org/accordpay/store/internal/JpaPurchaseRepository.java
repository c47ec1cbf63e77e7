package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.PurchaseRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.PurchaseRecord;
import org.accordpay.store.internal.entity.PurchaseEntity;
import org.accordpay.store.internal.entity.PurchaseItemLine;

/** Purchases; {@link #transition} is a compare-and-set UPDATE on the state column. */
final class JpaPurchaseRepository implements PurchaseRepository {

    private final JpaStoreTransaction tx;

    JpaPurchaseRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(PurchaseRecord p) {
        Objects.requireNonNull(p, "purchase");
        Objects.requireNonNull(p.id(), "purchase id");
        EntityManager em = tx.em();
        PurchaseEntity e = new PurchaseEntity();
        e.id = p.id();
        e.merchantId = p.merchantId();
        e.customerId = p.customerId();
        e.merchantOrderRef = p.merchantOrderRef();
        e.totalMinor = p.total().minorUnits();
        e.currency = p.total().currency();
        e.state = p.state().name();
        e.mode = p.mode().name();
        e.createdAt = Times.toMicros(p.createdAt());
        e.updatedAt = Times.toMicros(p.updatedAt());
        for (PurchaseItem item : p.items()) {
            e.items.add(new PurchaseItemLine(item.name(), item.unitPriceMinor(), item.quantity()));
        }
        try {
            em.persist(e);
            em.flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("purchase " + p.id() + " already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<PurchaseRecord> find(String purchaseId) {
        PurchaseEntity e = tx.em().find(PurchaseEntity.class, purchaseId);
        return Optional.ofNullable(e).map(JpaPurchaseRepository::toRecord);
    }

    @Override
    public PurchaseRecord transition(String purchaseId, PurchaseState expected, PurchaseState next, Instant at) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
        EntityManager em = tx.em();
        int updated = em.createQuery("update PurchaseEntity p set p.state = :next, p.updatedAt = :at"
                        + " where p.id = :id and p.state = :expected")
                .setParameter("next", next.name())
                .setParameter("at", Times.toMicros(at))
                .setParameter("id", purchaseId)
                .setParameter("expected", expected.name())
                .executeUpdate();
        PurchaseEntity e = em.find(PurchaseEntity.class, purchaseId);
        if (e == null) {
            throw new StoreException("purchase " + purchaseId + " does not exist");
        }
        em.refresh(e);
        if (updated == 0) {
            throw new ConcurrentUpdateException("purchase " + purchaseId + " is " + e.state + ", not " + expected);
        }
        return toRecord(e);
    }

    static PurchaseRecord toRecord(PurchaseEntity e) {
        List<PurchaseItem> items = e.items.stream()
                .map(l -> new PurchaseItem(l.name, l.unitPriceMinor, l.quantity)).toList();
        return new PurchaseRecord(e.id, e.merchantId, e.customerId, e.merchantOrderRef, items,
                Money.of(e.totalMinor, e.currency.trim()), PurchaseState.valueOf(e.state), Mode.valueOf(e.mode),
                Times.fromMicros(e.createdAt), Times.fromMicros(e.updatedAt));
    }
}

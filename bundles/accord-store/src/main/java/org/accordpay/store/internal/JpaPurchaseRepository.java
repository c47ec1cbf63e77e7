package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantOrderQuery;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.PurchaseRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.PurchaseRecord;
import org.accordpay.store.internal.entity.PurchaseEntity;
import org.accordpay.store.internal.entity.PurchaseItemLine;

/** Purchases; {@link #transition} is a compare-and-set UPDATE on the state column. */
final class JpaPurchaseRepository implements PurchaseRepository {

    /** customer_id of a hosted checkout whose buyer has not identified yet (the column is NOT NULL). */
    static final String NO_CUSTOMER = "";

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
        e.customerId = p.customerId() == null ? NO_CUSTOMER : p.customerId();
        e.merchantOrderRef = p.merchantOrderRef();
        e.totalMinor = p.total().minorUnits();
        e.currency = p.total().currency();
        e.state = p.state().name();
        e.mode = p.mode().name();
        e.createdAt = Times.toMicros(p.createdAt());
        e.updatedAt = Times.toMicros(p.updatedAt());
        writeDetails(e, p);
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
    public void insertCheckout(PurchaseRecord p, String tokenSha256) {
        Objects.requireNonNull(tokenSha256, "token hash");
        insert(p);
        PurchaseEntity e = tx.em().find(PurchaseEntity.class, p.id());
        e.checkoutTokenSha256 = tokenSha256;
        try {
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("checkout token of purchase " + p.id() + " already used", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<PurchaseRecord> findByCheckoutToken(String tokenSha256) {
        if (tokenSha256 == null) {
            return Optional.empty();
        }
        return tx.em().createQuery("select p from PurchaseEntity p where p.checkoutTokenSha256 = :token",
                        PurchaseEntity.class)
                .setParameter("token", tokenSha256)
                .getResultList().stream().findFirst().map(JpaPurchaseRepository::toRecord);
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

    @Override
    public PurchaseRecord update(PurchaseRecord changed, PurchaseState expected) {
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(expected, "expected");
        EntityManager em = tx.em();
        PurchaseEntity e = em.find(PurchaseEntity.class, changed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new StoreException("purchase " + changed.id() + " does not exist");
        }
        if (!e.state.equals(expected.name())) {
            throw new ConcurrentUpdateException("purchase " + changed.id() + " is " + e.state + ", not " + expected);
        }
        e.state = changed.state().name();
        e.updatedAt = Times.toMicros(changed.updatedAt());
        writeDetails(e, changed);
        em.flush();
        return toRecord(e);
    }

    @Override
    public List<PurchaseRecord> listForMerchant(String merchantId, Instant from, Instant to, String afterId,
            int limit) {
        return listFor("merchantId", merchantId, from, to, afterId, limit);
    }

    @Override
    public List<PurchaseRecord> listForCustomer(String customerId, Instant from, Instant to, String afterId,
            int limit) {
        return listFor("customerId", customerId, from, to, afterId, limit);
    }

    private List<PurchaseRecord> listFor(String field, String owner, Instant from, Instant to, String afterId,
            int limit) {
        EntityManager em = tx.em();
        long lower = Times.toMicros(from);
        String cursor = "";
        if (afterId != null) {
            PurchaseEntity last = em.find(PurchaseEntity.class, afterId);
            if (last != null && owner.equals(field.equals("merchantId") ? last.merchantId : last.customerId)) {
                lower = Math.max(lower, last.createdAt);
                cursor = " and (p.createdAt > :lower or p.id > :afterId)";
            }
        }
        var q = em.createQuery("select p from PurchaseEntity p where p." + field + " = :owner and p.createdAt >= :lower"
                        + " and p.createdAt < :to" + cursor + " order by p.createdAt, p.id", PurchaseEntity.class)
                .setParameter("owner", owner)
                .setParameter("lower", lower)
                .setParameter("to", Times.toMicros(to))
                .setMaxResults(limit);
        if (!cursor.isEmpty()) {
            q.setParameter("afterId", afterId);
        }
        return q.getResultList().stream().map(JpaPurchaseRepository::toRecord).toList();
    }

    @Override
    public List<PurchaseRecord> searchForMerchant(MerchantOrderQuery query, int offset, int limit) {
        var q = tx.em().createQuery("select p from PurchaseEntity p where " + orderFilter(query)
                + " order by p.createdAt desc, p.id desc", PurchaseEntity.class);
        bindOrderFilter(q, query);
        return q.setFirstResult(Math.max(0, offset)).setMaxResults(limit).getResultList().stream()
                .map(JpaPurchaseRepository::toRecord).toList();
    }

    @Override
    public long countForMerchant(MerchantOrderQuery query) {
        var q = tx.em().createQuery("select count(p) from PurchaseEntity p where " + orderFilter(query), Long.class);
        bindOrderFilter(q, query);
        return q.getSingleResult();
    }

    /** The where clause of a merchant's order query: only the parts the query sets. */
    private static String orderFilter(MerchantOrderQuery query) {
        return "p.merchantId = :merchant and p.createdAt >= :from and p.createdAt < :to"
                + (query.states().isEmpty() ? "" : " and p.state in :states")
                + (query.minTotal() == null ? "" : " and p.totalMinor >= :min")
                + (query.maxTotal() == null ? "" : " and p.totalMinor <= :max")
                + (query.customerId() == null ? "" : " and p.customerId = :customer");
    }

    private static void bindOrderFilter(jakarta.persistence.Query q, MerchantOrderQuery query) {
        q.setParameter("merchant", query.merchantId());
        q.setParameter("from", Times.toMicros(query.from()));
        q.setParameter("to", Times.toMicros(query.to()));
        if (!query.states().isEmpty()) {
            q.setParameter("states", query.states().stream().map(PurchaseState::name).toList());
        }
        if (query.minTotal() != null) {
            q.setParameter("min", query.minTotal());
        }
        if (query.maxTotal() != null) {
            q.setParameter("max", query.maxTotal());
        }
        if (query.customerId() != null) {
            q.setParameter("customer", query.customerId());
        }
    }

    @Override
    public List<PurchaseRecord> listRecent(PurchaseState state, int limit) {
        String where = state == null ? "" : " where p.state = :state";
        var q = tx.em().createQuery("select p from PurchaseEntity p" + where + " order by p.createdAt desc, p.id desc",
                PurchaseEntity.class).setMaxResults(limit);
        if (state != null) {
            q.setParameter("state", state.name());
        }
        return q.getResultList().stream().map(JpaPurchaseRepository::toRecord).toList();
    }

    @Override
    public List<PurchaseRecord> inStateSince(PurchaseState state, Instant before, int limit) {
        return tx.em().createQuery("select p from PurchaseEntity p where p.state = :state and p.updatedAt <= :before"
                        + " order by p.updatedAt, p.id", PurchaseEntity.class)
                .setParameter("state", state.name())
                .setParameter("before", Times.toMicros(before))
                .setMaxResults(limit)
                .getResultList().stream().map(JpaPurchaseRepository::toRecord).toList();
    }

    @Override
    public Optional<PurchaseRecord> findByShipment(String courierId, String trackingRef) {
        return tx.em().createQuery("select p from PurchaseEntity p where p.courierId = :courier"
                        + " and p.trackingRef = :tracking order by p.createdAt desc", PurchaseEntity.class)
                .setParameter("courier", courierId)
                .setParameter("tracking", trackingRef)
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(JpaPurchaseRepository::toRecord);
    }

    private static void writeDetails(PurchaseEntity e, PurchaseRecord p) {
        if (!p.refunded().currency().equals(p.total().currency())) {
            throw new IllegalArgumentException("refunds must be in the purchase currency");
        }
        e.refundedMinor = p.refunded().minorUnits();
        e.challengeId = p.challengeId();
        e.reason = p.reason() == null ? null : truncate(p.reason(), 255);
        e.courierId = p.courierId();
        e.trackingRef = p.trackingRef();
        e.shippedAt = p.shippedAt() == null ? null : Times.toMicros(p.shippedAt());
        e.disputedFrom = p.disputedFrom() == null ? null : p.disputedFrom().name();
        e.returnUrl = p.returnUrl();
        if (NO_CUSTOMER.equals(e.customerId) && p.customerId() != null) {
            e.customerId = p.customerId(); // a hosted checkout's buyer identified; a customer is never replaced
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static PurchaseRecord toRecord(PurchaseEntity e) {
        List<PurchaseItem> items = e.items.stream()
                .map(l -> new PurchaseItem(l.name, l.unitPriceMinor, l.quantity)).toList();
        String currency = e.currency.trim();
        return new PurchaseRecord(e.id, e.merchantId, NO_CUSTOMER.equals(e.customerId) ? null : e.customerId,
                e.merchantOrderRef, items,
                Money.of(e.totalMinor, currency), PurchaseState.valueOf(e.state), Mode.valueOf(e.mode),
                Times.fromMicros(e.createdAt), Times.fromMicros(e.updatedAt), Money.of(e.refundedMinor, currency),
                e.challengeId, e.reason, e.courierId, e.trackingRef,
                e.shippedAt == null ? null : Times.fromMicros(e.shippedAt),
                e.disputedFrom == null ? null : PurchaseState.valueOf(e.disputedFrom), e.returnUrl);
    }
}

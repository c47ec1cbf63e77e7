package org.accordpay.store.internal;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.store.MerchantEventRepository;
import org.accordpay.store.internal.entity.MerchantEventEntity;

/** Merchant events, numbered by the database in commit order of their inserts. */
final class JpaMerchantEventRepository implements MerchantEventRepository {

    private final JpaStoreTransaction tx;

    JpaMerchantEventRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public long append(MerchantEvent event) {
        MerchantEventEntity e = new MerchantEventEntity();
        e.eventId = event.eventId();
        e.merchantId = event.merchantId();
        e.purchaseId = event.purchaseId();
        e.type = event.type();
        e.body = event.json();
        e.at = Times.toMicros(event.at());
        tx.numberAtCommit(e);
        return 0;
    }

    @Override
    public List<MerchantEvent> list(String merchantId, long afterSeq, int limit) {
        return tx.em().createQuery("select e from MerchantEventEntity e where e.merchantId = :m and e.seq > :after"
                        + " order by e.seq", MerchantEventEntity.class)
                .setParameter("m", merchantId).setParameter("after", afterSeq).setMaxResults(limit)
                .getResultList().stream().map(JpaMerchantEventRepository::toEvent).toList();
    }

    @Override
    public List<MerchantEvent> forPurchase(String purchaseId) {
        return tx.em().createQuery("select e from MerchantEventEntity e where e.purchaseId = :p order by e.seq",
                        MerchantEventEntity.class)
                .setParameter("p", purchaseId).getResultList().stream()
                .map(JpaMerchantEventRepository::toEvent).toList();
    }

    @Override
    public Optional<MerchantEvent> find(String eventId) {
        return tx.em().createQuery("select e from MerchantEventEntity e where e.eventId = :id",
                        MerchantEventEntity.class)
                .setParameter("id", eventId).getResultList().stream()
                .map(JpaMerchantEventRepository::toEvent).findFirst();
    }

    private static MerchantEvent toEvent(MerchantEventEntity e) {
        return new MerchantEvent(e.seq, e.eventId, e.merchantId, e.purchaseId, e.type, e.body, Times.fromMicros(e.at));
    }
}

package org.accordpay.api.store;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.dto.MerchantEvent;

/** Events for merchants (what webhooks deliver), in the order they happened. */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantEventRepository {
    /**
     * Appends an event; its {@code seq} is ignored. The event is numbered when the transaction commits,
     * in commit order and without gaps, so a reader that has seen number n has seen every event numbered
     * below n: a cursor over {@link #list} never skips one.
     *
     * @return 0: the number is given at commit (read it back with {@link #find})
     */
    long append(MerchantEvent event);

    /** @return up to {@code limit} of the merchant's events with a sequence number above {@code afterSeq} */
    List<MerchantEvent> list(String merchantId, long afterSeq, int limit);

    /** @return the purchase's events, oldest first */
    List<MerchantEvent> forPurchase(String purchaseId);

    /**
     * @return the event with this id, if there is one
     * @since 1.4
     */
    default Optional<MerchantEvent> find(String eventId) {
        throw new UnsupportedOperationException("finding an event by id is not supported by this store");
    }
}

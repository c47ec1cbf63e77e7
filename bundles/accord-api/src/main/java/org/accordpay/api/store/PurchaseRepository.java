package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantOrderQuery;
import org.accordpay.api.store.dto.PurchaseRecord;

/** Purchases as stored. State changes are compare-and-set, so two workers never both win. */
@org.osgi.annotation.versioning.ProviderType
public interface PurchaseRepository {

    /** Stores a new purchase; its id must be new. */
    void insert(PurchaseRecord purchase);

    /** @return the purchase, if it exists */
    Optional<PurchaseRecord> find(String purchaseId);

    /**
     * Moves a purchase from {@code expected} to {@code next}.
     *
     * @return the updated purchase
     * @throws ConcurrentUpdateException when the purchase is not in {@code expected}
     * @throws StoreException when the purchase does not exist
     */
    PurchaseRecord transition(String purchaseId, PurchaseState expected, PurchaseState next, Instant at);

    /**
     * Writes a purchase's state and mutable fields (refunded, challenge, reason, shipment, dispute,
     * return URL, and since 1.3 the customer of a purchase that had none), compare-and-set on the state.
     *
     * @param changed  the purchase as it must become
     * @param expected the state it must be in now
     * @return the stored purchase
     * @throws ConcurrentUpdateException when the purchase is not in {@code expected}
     * @throws StoreException when the purchase does not exist
     */
    PurchaseRecord update(PurchaseRecord changed, PurchaseState expected);

    /**
     * @param afterId cursor: last id of the previous page (created at the same instant or earlier), or null
     * @return a merchant's purchases created in {@code [from, to)}, by creation time then id
     */
    List<PurchaseRecord> listForMerchant(String merchantId, Instant from, Instant to, String afterId, int limit);

    /** As {@link #listForMerchant}, for a customer. */
    List<PurchaseRecord> listForCustomer(String customerId, Instant from, Instant to, String afterId, int limit);

    /** @return the most recent purchases (by creation), in {@code state} only unless null */
    List<PurchaseRecord> listRecent(PurchaseState state, int limit);

    /** @return up to {@code limit} purchases in {@code state} last changed at or before {@code before}, oldest change first */
    List<PurchaseRecord> inStateSince(PurchaseState state, Instant before, int limit);

    /** @return the shipped purchase with this courier and tracking reference, if any */
    Optional<PurchaseRecord> findByShipment(String courierId, String trackingRef);

    /**
     * Stores a new hosted-checkout purchase (its customer may be null) with the SHA-256 of its
     * checkout token.
     *
     * @param tokenSha256 lower-case hex SHA-256 of the checkout token, unique
     * @throws StoreException when the id or the token hash exists
     * @since 1.3
     */
    default void insertCheckout(PurchaseRecord purchase, String tokenSha256) {
        throw new UnsupportedOperationException("hosted checkout not supported by this store");
    }

    /**
     * @param tokenSha256 lower-case hex SHA-256 of a checkout token
     * @return the purchase opened with that token, if any
     * @since 1.3
     */
    default Optional<PurchaseRecord> findByCheckoutToken(String tokenSha256) {
        return Optional.empty();
    }

    /**
     * @param offset rows to skip
     * @return a page of the merchant's purchases matching the query, newest first (creation time, then id)
     * @since 1.4
     */
    default List<PurchaseRecord> searchForMerchant(MerchantOrderQuery query, int offset, int limit) {
        throw new UnsupportedOperationException("order search not supported by this store");
    }

    /**
     * @return how many of the merchant's purchases match the query
     * @since 1.4
     */
    default long countForMerchant(MerchantOrderQuery query) {
        throw new UnsupportedOperationException("order search not supported by this store");
    }
}

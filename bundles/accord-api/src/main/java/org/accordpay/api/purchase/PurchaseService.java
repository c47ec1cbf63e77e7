package org.accordpay.api.purchase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseRequest;

/**
 * The purchase of the patent, steps 2 to 10. Every method commits its state change, its
 * audit entry and its outgoing messages together, or nothing.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PurchaseService {

    /**
     * Step 2: accepts a merchant's request and challenges the customer's handset.
     *
     * @return the purchase in state CHALLENGED
     * @throws PurchaseException merchant not admitted, customer unknown or locked, caps reached
     */
    Purchase request(PurchaseRequest request);

    /** @return the purchase, if it exists */
    Optional<Purchase> find(String purchaseId);

    /**
     * Lists a merchant's purchases created in {@code [from, to)}, oldest first.
     *
     * @param afterId cursor: the last id of the previous page, or null for the first page
     * @param limit   page size, 1..500
     */
    List<Purchase> listForMerchant(String merchantId, Instant from, Instant to, String afterId, int limit);

    /**
     * Step 8: the merchant says the goods left.
     *
     * @throws PurchaseException if the purchase is not IN_ESCROW or belongs to another merchant
     */
    Purchase markShipped(String merchantId, String purchaseId, String courier, String trackingRef);

    /**
     * Step 9: delivery confirmed by the courier or by the customer; escrow is then released.
     *
     * @param source who confirms, e.g. {@code courier:acme} or {@code customer}
     */
    Purchase confirmDelivery(String purchaseId, String source);

    /** Cancels a purchase that has not shipped; escrowed money goes back to the customer. */
    Purchase cancel(String merchantId, String purchaseId, String reason);

    /**
     * Gives back all or part of a paid purchase.
     *
     * @param amount at most what is left after earlier refunds
     */
    Purchase refund(String merchantId, String purchaseId, Money amount, String reason);

    /** The customer disputes a paid purchase: escrow is frozen until an operator resolves it. */
    Purchase openDispute(String purchaseId, String reason);
}

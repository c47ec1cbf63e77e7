package org.accordpay.api.purchase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.money.Money;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.purchase.dto.CheckoutView;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.HostedCheckout;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.MerchantOrderQuery;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.purchase.dto.PurchaseStep;

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

    /**
     * An operator settles a dispute: to the customer (what is left in escrow is refunded) or to the
     * merchant (the purchase counts as delivered and is paid out).
     *
     * @param toCustomer true to refund the customer, false to pay the merchant
     */
    Purchase resolveDispute(String purchaseId, boolean toCustomer, String operator, String reason);

    /**
     * Step 4: a handset's response, from a carrier (MO SMS) or the HTTPS handset endpoint. Verified
     * by the challenge engine; the purchase then moves on (debit requested, declined or locked).
     *
     * @return the verdict; never an exception for bad input
     */
    ChallengeVerdict answer(byte[] responseEnvelope);

    /**
     * Lists a customer's purchases created in {@code [from, to)}, oldest first.
     *
     * @param afterId cursor: the last id of the previous page, or null
     * @param limit   page size, 1..500
     */
    List<Purchase> listForCustomer(String customerId, Instant from, Instant to, String afterId, int limit);

    /**
     * Lists purchases for operators, most recent first.
     *
     * @param state   only this state, or null for all
     * @param limit   at most this many, 1..500
     */
    List<Purchase> listRecent(PurchaseState state, int limit);

    /**
     * @param afterSeq cursor: events with a higher sequence number only (0 for all)
     * @return the merchant's events, oldest first
     */
    List<MerchantEvent> merchantEvents(String merchantId, long afterSeq, int limit);

    /**
     * Step 2 without a customer (hosted checkout): the merchant's request is checked as by
     * {@link #request} except for the customer, and the purchase waits in AWAITING_CUSTOMER for the
     * buyer to give a phone number on Accord's payment page. It expires when nobody does in time.
     *
     * @param request the request; its {@code customer} is ignored (null is expected)
     * @return the purchase and the checkout token (shown this once: Accord keeps only its SHA-256)
     * @throws PurchaseException as {@link #request}, customer checks aside
     * @since 1.1
     */
    default HostedCheckout openCheckout(PurchaseRequest request) {
        throw new UnsupportedOperationException("hosted checkout not supported");
    }

    /**
     * What the payment page may show about a hosted checkout: never the customer.
     *
     * @param token the checkout token from {@link #openCheckout}
     * @return the checkout, or empty for an unknown token
     * @since 1.1
     */
    default Optional<CheckoutView> checkout(String token) {
        return Optional.empty();
    }

    /**
     * The buyer typed a phone number on the payment page: when it names an active customer, the
     * challenge is issued exactly as by {@link #request} and the purchase moves to CHALLENGED.
     * Otherwise (unknown, locked, not active, caps reached) nothing visible happens: the purchase
     * keeps waiting and expires. The caller learns nothing about the number either way.
     *
     * @param token    the checkout token
     * @param customer the buyer, by phone and country
     * @throws PurchaseException {@code unknown-checkout} for an unknown token, {@code wrong-state} when the
     *                           checkout no longer waits for a customer; never for anything about the customer
     * @since 1.1
     */
    default void attachCustomer(String token, CustomerIdentifier customer) {
        throw new UnsupportedOperationException("hosted checkout not supported");
    }

    /**
     * The steps of a purchase as its audit trail recorded them, oldest first: request, challenge
     * sent, state changes (approved, in escrow, shipped, delivered, settled, disputed, refunded...)
     * and bank instructions. Entries say what and when, never the content (no challenge text, no
     * account numbers).
     *
     * @param purchaseId the purchase
     * @return its steps, oldest first; empty for an unknown purchase
     * @since 1.2
     */
    default List<PurchaseStep> history(String purchaseId) {
        return List.of();
    }

    /**
     * A page of a merchant's orders matching a query, newest first (creation time, then id), for
     * consoles that page by position over large histories.
     *
     * @param offset orders to skip, at least 0
     * @param limit  page size, 1..500
     * @since 1.2
     */
    default List<Purchase> searchForMerchant(MerchantOrderQuery query, int offset, int limit) {
        throw new UnsupportedOperationException("order search not supported");
    }

    /**
     * @return how many of the merchant's orders match the query
     * @since 1.2
     */
    default long countForMerchant(MerchantOrderQuery query) {
        throw new UnsupportedOperationException("order search not supported");
    }
}

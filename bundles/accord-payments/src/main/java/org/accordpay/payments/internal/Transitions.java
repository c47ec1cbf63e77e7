package org.accordpay.payments.internal;

import static org.accordpay.api.purchase.PurchaseState.APPROVED;
import static org.accordpay.api.purchase.PurchaseState.AWAITING_CUSTOMER;
import static org.accordpay.api.purchase.PurchaseState.CANCELLED;
import static org.accordpay.api.purchase.PurchaseState.CHALLENGED;
import static org.accordpay.api.purchase.PurchaseState.DEBIT_FAILED;
import static org.accordpay.api.purchase.PurchaseState.DEBIT_PENDING;
import static org.accordpay.api.purchase.PurchaseState.DEBIT_RETURNED;
import static org.accordpay.api.purchase.PurchaseState.DECLINED;
import static org.accordpay.api.purchase.PurchaseState.DELIVERED;
import static org.accordpay.api.purchase.PurchaseState.DISPUTED;
import static org.accordpay.api.purchase.PurchaseState.EXPIRED;
import static org.accordpay.api.purchase.PurchaseState.IN_ESCROW;
import static org.accordpay.api.purchase.PurchaseState.LOCKED;
import static org.accordpay.api.purchase.PurchaseState.REFUNDED;
import static org.accordpay.api.purchase.PurchaseState.REQUESTED;
import static org.accordpay.api.purchase.PurchaseState.SETTLED;
import static org.accordpay.api.purchase.PurchaseState.SHIPPED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.PurchaseState;

/**
 * The purchase state machine of ARCHITECTURE.md as one table: for each event, the states it may
 * leave and the state it leads to. Nothing else in the bundle decides a next state.
 */
final class Transitions {

    /** What can happen to a purchase. */
    enum Event {
        /** The challenge went into the outbox (step 3). */
        CHALLENGE_SENT,
        /** The handset approved (step 4). */
        APPROVED_ON_HANDSET,
        /** The handset declined, or a wrong answer closed the challenge. */
        DECLINED_ON_HANDSET,
        /** The answer that locked the customer out. */
        LOCKED_OUT,
        /** No valid answer before the challenge expired. */
        CHALLENGE_EXPIRED,
        /** Debit instruction written to the outbox (step 5). */
        DEBIT_REQUESTED,
        /** The bank settled the debit: money in escrow (step 6). */
        DEBIT_SETTLED,
        /** The bank refused the debit. */
        DEBIT_REFUSED,
        /** The merchant handed the goods to a courier (step 8). */
        SHIPPED_BY_MERCHANT,
        /** Courier, customer, operator (dispute for the merchant) or dispute window: delivered (step 9). */
        DELIVERY_CONFIRMED,
        /** The bank paid the merchant (step 10). */
        PAYOUT_SETTLED,
        /** The merchant (or a suspension) cancelled before shipping. */
        CANCELLED_BEFORE_SHIPPING,
        /** Everything still held went back to the customer. */
        FULLY_REFUNDED,
        /** The customer disputes; escrow frozen. */
        DISPUTE_OPENED,
        /** The bank returned the settled debit. */
        DEBIT_RETURNED_BY_BANK,
        /** Hosted checkout: the merchant's request, without a customer, waits for the buyer on Accord's page. */
        CHECKOUT_OPENED,
        /** Hosted checkout: no buyer identified in time. */
        CHECKOUT_EXPIRED
    }

    private static final Map<Event, Map<PurchaseState, PurchaseState>> TABLE = new EnumMap<>(Event.class);

    static {
        on(Event.CHALLENGE_SENT, REQUESTED, CHALLENGED);
        on(Event.CHALLENGE_SENT, AWAITING_CUSTOMER, CHALLENGED);
        on(Event.CHECKOUT_OPENED, REQUESTED, AWAITING_CUSTOMER);
        on(Event.CHECKOUT_EXPIRED, AWAITING_CUSTOMER, EXPIRED);
        on(Event.APPROVED_ON_HANDSET, CHALLENGED, APPROVED);
        on(Event.DECLINED_ON_HANDSET, CHALLENGED, DECLINED);
        on(Event.LOCKED_OUT, CHALLENGED, LOCKED);
        on(Event.CHALLENGE_EXPIRED, REQUESTED, EXPIRED);
        on(Event.CHALLENGE_EXPIRED, CHALLENGED, EXPIRED);
        on(Event.DEBIT_REQUESTED, APPROVED, DEBIT_PENDING);
        on(Event.DEBIT_SETTLED, DEBIT_PENDING, IN_ESCROW);
        on(Event.DEBIT_REFUSED, DEBIT_PENDING, DEBIT_FAILED);
        on(Event.SHIPPED_BY_MERCHANT, IN_ESCROW, SHIPPED);
        on(Event.DELIVERY_CONFIRMED, IN_ESCROW, DELIVERED);
        on(Event.DELIVERY_CONFIRMED, SHIPPED, DELIVERED);
        on(Event.DELIVERY_CONFIRMED, DISPUTED, DELIVERED);
        on(Event.PAYOUT_SETTLED, DELIVERED, SETTLED);
        on(Event.CANCELLED_BEFORE_SHIPPING, AWAITING_CUSTOMER, CANCELLED);
        on(Event.CANCELLED_BEFORE_SHIPPING, CHALLENGED, CANCELLED);
        on(Event.CANCELLED_BEFORE_SHIPPING, APPROVED, CANCELLED);
        on(Event.CANCELLED_BEFORE_SHIPPING, IN_ESCROW, CANCELLED);
        on(Event.FULLY_REFUNDED, IN_ESCROW, REFUNDED);
        on(Event.FULLY_REFUNDED, SHIPPED, REFUNDED);
        on(Event.FULLY_REFUNDED, DISPUTED, REFUNDED);
        on(Event.DISPUTE_OPENED, IN_ESCROW, DISPUTED);
        on(Event.DISPUTE_OPENED, SHIPPED, DISPUTED);
        on(Event.DEBIT_RETURNED_BY_BANK, IN_ESCROW, DEBIT_RETURNED);
        on(Event.DEBIT_RETURNED_BY_BANK, SHIPPED, DEBIT_RETURNED);
        on(Event.DEBIT_RETURNED_BY_BANK, DISPUTED, DEBIT_RETURNED);
        on(Event.DEBIT_RETURNED_BY_BANK, DELIVERED, DEBIT_RETURNED);
    }

    private Transitions() {
    }

    private static void on(Event event, PurchaseState from, PurchaseState to) {
        TABLE.computeIfAbsent(event, e -> new EnumMap<>(PurchaseState.class)).put(from, to);
    }

    /** @return the state {@code event} leads to from {@code from}, if the table allows it */
    static Optional<PurchaseState> next(PurchaseState from, Event event) {
        return Optional.ofNullable(TABLE.getOrDefault(event, Map.of()).get(from));
    }

    /**
     * @return the state {@code event} leads to from {@code from}
     * @throws PurchaseException {@code wrong-state} when the table does not allow it
     */
    static PurchaseState require(PurchaseState from, Event event) {
        return next(from, event).orElseThrow(() -> new PurchaseException("wrong-state",
                "a purchase in state " + from + " cannot take " + event.name().toLowerCase().replace('_', ' ')));
    }

    /** @return the whole table, for tests and documentation */
    static Map<Event, Map<PurchaseState, PurchaseState>> table() {
        return Collections.unmodifiableMap(TABLE);
    }
}

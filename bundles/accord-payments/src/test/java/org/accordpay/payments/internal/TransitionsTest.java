package org.accordpay.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.payments.internal.Transitions.Event;
import org.junit.jupiter.api.Test;

/**
 * Every (state, event) pair: the allowed ones lead where ARCHITECTURE.md says, all others are
 * refused. The expected table is written out here independently of the code's.
 */
class TransitionsTest {

    private static final String[] ALLOWED = {
        "REQUESTED CHALLENGE_SENT CHALLENGED",
        "AWAITING_CUSTOMER CHALLENGE_SENT CHALLENGED",
        "REQUESTED CHECKOUT_OPENED AWAITING_CUSTOMER",
        "AWAITING_CUSTOMER CHECKOUT_EXPIRED EXPIRED",
        "AWAITING_CUSTOMER CANCELLED_BEFORE_SHIPPING CANCELLED",
        "CHALLENGED APPROVED_ON_HANDSET APPROVED",
        "CHALLENGED DECLINED_ON_HANDSET DECLINED",
        "CHALLENGED LOCKED_OUT LOCKED",
        "REQUESTED CHALLENGE_EXPIRED EXPIRED",
        "CHALLENGED CHALLENGE_EXPIRED EXPIRED",
        "APPROVED DEBIT_REQUESTED DEBIT_PENDING",
        "DEBIT_PENDING DEBIT_SETTLED IN_ESCROW",
        "DEBIT_PENDING DEBIT_REFUSED DEBIT_FAILED",
        "IN_ESCROW SHIPPED_BY_MERCHANT SHIPPED",
        "IN_ESCROW DELIVERY_CONFIRMED DELIVERED",
        "SHIPPED DELIVERY_CONFIRMED DELIVERED",
        "DISPUTED DELIVERY_CONFIRMED DELIVERED",
        "DELIVERED PAYOUT_SETTLED SETTLED",
        "CHALLENGED CANCELLED_BEFORE_SHIPPING CANCELLED",
        "APPROVED CANCELLED_BEFORE_SHIPPING CANCELLED",
        "IN_ESCROW CANCELLED_BEFORE_SHIPPING CANCELLED",
        "IN_ESCROW FULLY_REFUNDED REFUNDED",
        "SHIPPED FULLY_REFUNDED REFUNDED",
        "DISPUTED FULLY_REFUNDED REFUNDED",
        "IN_ESCROW DISPUTE_OPENED DISPUTED",
        "SHIPPED DISPUTE_OPENED DISPUTED",
        "IN_ESCROW DEBIT_RETURNED_BY_BANK DEBIT_RETURNED",
        "SHIPPED DEBIT_RETURNED_BY_BANK DEBIT_RETURNED",
        "DISPUTED DEBIT_RETURNED_BY_BANK DEBIT_RETURNED",
        "DELIVERED DEBIT_RETURNED_BY_BANK DEBIT_RETURNED",
    };

    @Test
    void everyPairIsAllowedOrRefusedExactlyAsSpecified() {
        Set<String> allowed = new HashSet<>(Set.of(ALLOWED));
        int checked = 0;
        for (PurchaseState from : PurchaseState.values()) {
            for (Event event : Event.values()) {
                checked++;
                var next = Transitions.next(from, event);
                String key = from + " " + event + " ";
                var expected = allowed.stream().filter(a -> a.startsWith(key)).findFirst();
                if (expected.isPresent()) {
                    assertThat(next).as(key).contains(PurchaseState.valueOf(expected.get().substring(key.length())));
                    assertThat(Transitions.require(from, event)).isEqualTo(next.get());
                    allowed.remove(expected.get());
                } else {
                    assertThat(next).as(key).isEmpty();
                    assertThatThrownBy(() -> Transitions.require(from, event))
                            .isInstanceOfSatisfying(PurchaseException.class,
                                    e -> assertThat(e.code()).isEqualTo("wrong-state"));
                }
            }
        }
        assertThat(allowed).as("expected transitions missing from the table").isEmpty();
        assertThat(checked).isEqualTo(PurchaseState.values().length * Event.values().length);
    }

    @Test
    void terminalStatesHaveNoWayOut() {
        for (PurchaseState from : PurchaseState.values()) {
            if (from.isTerminal()) {
                for (Event event : Event.values()) {
                    assertThat(Transitions.next(from, event)).as(from + " " + event).isEmpty();
                }
            }
        }
    }
}

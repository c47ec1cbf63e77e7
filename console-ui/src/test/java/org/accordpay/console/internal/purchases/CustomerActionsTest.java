package org.accordpay.console.internal.purchases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.junit.jupiter.api.Test;

class CustomerActionsTest {

    private static final Instant AT = Instant.parse("2026-11-10T12:00:00Z");
    private final Map<String, Purchase> stored = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final PurchaseService purchases = TestPurchases.answering(Map.of(
            "find", args -> Optional.ofNullable(stored.get((String) args[0])),
            "confirmDelivery", args -> {
                calls.add("confirmDelivery " + args[0] + " by " + args[1]);
                return moved((String) args[0], PurchaseState.DELIVERED);
            },
            "openDispute", args -> {
                calls.add("openDispute " + args[0] + ": " + args[1]);
                return moved((String) args[0], PurchaseState.DISPUTED);
            }));
    private final CustomerActions mine = new CustomerActions(purchases, "c-1");

    private Purchase store(String id, String customer, PurchaseState state) {
        Purchase p = TestPurchases.purchase(id, customer, state, 1000, "EUR", AT);
        stored.put(id, p);
        return p;
    }

    private Purchase moved(String id, PurchaseState state) {
        return store(id, stored.get(id).customerId(), state);
    }

    @Test
    void deliveryIsConfirmedOnlyForTheCustomersOwnShippedPurchase() {
        Purchase shipped = store("p-1", "c-1", PurchaseState.SHIPPED);
        Purchase escrow = store("p-2", "c-1", PurchaseState.IN_ESCROW);
        Purchase theirs = store("p-3", "c-2", PurchaseState.SHIPPED);
        assertThat(mine.mayConfirmDelivery(shipped)).isTrue();
        assertThat(mine.mayConfirmDelivery(escrow)).isFalse();
        assertThat(mine.mayConfirmDelivery(theirs)).isFalse();

        assertThat(mine.confirmDelivery("p-1").state()).isEqualTo(PurchaseState.DELIVERED);
        assertThat(calls).containsExactly("confirmDelivery p-1 by customer");
        for (String id : List.of("p-1", "p-2", "p-3", "p-nope")) {
            assertThatThrownBy(() -> mine.confirmDelivery(id)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("This purchase cannot be confirmed as delivered now.");
        }
        assertThat(calls).hasSize(1);
        assertThat(stored.get("p-3").state()).isEqualTo(PurchaseState.SHIPPED);
    }

    @Test
    void aDisputeNeedsAReasonAndTheCustomersOwnPurchaseInEscrow() {
        store("p-1", "c-1", PurchaseState.IN_ESCROW);
        store("p-2", "c-1", PurchaseState.SHIPPED);
        store("p-3", "c-1", PurchaseState.DECLINED);
        store("p-4", "c-2", PurchaseState.IN_ESCROW);
        assertThatThrownBy(() -> mine.openDispute("p-1", "  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Say what went wrong.");
        assertThatThrownBy(() -> mine.openDispute("p-1", "x".repeat(CustomerActions.REASON_MAX + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        for (String id : List.of("p-3", "p-4", "p-nope")) {
            assertThatThrownBy(() -> mine.openDispute(id, "broken")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("A dispute cannot be opened for this purchase now.");
        }
        assertThat(calls).isEmpty();
        assertThat(mine.openDispute("p-1", " Arrived broken ").state()).isEqualTo(PurchaseState.DISPUTED);
        assertThat(mine.openDispute("p-2", "Never arrived").state()).isEqualTo(PurchaseState.DISPUTED);
        assertThat(calls).containsExactly("openDispute p-1: Arrived broken", "openDispute p-2: Never arrived");
        assertThat(mine.own("p-4")).isEmpty();
        assertThat(mine.own(null)).isEmpty();
    }

    @Test
    void aRefusalOfTheFlowBecomesWordsForTheCustomer() {
        store("p-1", "c-1", PurchaseState.SHIPPED);
        CustomerActions refused = new CustomerActions(TestPurchases.answering(Map.of(
                "find", args -> Optional.ofNullable(stored.get((String) args[0])),
                "confirmDelivery", args -> {
                    throw new PurchaseException("disputed", "the purchase is disputed");
                })), "c-1");
        assertThatThrownBy(() -> refused.confirmDelivery("p-1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("This purchase cannot be confirmed as delivered now.");
    }
}

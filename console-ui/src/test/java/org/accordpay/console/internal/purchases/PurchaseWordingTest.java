package org.accordpay.console.internal.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.junit.jupiter.api.Test;

class PurchaseWordingTest {

    static Purchase purchase(PurchaseState state, long total, long refunded) {
        Instant at = Instant.parse("2026-11-10T12:00:00Z");
        return new Purchase("p-" + state + total, "m-1", "c-1", "order-1", List.of(new PurchaseItem("Book", total, 1)),
                Money.of(total, "EUR"), Money.of(refunded, "EUR"), state, Mode.values()[0], at, at, null, null, null,
                null);
    }

    @Test
    void theStatesACustomerAsksAboutHaveTheirWords() {
        assertThat(PurchaseWording.of(PurchaseState.CHALLENGED)).isEqualTo("Awaiting your approval");
        assertThat(PurchaseWording.of(PurchaseState.IN_ESCROW)).isEqualTo("Paid, held in escrow");
        assertThat(PurchaseWording.of(PurchaseState.SHIPPED)).isEqualTo("Shipped");
        assertThat(PurchaseWording.of(PurchaseState.DELIVERED)).isEqualTo("Delivered");
        assertThat(PurchaseWording.of(PurchaseState.REFUNDED)).isEqualTo("Refunded");
        assertThat(PurchaseWording.of(PurchaseState.DISPUTED)).isEqualTo("Disputed");
    }

    @Test
    void everyStateHasItsOwnWordsAndNoneIsTheEnumName() {
        List<String> words = Arrays.stream(PurchaseState.values()).map(PurchaseWording::of).toList();
        assertThat(words).doesNotHaveDuplicates().allSatisfy(w -> assertThat(w).isNotBlank().doesNotContain("_"));
    }

    @Test
    void aPartialRefundIsMentioned() {
        assertThat(PurchaseWording.of(purchase(PurchaseState.SHIPPED, 5000, 1000))).isEqualTo("Shipped (partly refunded)");
        assertThat(PurchaseWording.of(purchase(PurchaseState.REFUNDED, 5000, 5000))).isEqualTo("Refunded");
        assertThat(PurchaseWording.of(purchase(PurchaseState.SHIPPED, 5000, 0))).isEqualTo("Shipped");
    }
}

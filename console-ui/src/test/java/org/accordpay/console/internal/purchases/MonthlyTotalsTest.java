package org.accordpay.console.internal.purchases;

import static org.accordpay.console.internal.purchases.PurchaseWordingTest.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.junit.jupiter.api.Test;

class MonthlyTotalsTest {

    @Test
    void paidPurchasesCountNetOfRefundsAndUnpaidOnesDoNot() {
        List<Purchase> month = List.of(
                purchase(PurchaseState.IN_ESCROW, 1250, 0),
                purchase(PurchaseState.SETTLED, 3000, 0),
                purchase(PurchaseState.SHIPPED, 2000, 500),
                purchase(PurchaseState.REFUNDED, 4000, 4000),
                purchase(PurchaseState.DECLINED, 9999, 0),
                purchase(PurchaseState.CHALLENGED, 9999, 0),
                purchase(PurchaseState.EXPIRED, 9999, 0),
                purchase(PurchaseState.CANCELLED, 9999, 9999),
                purchase(PurchaseState.DEBIT_FAILED, 9999, 0));
        assertThat(MonthlyTotals.spent(month)).containsExactly(Money.of(1250 + 3000 + 1500, "EUR"));
        assertThat(MoneyText.of(MonthlyTotals.spent(month).get(0))).isEqualTo("57.50 EUR");
    }

    @Test
    void currenciesAreNeverAddedTogether() {
        Instant at = Instant.parse("2026-11-10T12:00:00Z");
        Purchase pounds = new Purchase("p-gbp", "m-1", "c-1", "o", List.of(new PurchaseItem("Tea", 700, 1)),
                Money.of(700, "GBP"), Money.of(0, "GBP"), PurchaseState.DELIVERED, Mode.values()[0], at, at, null, null,
                null, null);
        assertThat(MonthlyTotals.spent(List.of(purchase(PurchaseState.DELIVERED, 100, 0), pounds)))
                .containsExactly(Money.of(100, "EUR"), Money.of(700, "GBP"));
        assertThat(MonthlyTotals.spent(List.of())).isEmpty();
    }

    @Test
    void amountsAreWrittenWithTheCurrencysDecimals() {
        assertThat(MoneyText.of(Money.of(5, "EUR"))).isEqualTo("0.05 EUR");
        assertThat(MoneyText.of(Money.of(1500, "JPY"))).isEqualTo("1500 JPY");
        assertThat(MoneyText.of(Money.of(-1250, "EUR"))).isEqualTo("-12.50 EUR");
        assertThat(MoneyText.of(1234, "BHD")).isEqualTo("1.234 BHD");
    }
}

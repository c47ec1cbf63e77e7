package org.accordpay.console.internal.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.junit.jupiter.api.Test;

class PurchasesOfMonthTest {

    private final List<Object[]> calls = new ArrayList<>();

    /** A purchase service holding {@code count} purchases of customer c-1, one a minute from 1 November. */
    private PurchaseService holding(int count) {
        List<Purchase> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(60L * i);
            all.add(new Purchase(String.format("p-%05d", i), "m-1", "c-1", "o-" + i,
                    List.of(new PurchaseItem("Item", 100, 1)), Money.of(100, "EUR"), Money.of(0, "EUR"),
                    PurchaseState.DELIVERED, Mode.TEST, at, at, null, null, null, null));
        }
        return (PurchaseService) Proxy.newProxyInstance(PurchaseService.class.getClassLoader(),
                new Class<?>[] {PurchaseService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("listForCustomer")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add(args);
                    String customer = (String) args[0];
                    String after = (String) args[3];
                    int limit = (int) args[4];
                    return all.stream().filter(p -> p.customerId().equals(customer))
                            .filter(p -> after == null || p.id().compareTo(after) > 0).limit(limit).toList();
                });
    }

    @Test
    void readsEveryPageOfTheMonthForTheGivenCustomerOnlyNewestFirst() {
        MonthRange november = new MonthRange(YearMonth.of(2026, 11), ZoneId.of("Europe/Paris"));
        List<Purchase> month = PurchasesView.monthOf(holding(1_200), "c-1", november);

        assertThat(month).hasSize(1_200);
        assertThat(month.get(0).id()).isEqualTo("p-01199");
        assertThat(month.get(1_199).id()).isEqualTo("p-00000");
        assertThat(calls).hasSize(3).allSatisfy(args -> {
            assertThat(args[0]).isEqualTo("c-1");
            assertThat(args[1]).isEqualTo(november.from());
            assertThat(args[2]).isEqualTo(november.to());
        });
        assertThat(calls.get(0)[3]).isNull();
        assertThat(calls.get(1)[3]).isEqualTo("p-00499");
        assertThat(calls.get(2)[3]).isEqualTo("p-00999");
    }

    @Test
    void anotherCustomerSeesNothingOfThem() {
        MonthRange november = new MonthRange(YearMonth.of(2026, 11), ZoneId.of("UTC"));
        assertThat(PurchasesView.monthOf(holding(10), "c-2", november)).isEmpty();
        assertThat(calls).singleElement().satisfies(args -> assertThat(args[0]).isEqualTo("c-2"));
    }

    @Test
    void stopsAtTheCap() {
        MonthRange november = new MonthRange(YearMonth.of(2026, 11), ZoneId.of("UTC"));
        assertThat(PurchasesView.monthOf(holding(PurchasesView.MONTH_CAP + 700), "c-1", november))
                .hasSize(PurchasesView.MONTH_CAP);
    }
}

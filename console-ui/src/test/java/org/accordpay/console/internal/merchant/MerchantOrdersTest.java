package org.accordpay.console.internal.merchant;

import static org.accordpay.console.internal.merchant.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantOrderQuery;
import org.accordpay.api.purchase.dto.Purchase;
import org.junit.jupiter.api.Test;

class MerchantOrdersTest {

    static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    /** A purchase service over a list: find, searchForMerchant and countForMerchant only, as the store does them. */
    static PurchaseService over(List<Purchase> all, List<int[]> pagesAsked) {
        return (PurchaseService) Proxy.newProxyInstance(PurchaseService.class.getClassLoader(),
                new Class<?>[] {PurchaseService.class}, (proxy, m, a) -> switch (m.getName()) {
                    case "find" -> all.stream().filter(p -> p.id().equals(a[0])).findFirst();
                    case "searchForMerchant" -> {
                        pagesAsked.add(new int[] {(int) a[1], (int) a[2]});
                        yield matching(all, (MerchantOrderQuery) a[0]).stream().skip((int) a[1]).limit((int) a[2])
                                .toList();
                    }
                    case "countForMerchant" -> (long) matching(all, (MerchantOrderQuery) a[0]).size();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static List<Purchase> matching(List<Purchase> all, MerchantOrderQuery q) {
        return all.stream().filter(p -> p.merchantId().equals(q.merchantId()))
                .filter(p -> !p.createdAt().isBefore(q.from()) && p.createdAt().isBefore(q.to()))
                .sorted(Comparator.comparing(Purchase::createdAt).reversed()).toList();
    }

    @Test
    void anotherMerchantsPurchaseIsAnsweredAsOneThatDoesNotExist() {
        List<Purchase> all = List.of(order("mine", "m-1", 100, 0, PurchaseState.IN_ESCROW, T),
                order("theirs", "m-2", 100, 0, PurchaseState.IN_ESCROW, T));
        MerchantOrders orders = new MerchantOrders(over(all, new ArrayList<>()), "m-1");
        assertThat(orders.owned("mine")).map(Purchase::id).contains("mine");
        assertThat(orders.owned("theirs")).isEmpty();
        assertThat(orders.owned("nothing")).isEmpty();
        assertThat(orders.owned(null)).isEqualTo(Optional.empty());
        assertThat(orders.owned(" ")).isEmpty();
        assertThatThrownBy(() -> orders.page(MerchantOrderQuery.period("m-2", T, T.plusSeconds(1)), 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orders.count(MerchantOrderQuery.period("m-2", T, T.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsReadEveryPageOfALargeHistoryAndGridsOnlyThePageShown() {
        List<Purchase> all = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            all.add(order("p" + i, "m-1", 100 + i, 0, PurchaseState.IN_ESCROW, T.plusSeconds(i)));
            all.add(order("q" + i, "m-2", 100, 0, PurchaseState.IN_ESCROW, T.plusSeconds(i)));
        }
        List<int[]> asked = new ArrayList<>();
        MerchantOrders orders = new MerchantOrders(over(all, asked), "m-1");
        var period = MerchantOrderQuery.period("m-1", T, T.plusSeconds(10_000));
        assertThat(orders.count(period)).isEqualTo(1234);
        assertThat(orders.page(period, 100, 50).map(Purchase::id)).hasSize(50).first().isEqualTo("p1133");
        assertThat(asked).hasSize(1);
        assertThat(orders.page(period, 0, 10_000).count()).isEqualTo(MerchantOrders.PAGE);

        asked.clear();
        List<Purchase> every = orders.all(period);
        assertThat(every).hasSize(1234).allMatch(p -> p.merchantId().equals("m-1"));
        assertThat(every).extracting(Purchase::id).doesNotHaveDuplicates();
        assertThat(asked).extracting(a -> a[0]).containsExactly(0, 500, 1000);
    }
}

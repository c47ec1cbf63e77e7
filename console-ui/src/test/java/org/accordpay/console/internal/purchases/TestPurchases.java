package org.accordpay.console.internal.purchases;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;

/** Purchases and purchase services for the console's tests. */
final class TestPurchases {

    private TestPurchases() {
    }

    /** @return a purchase of one item */
    static Purchase purchase(String id, String customerId, PurchaseState state, long total, String currency,
            Instant at) {
        return new Purchase(id, "m-1", customerId, "order-" + id, List.of(new PurchaseItem("Item", total, 1)),
                Money.of(total, currency), Money.of(0, currency), state, Mode.TEST, at, at, null, null, null, null);
    }

    /** @return a purchase service answering the named methods only; any other call fails the test */
    static PurchaseService answering(Map<String, Function<Object[], Object>> methods) {
        return (PurchaseService) Proxy.newProxyInstance(PurchaseService.class.getClassLoader(),
                new Class<?>[] {PurchaseService.class}, (proxy, method, args) -> {
                    Function<Object[], Object> answer = methods.get(method.getName());
                    if (answer == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answer.apply(args);
                });
    }
}

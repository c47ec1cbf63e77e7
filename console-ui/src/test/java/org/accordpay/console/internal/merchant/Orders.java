package org.accordpay.console.internal.merchant;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;

/** Purchases for the merchant console's tests. */
final class Orders {

    private Orders() {
    }

    static Purchase order(String id, String merchantId, long totalMinor, long refundedMinor, PurchaseState state,
            Instant createdAt) {
        return new Purchase(id, merchantId, "c-1", "order-" + id, List.of(new PurchaseItem("Mug", totalMinor, 1)),
                Money.of(totalMinor, "EUR"), Money.of(refundedMinor, "EUR"), state, Mode.TEST, createdAt, createdAt,
                null, null, null, null);
    }
}

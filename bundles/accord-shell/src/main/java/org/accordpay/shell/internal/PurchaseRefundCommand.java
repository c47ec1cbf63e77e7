package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.Purchase;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:purchase-refund ID AMOUNT REASON}: a full or partial refund, on the merchant's behalf. */
@Service
@Command(scope = "accord", name = "purchase-refund",
        description = "Refunds all or part of a paid purchase, on its merchant's behalf (amount like 12.50)")
public final class PurchaseRefundCommand implements Action {

    @Reference
    PurchaseService purchases;

    @Argument(index = 0, name = "purchase", required = true)
    String purchaseId;

    @Argument(index = 1, name = "amount", required = true, description = "Amount in the purchase currency, e.g. 12.50")
    String amount;

    @Argument(index = 2, name = "reason", required = true, multiValued = true)
    List<String> reason;

    @Override
    public Object execute() throws Exception {
        return PurchaseCommands.run(() -> {
            Purchase p = purchases.find(purchaseId)
                    .orElseThrow(() -> new IllegalArgumentException("No such purchase: " + purchaseId));
            Purchase r = purchases.refund(p.merchantId(), purchaseId,
                    Money.of(PurchaseCommands.minor(amount), p.total().currency()), String.join(" ", reason));
            System.out.println(r.id() + " " + r.state() + ", refunded " + PurchaseCommands.amount(r.refunded()));
            return null;
        });
    }
}

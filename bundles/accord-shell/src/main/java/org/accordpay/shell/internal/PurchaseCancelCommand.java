package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.Purchase;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:purchase-cancel ID REASON}: cancels before shipping, on the merchant's behalf. */
@Service
@Command(scope = "accord", name = "purchase-cancel",
        description = "Cancels a purchase before shipping, on its merchant's behalf; escrowed money goes back")
public final class PurchaseCancelCommand implements Action {

    @Reference
    PurchaseService purchases;

    @Argument(index = 0, name = "purchase", required = true)
    String purchaseId;

    @Argument(index = 1, name = "reason", required = true, multiValued = true)
    List<String> reason;

    @Override
    public Object execute() throws Exception {
        return PurchaseCommands.run(() -> {
            Purchase p = purchases.find(purchaseId)
                    .orElseThrow(() -> new IllegalArgumentException("No such purchase: " + purchaseId));
            Purchase c = purchases.cancel(p.merchantId(), purchaseId, String.join(" ", reason));
            System.out.println(c.id() + " " + c.state());
            return null;
        });
    }
}

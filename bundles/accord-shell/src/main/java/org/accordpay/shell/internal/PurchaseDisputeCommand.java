package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.Purchase;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:purchase-dispute ID REASON}: the customer disputes; escrow is frozen. */
@Service
@Command(scope = "accord", name = "purchase-dispute", description = "Opens a dispute for the customer: escrow is frozen")
public final class PurchaseDisputeCommand implements Action {

    @Reference
    PurchaseService purchases;

    @Argument(index = 0, name = "purchase", required = true)
    String purchaseId;

    @Argument(index = 1, name = "reason", required = true, multiValued = true)
    List<String> reason;

    @Override
    public Object execute() throws Exception {
        return PurchaseCommands.run(() -> {
            Purchase p = purchases.openDispute(purchaseId, String.join(" ", reason));
            System.out.println(p.id() + " " + p.state());
            return null;
        });
    }
}

package org.accordpay.shell.internal;

import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.Purchase;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:purchase-deliver ID}: step 9 as the customer confirms it; the payout follows. */
@Service
@Command(scope = "accord", name = "purchase-deliver",
        description = "Confirms delivery (for the customer); escrow is then paid out to the merchant")
public final class PurchaseDeliverCommand implements Action {

    @Reference
    PurchaseService purchases;

    @Argument(index = 0, name = "purchase", required = true)
    String purchaseId;

    @Option(name = "--source", description = "Who confirms (default: customer)")
    String source = "customer";

    @Override
    public Object execute() throws Exception {
        return PurchaseCommands.run(() -> {
            Purchase p = purchases.confirmDelivery(purchaseId, source);
            System.out.println(p.id() + " " + p.state());
            return null;
        });
    }
}

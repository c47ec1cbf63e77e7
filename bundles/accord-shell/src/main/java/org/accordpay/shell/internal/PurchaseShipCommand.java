package org.accordpay.shell.internal;

import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.Purchase;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:purchase-ship ID COURIER TRACKING}: step 8 on the merchant's behalf. */
@Service
@Command(scope = "accord", name = "purchase-ship", description = "Marks a paid purchase shipped, on its merchant's behalf")
public final class PurchaseShipCommand implements Action {

    @Reference
    PurchaseService purchases;

    @Argument(index = 0, name = "purchase", required = true)
    String purchaseId;

    @Argument(index = 1, name = "courier", required = true, description = "Courier id, e.g. loopback-courier")
    String courier;

    @Argument(index = 2, name = "tracking", required = true, description = "Courier tracking reference")
    String tracking;

    @Override
    public Object execute() throws Exception {
        return PurchaseCommands.run(() -> {
            Purchase p = purchases.find(purchaseId)
                    .orElseThrow(() -> new IllegalArgumentException("No such purchase: " + purchaseId));
            Purchase shipped = purchases.markShipped(p.merchantId(), purchaseId, courier, tracking);
            System.out.println(shipped.id() + " " + shipped.state());
            return null;
        });
    }
}

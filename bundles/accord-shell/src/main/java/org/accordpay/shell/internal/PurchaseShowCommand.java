package org.accordpay.shell.internal;

import org.accordpay.api.audit.AuditTrail;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.Purchase;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:purchase-show ID}: one purchase, the trace of its steps and what the merchant was told. */
@Service
@Command(scope = "accord", name = "purchase-show", description = "Shows a purchase, its audit trace and its merchant events")
public final class PurchaseShowCommand implements Action {

    @Reference
    PurchaseService purchases;

    @Reference(optional = true)
    AuditTrail audit;

    @Argument(index = 0, name = "purchase", required = true, description = "Purchase id")
    String purchaseId;

    @Override
    public Object execute() throws Exception {
        Purchase p = purchases.find(purchaseId)
                .orElseThrow(() -> new IllegalArgumentException("No such purchase: " + purchaseId));
        PurchaseCommands.print(p);
        if (audit != null) {
            System.out.println("trace:");
            for (AuditEntry e : audit.forPurchase(purchaseId)) {
                System.out.println("  " + e.at() + "  " + e.type());
            }
        }
        System.out.println("merchant events:");
        for (MerchantEvent e : purchases.merchantEvents(p.merchantId(), 0, 500)) {
            if (e.purchaseId().equals(purchaseId)) {
                System.out.println("  #" + e.seq() + " " + e.type() + " " + e.json());
            }
        }
        return null;
    }
}

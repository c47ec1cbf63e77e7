package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:purchase-list [--state S] [--limit N]}: the most recent purchases. */
@Service
@Command(scope = "accord", name = "purchase-list", description = "Lists the most recent purchases")
public final class PurchaseListCommand implements Action {

    @Reference
    PurchaseService purchases;

    @Option(name = "--state", description = "Only purchases in this state, e.g. IN_ESCROW")
    String state;

    @Option(name = "--limit", description = "How many (1..500, default 20)")
    int limit = 20;

    @Override
    public Object execute() throws Exception {
        return PurchaseCommands.run(() -> {
            List<Purchase> list = purchases.listRecent(state == null ? null : PurchaseState.valueOf(state.toUpperCase()),
                    limit);
            for (Purchase p : list) {
                System.out.println(PurchaseCommands.line(p));
            }
            System.out.println(list.size() + " purchase(s)");
            return null;
        });
    }
}

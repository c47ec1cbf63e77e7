package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.Purchase;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:dispute-resolve ID customer|merchant REASON}: an operator settles a dispute. */
@Service
@Command(scope = "accord", name = "dispute-resolve",
        description = "Resolves a dispute: 'customer' refunds what escrow holds, 'merchant' pays the merchant")
public final class DisputeResolveCommand implements Action {

    @Reference
    PurchaseService purchases;

    @Reference
    Session session;

    @Argument(index = 0, name = "purchase", required = true)
    String purchaseId;

    @Argument(index = 1, name = "side", required = true, description = "customer or merchant")
    String side;

    @Argument(index = 2, name = "reason", required = true, multiValued = true)
    List<String> reason;

    @Override
    public Object execute() throws Exception {
        if (!side.equals("customer") && !side.equals("merchant")) {
            throw new IllegalArgumentException("side must be 'customer' or 'merchant'");
        }
        return PurchaseCommands.run(() -> {
            Purchase p = purchases.resolveDispute(purchaseId, side.equals("customer"),
                    RegistryRefusals.operator(session), String.join(" ", reason));
            System.out.println(p.id() + " " + p.state());
            return null;
        });
    }
}

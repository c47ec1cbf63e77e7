package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Merchant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:merchant-admit MERCHANT REASON}: admits a merchant whose admission conditions all hold (recorded with the operator and reason). */
@Service
@Command(scope = "accord", name = "merchant-admit",
        description = "Admits a merchant whose admission conditions all hold (recorded with the operator and reason)")
public final class MerchantAdmitCommand implements Action {

    @Reference
    MerchantRegistry registry;

    @Reference
    Session session;

    @Argument(index = 0, name = "merchant", required = true, description = "Merchant id")
    String merchantId;

    @Argument(index = 1, name = "reason", required = true, multiValued = true, description = "Why: recorded")
    List<String> reason;

    @Override
    public Object execute() {
        String operator = RegistryRefusals.operator(session);
        try {
            Merchant m = registry.admit(merchantId, operator, String.join(" ", reason));
            System.out.println("merchant " + m.id() + " admitted by " + operator + " (now " + m.status() + ")");
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}

package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Merchant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;

/** What admit, suspend and reinstate share: a merchant, a recorded reason, the acting operator. */
abstract class MerchantDecisionCommand implements Action {

    @Reference
    MerchantRegistry registry;

    @Reference
    Session session;

    @Argument(index = 0, name = "merchant", required = true, description = "Merchant id")
    String merchantId;

    @Argument(index = 1, name = "reason", required = true, multiValued = true, description = "Why: recorded")
    List<String> reason;

    /** @return the merchant after the decision */
    abstract Merchant decide(String operator, String why);

    /** @return the past participle shown to the operator, e.g. {@code suspended} */
    abstract String decided();

    @Override
    public Object execute() {
        String operator = RegistryRefusals.operator(session);
        try {
            Merchant m = decide(operator, String.join(" ", reason));
            System.out.println("merchant " + m.id() + " " + decided() + " by " + operator + " (now " + m.status() + ")");
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}

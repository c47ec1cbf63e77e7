package org.accordpay.shell.internal;

import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantApplication;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:merchant-apply LEGAL-NAME DISPLAY-NAME IBAN HOLDER [--bic BIC]}: records a merchant's application. */
@Service
@Command(scope = "accord", name = "merchant-apply",
        description = "Records a merchant's application (display name checked against admitted merchants)")
public final class MerchantApplyCommand implements Action {

    @Reference
    MerchantRegistry registry;

    @Reference
    Session session;

    @Argument(index = 0, name = "legal-name", required = true, description = "Registered name")
    String legalName;

    @Argument(index = 1, name = "display-name", required = true, description = "Name customers see on their handset")
    String displayName;

    @Argument(index = 2, name = "iban", required = true, description = "IBAN credited when escrow is released")
    String iban;

    @Argument(index = 3, name = "holder", required = true, description = "Account holder name")
    String holder;

    @Option(name = "--bic", description = "BIC of the account's bank")
    String bic;

    @Override
    public Object execute() {
        try {
            Merchant m = registry.apply(new MerchantApplication(legalName, displayName,
                    new BankAccount(iban, bic, holder)), RegistryRefusals.operator(session));
            System.out.println("merchant " + m.id() + " applied as '" + m.displayName() + "' (" + m.status() + ")");
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}

package org.accordpay.bank.ledger.internal.shell;

import org.accordpay.bank.ledger.LedgerBank;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:bank-close <iban>}: closes an account; debits and credits to it are then refused. */
@Service
@Command(scope = "accord", name = "bank-close", description = "Closes an account at the ledger bank")
public final class BankCloseCommand implements Action {

    @Reference
    LedgerBank bank;

    @Argument(index = 0, name = "iban", required = true, description = "IBAN, no spaces")
    String iban;

    @Override
    public Object execute() {
        bank.closeAccount(iban);
        System.out.println("closed " + iban);
        return null;
    }
}

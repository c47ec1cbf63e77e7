package org.accordpay.bank.ledger.internal.shell;

import org.accordpay.bank.ledger.LedgerBank;
import org.accordpay.bank.ledger.dto.LedgerAccount;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:bank-accounts}: every account of the ledger bank with its balance in minor units. */
@Service
@Command(scope = "accord", name = "bank-accounts", description = "Lists the ledger bank's accounts and balances")
public final class BankAccountsCommand implements Action {

    @Reference
    LedgerBank bank;

    @Override
    public Object execute() {
        StringBuilder out = new StringBuilder(String.format("%-34s %-3s %-6s %20s  %s%n", "IBAN", "CUR", "STATUS",
                "BALANCE", "HOLDER"));
        for (LedgerAccount a : bank.accounts()) {
            out.append(String.format("%-34s %-3s %-6s %20d  %s%s%n", a.iban(), a.currency(),
                    a.open() ? "open" : "closed", a.balance().minorUnits(), a.holder(), a.accord() ? " (Accord)" : ""));
        }
        System.out.print(out);
        return null;
    }
}

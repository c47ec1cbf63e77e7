package org.accordpay.bank.ledger.internal.shell;

import org.accordpay.bank.ledger.LedgerBank;
import org.accordpay.bank.ledger.dto.LedgerAccount;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:bank-open <iban> <holder> <currency> <balance-minor>}: opens (or reopens) an account. */
@Service
@Command(scope = "accord", name = "bank-open",
        description = "Opens an account at the ledger bank with a starting balance (reopens an existing one)")
public final class BankOpenCommand implements Action {

    @Reference
    LedgerBank bank;

    @Argument(index = 0, name = "iban", required = true, description = "IBAN, no spaces")
    String iban;

    @Argument(index = 1, name = "holder", required = true, description = "Account holder name")
    String holder;

    @Argument(index = 2, name = "currency", required = true, description = "ISO 4217 code, e.g. EUR")
    String currency;

    @Argument(index = 3, name = "balance-minor", required = true, description = "Starting balance in minor units")
    long balance;

    @Override
    public Object execute() {
        LedgerAccount a = bank.openAccount(iban, holder, currency, balance);
        System.out.println("open " + a.iban() + " " + a.currency() + " balance " + a.balance().minorUnits());
        return null;
    }
}

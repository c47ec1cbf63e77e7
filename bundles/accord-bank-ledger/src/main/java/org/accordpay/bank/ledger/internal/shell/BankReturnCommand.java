package org.accordpay.bank.ledger.internal.shell;

import java.util.Locale;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.bank.ledger.LedgerBank;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:bank-return <idempotencyKey> [reason]}: returns a settled debit to the payer. */
@Service
@Command(scope = "accord", name = "bank-return",
        description = "Returns a settled debit: money back to the payer, RETURNED reported to Accord")
public final class BankReturnCommand implements Action {

    @Reference
    LedgerBank bank;

    @Argument(index = 0, name = "idempotencyKey", required = true, description = "The debit's idempotency key")
    String key;

    @Argument(index = 1, name = "reason", required = false,
            description = "INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, MANDATE_INVALID, BANK_UNAVAILABLE or OTHER (default)")
    String reason;

    @Override
    public Object execute() {
        RefusalReason why = reason == null ? RefusalReason.OTHER : RefusalReason.valueOf(reason.toUpperCase(Locale.ROOT));
        bank.returnDebit(key, why);
        System.out.println("returned " + key + " (" + why + ")");
        return null;
    }
}

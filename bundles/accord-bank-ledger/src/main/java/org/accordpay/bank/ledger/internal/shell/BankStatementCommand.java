package org.accordpay.bank.ledger.internal.shell;

import org.accordpay.api.bank.BankConnector;
import org.accordpay.api.bank.dto.BankStatement;
import org.accordpay.api.bank.dto.StatementLine;
import org.accordpay.api.money.Money;
import org.accordpay.bank.ledger.LedgerBank;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:bank-statement}: the ledger bank's statement of Accord's account. */
@Service
@Command(scope = "accord", name = "bank-statement", description = "Shows the ledger bank's statement of Accord's account")
public final class BankStatementCommand implements Action {

    @Reference
    LedgerBank bank;

    @Override
    public Object execute() throws Exception {
        if (!(bank instanceof BankConnector connector)) {
            System.err.println("the ledger bank service is not a bank connector");
            return null;
        }
        BankStatement s = connector.statement();
        StringBuilder out = new StringBuilder("bank " + s.bankId() + ", Accord's account " + bank.accordIban() + "\n");
        for (Money m : s.balances()) {
            out.append("balance ").append(m).append('\n');
        }
        for (StatementLine l : s.lines()) {
            out.append(String.format("%s %-6s %15s %-8s %s %s%n", l.at(), l.operation(), l.amount(), l.status(),
                    l.reason() == null ? "" : l.reason(), l.idempotencyKey()));
        }
        System.out.print(out);
        return null;
    }
}

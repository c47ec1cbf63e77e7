package org.accordpay.api.bank.dto;

import java.util.List;
import org.accordpay.api.money.Money;

/**
 * A bank's statement of Accord's account there, for reconciliation.
 *
 * @param bankId   the reporting connector
 * @param balances balance of Accord's account, one per currency
 * @param lines    every instruction the bank booked on Accord's account, oldest first
 */
public record BankStatement(String bankId, List<Money> balances, List<StatementLine> lines) {
    /** Copies the lists. */
    public BankStatement {
        balances = List.copyOf(balances);
        lines = List.copyOf(lines);
    }
}

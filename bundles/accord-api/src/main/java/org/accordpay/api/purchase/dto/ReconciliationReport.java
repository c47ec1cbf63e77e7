package org.accordpay.api.purchase.dto;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.money.Money;

/**
 * Accord's books against one bank's statement.
 *
 * @param bankId        the bank
 * @param at            when compared
 * @param accordBalance what Accord's books say is on its account at that bank, per currency
 * @param bankBalance   what the bank says, per currency
 * @param differences   one line per difference found (missing, extra, different amount or
 *                      status); empty when the books reconcile
 * @param inFlight      instructions the bank has settled whose answer Accord has not processed yet
 *                      (expected to clear within seconds; not differences)
 */
public record ReconciliationReport(String bankId, Instant at, List<Money> accordBalance, List<Money> bankBalance,
        List<String> differences, int inFlight) {
    /** Copies the lists. */
    public ReconciliationReport {
        accordBalance = List.copyOf(accordBalance);
        bankBalance = List.copyOf(bankBalance);
        differences = List.copyOf(differences);
    }

    /** @return true when no difference was found */
    public boolean reconciles() {
        return differences.isEmpty();
    }
}

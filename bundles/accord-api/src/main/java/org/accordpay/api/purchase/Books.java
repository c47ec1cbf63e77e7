package org.accordpay.api.purchase;

import java.util.List;
import org.accordpay.api.purchase.dto.AccountBalance;
import org.accordpay.api.purchase.dto.ReconciliationReport;

/**
 * Accord's own double-entry books (customer funds in escrow, merchant payables, refunds owed,
 * paid out, fees) and their reconciliation against the banks' statements.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Books {
    /** @return every account's balance, non-zero ones, by account name */
    List<AccountBalance> balances();

    /** @return true when every currency's balances sum to zero */
    boolean balanced();

    /**
     * Compares Accord's books with a bank's statement.
     *
     * @throws PurchaseException {@code bank-unavailable} when the bank is not bound or cannot answer
     */
    ReconciliationReport reconcile(String bankId);
}

package org.accordpay.shell.internal;

import org.accordpay.api.purchase.Books;
import org.accordpay.api.purchase.dto.ReconciliationReport;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:reconcile [BANK]}: Accord's books against the bank's statement; first line RECONCILED or DIFFERENCES. */
@Service
@Command(scope = "accord", name = "reconcile", description = "Compares Accord's books with a bank's statement")
public final class ReconcileCommand implements Action {

    @Reference
    Books books;

    @Argument(index = 0, name = "bank", description = "Bank connection id (default: ledger)")
    String bankId = "ledger";

    @Override
    public Object execute() throws Exception {
        ReconciliationReport r;
        try {
            r = books.reconcile(bankId);
        } catch (org.accordpay.api.purchase.PurchaseException e) {
            throw new IllegalStateException("Refused [" + e.code() + "]: " + e.getMessage());
        }
        System.out.println(r.reconciles() ? "RECONCILED" : "DIFFERENCES: " + r.differences().size());
        System.out.println("bank      : " + r.bankId() + " at " + r.at());
        System.out.println("accord    : " + r.accordBalance().stream().map(PurchaseCommands::amount).toList());
        System.out.println("bank says : " + r.bankBalance().stream().map(PurchaseCommands::amount).toList());
        System.out.println("in flight : " + r.inFlight());
        r.differences().forEach(d -> System.out.println("  " + d));
        return null;
    }
}

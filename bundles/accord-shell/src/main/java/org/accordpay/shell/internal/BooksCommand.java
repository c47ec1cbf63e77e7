package org.accordpay.shell.internal;

import org.accordpay.api.purchase.Books;
import org.accordpay.api.purchase.dto.AccountBalance;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:books}: Accord's account balances (escrow, payables, fees, banks) and whether they balance. */
@Service
@Command(scope = "accord", name = "books", description = "Shows Accord's account balances: escrow, payables, fees, banks")
public final class BooksCommand implements Action {

    @Reference
    Books books;

    @Override
    public Object execute() {
        for (AccountBalance b : books.balances()) {
            System.out.println(String.format("%-40s %16s", b.account(), PurchaseCommands.amount(b.balance())));
        }
        boolean balanced = books.balanced();
        System.out.println(balanced ? "BALANCED" : "NOT BALANCED");
        return null;
    }
}
